// Re-records tests/fixtures/watch/results.json from the real procps-ng 4.0.2 watch of this
// machine. Text cases (help, version, bad arguments) run it with pipes and keep stdout, stderr
// and the exit status. Screen cases run it in a pty made by script(1) (TERM=xterm-256color, UTC,
// in a UTS namespace named kubeplay), started just after a second begins; the screen is read
// through @xterm/headless at each of the case's instants (ms after the start) — its text and
// which cells stand out — and after Ctrl-C, the exit status. The commands watched print the same
// on the real host and in kubeplay. Tests replay each case in a kubeplay session on the virtual
// clock, from the recorded start, and require the same screens.
//   node scripts/oracle/record-watch.js
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import xterm from '@xterm/headless';

const dir = new URL('../../tests/fixtures/watch/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ENV = { PATH: '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8', TZ: 'UTC', HOME: '/tmp' };
const quote = (w) => `'${w.replace(/'/g, `'\\''`)}'`;

/** A text case: watch with pipes, as when its arguments are wrong. */
function text(c) {
  const child = spawnSync('unshare', ['-u', 'sh', '-c', 'hostname kubeplay; exec watch "$@"', 'sh', ...c.args], {
    env: { ...ENV, ...c.env },
    encoding: 'utf8',
    timeout: 5000,
  });
  return { ...c, stdout: child.stdout, stderr: child.stderr, status: child.status };
}

/** The screen: rows right-trimmed, and where cells stand out (reverse video) as `^`. */
async function screenOf(chunks, cols, rows) {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  await new Promise((resolve) => term.write(Buffer.concat(chunks), resolve));
  const buffer = term.buffer.active;
  const lines = [];
  const marks = [];
  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(buffer.baseY + y);
    lines.push(line.translateToString(true));
    let mark = '';
    for (let x = 0; x < cols; x++) mark += line.getCell(x)?.isInverse() ? '^' : ' ';
    marks.push(mark.trimEnd());
  }
  return { screen: lines, standout: marks, alternate: buffer.type === 'alternate' };
}

/** A screen case: watch in a pty, screens at the instants, then Ctrl-C. */
async function screen(c) {
  const cols = c.cols ?? 80;
  const rows = c.rows ?? 24;
  while (Date.now() % 1000 > 50) await sleep(5);
  const started = Date.now();
  const line = `stty rows ${rows} cols ${cols}; exec watch ${c.args.map(quote).join(' ')}`;
  const child = spawn('unshare', ['-u', 'sh', '-c', `hostname kubeplay; exec script -qec ${quote(line)} /dev/null`], {
    env: { ...ENV, ...c.env },
  });
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  const status = new Promise((resolve) => child.on('close', resolve));
  const screens = [];
  for (const at of c.at) {
    await sleep(started + at - Date.now());
    screens.push({ at, ...(await screenOf(chunks, cols, rows)) });
  }
  child.stdin.write('\x03');
  const code = await status;
  const after = await screenOf(chunks, cols, rows);
  return { ...c, start: Math.floor(started / 1000), screens, status: code, alternateAfter: after.alternate };
}

const results = [];
for (const c of cases) results.push(c.at ? await screen(c) : text(c));
writeFileSync(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
console.log(`watch: ${results.length} cases recorded`);
