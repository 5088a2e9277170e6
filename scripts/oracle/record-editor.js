// Re-records tests/fixtures/<editor>/results.json: each case of its cases.json typed into the
// real editor — vim as Debian has it (its defaults.vim: no vimrc, HOME without one), or GNU nano
// 7.2 with no nanorc — in an 80×24 pty made by script(1), keys sent one group at a time with
// pauses, the screen read back through @xterm/headless. Tests type the same keys into kubeplay's
// editor and require the same screen text, cursor and file contents.
//   node scripts/oracle/record-editor.js vi|nano|less
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';

const EDITORS = { vi: 'vim -n', nano: 'nano', less: 'less' };
const editor = process.argv[2];
if (!(editor in EDITORS)) throw new Error('usage: node scripts/oracle/record-editor.js vi|nano|less');
const dir = new URL(`../../tests/fixtures/${editor}/`, import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function record({ name, file, text, keys }) {
  const work = mkdtempSync(join(tmpdir(), 'vi-'));
  if (text !== undefined) writeFileSync(join(work, file), text);
  const child = spawn('script', ['-qc', `stty rows 24 cols 80; ${EDITORS[editor]} ${file}`, '/dev/null'], {
    cwd: work,
    env: { PATH: process.env.PATH, TERM: 'xterm-256color', HOME: work, LANG: 'C.UTF-8' },
  });
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  await sleep(700);
  for (const group of keys) {
    child.stdin.write(group);
    await sleep(350);
  }
  child.kill('SIGKILL');
  const term = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  await new Promise((resolve) => term.write(Buffer.concat(chunks), resolve));
  const buffer = term.buffer.active;
  const screen = [];
  for (let y = 0; y < 24; y++) screen.push(buffer.getLine(y).translateToString(true).trimEnd());
  const path = join(work, file);
  const saved = existsSync(path) ? readFileSync(path, 'utf8') : null;
  await sleep(200);
  rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  return { name, file, text, keys, screen, cursor: { x: buffer.cursorX, y: buffer.cursorY }, saved };
}

const results = [];
for (const c of cases) results.push(await record(c));
writeFileSync(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
console.log(`${editor}: ${results.length} cases recorded`);
