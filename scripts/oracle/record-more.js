// Re-records tests/fixtures/more/results.json: each case of cases.json run by the real util-linux
// `more` in a pty made by script(1) (80×24 unless the case says otherwise), its files written to a
// fresh directory, keys sent one at a time with pauses, everything it drew read back through
// @xterm/headless — the whole buffer with its scrollback, for more scrolls instead of taking the
// screen. tests/more-replay.test.ts types the same keys into kubeplay's more and requires the same.
//
// more runs with -e: util-linux 2.38 (Debian 12, where this was recorded) waits at the end of the
// last file unless told, while 2.39 (Ubuntu 24.04, which kubeplay imitates) exits there by default
// (unless POSIXLY_CORRECT is set), as -e does.
//   node scripts/oracle/record-more.js
//
// With `man`, it records man(1) instead: each page of runtime/shell/commands/man/pages turned into
// man(7) source (roff.ts) and formatted by the real man-db and groff at several widths — the
// overstruck text groff writes, kept as a SHA-256 (and in full for a few pages) in man-pages.json
// — and the cases of man-cases.json: keys typed into the real man paging a page through less, the
// 80×24 screen read back as for the editors (man-results.json). Run it with tsx, which imports the
// pages' TypeScript:
//   npx tsx scripts/oracle/record-more.js man
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';

const dir = new URL('../../tests/fixtures/more/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A file's text: a string, or { seq: N } for the lines 1..N as seq(1) prints them. */
function fileText(spec) {
  if (typeof spec === 'string') return spec;
  return Array.from({ length: spec.seq }, (_, i) => `${i + 1}\n`).join('');
}

/** Quotes an argument for sh. */
const quote = (arg) => `'${arg.replace(/'/g, "'\\''")}'`;

async function record(c) {
  const rows = c.rows ?? 24;
  const cols = c.cols ?? 80;
  const work = mkdtempSync(join(tmpdir(), 'more-'));
  for (const [name, spec] of Object.entries(c.files ?? {})) writeFileSync(join(work, name), fileText(spec));
  for (const name of c.dirs ?? []) mkdirSync(join(work, name));
  const command = `stty rows ${rows} cols ${cols}; exec more -e ${c.args.map(quote).join(' ')}`;
  const child = spawn('script', ['-qc', command, '/dev/null'], {
    cwd: work,
    env: { PATH: process.env.PATH, TERM: 'xterm-256color', HOME: work, LANG: 'C.UTF-8', ...c.env },
  });
  const chunks = [];
  let exited = false;
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  child.on('exit', () => (exited = true));
  await sleep(600);
  for (const key of c.keys) {
    if (exited) break;
    child.stdin.write(key);
    await sleep(300);
  }
  await sleep(300);
  const running = !exited;
  child.kill('SIGKILL');
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 10000 });
  await new Promise((resolve) => term.write(Buffer.concat(chunks), resolve));
  const buffer = term.buffer.active;
  const screen = [];
  for (let y = 0; y < buffer.length; y++) screen.push(buffer.getLine(y).translateToString(true).trimEnd());
  while (screen.length > 0 && screen[screen.length - 1] === '') screen.pop();
  await sleep(100);
  rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  return { ...c, screen, cursor: { x: buffer.cursorX, y: buffer.baseY + buffer.cursorY }, running };
}

/** Every page's source in a fresh MANPATH directory (man1/ls.1, man5/proc.5, ...). */
function manpath(pages, toRoff) {
  const root = mkdtempSync(join(tmpdir(), 'manpath-'));
  for (const page of pages) {
    mkdirSync(join(root, `man${page.section}`), { recursive: true });
    for (const name of [page.name, ...(page.aliases ?? [])])
      writeFileSync(join(root, `man${page.section}`, `${name}.${page.section}`), toRoff(page));
  }
  return root;
}

/** The real man paging `page` in a pty, keys sent one at a time; the screen as the editors' are. */
async function recordMan(root, { name, page, keys }) {
  const child = spawn('script', ['-qc', `stty rows 24 cols 80; man ${page}`, '/dev/null'], {
    env: { PATH: process.env.PATH, TERM: 'xterm-256color', HOME: root, LANG: 'C.UTF-8', MANPATH: root },
  });
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  await sleep(1000);
  for (const key of keys) {
    child.stdin.write(key);
    await sleep(350);
  }
  child.kill('SIGKILL');
  const term = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  await new Promise((resolve) => term.write(Buffer.concat(chunks), resolve));
  const buffer = term.buffer.active;
  const screen = [];
  for (let y = 0; y < 24; y++)
    screen.push(
      buffer
        .getLine(buffer.baseY + y)
        .translateToString(true)
        .trimEnd(),
    );
  return { name, page, keys, screen, cursor: { x: buffer.cursorX, y: buffer.cursorY } };
}

if (process.argv[2] === 'man') {
  const { MAN_PAGES } = await import('../../runtime/shell/commands/man/pages/index.ts');
  const { toRoff } = await import('../../runtime/shell/commands/man/roff.ts');
  const root = manpath(MAN_PAGES, toRoff);
  const KEEP = new Set(['ls', 'kubectl', 'bash']);
  const formatted = [];
  for (const page of MAN_PAGES)
    for (const columns of [80, 60, 100, 120]) {
      const file = join(root, `man${page.section}`, `${page.name}.${page.section}`);
      const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', MAN_KEEP_FORMATTING: '1', COLUMNS: String(columns) };
      const text = spawnSync('man', ['-l', file], { env, encoding: 'utf8' }).stdout;
      const sha256 = createHash('sha256').update(text).digest('hex');
      formatted.push({ name: page.name, columns, sha256, ...(KEEP.has(page.name) && columns === 80 ? { text } : {}) });
    }
  writeFileSync(new URL('man-pages.json', dir), `${JSON.stringify(formatted, null, 2)}\n`);
  const manCases = JSON.parse(readFileSync(new URL('man-cases.json', dir), 'utf8'));
  const screens = [];
  for (const c of manCases) screens.push(await recordMan(root, c));
  writeFileSync(new URL('man-results.json', dir), `${JSON.stringify(screens, null, 2)}\n`);
  rmSync(root, { recursive: true, force: true });
  console.log(`man: ${formatted.length} formatted pages, ${screens.length} cases recorded`);
} else {
  const results = [];
  for (const c of cases) results.push(await record(c));
  writeFileSync(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`more: ${results.length} cases recorded`);
}
