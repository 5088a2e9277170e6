// Re-records tests/fixtures/top/results.json: each case of cases.json run through the real
// procps-ng 4.0.2 top of this machine, over a /proc made of kubeplay's own process table (see
// record-ps.js), at kubeplay's frame times. top samples at start-up, again 0.15 s later for its
// first frame, then once a delay; it reads /proc/uptime at each sample and each summary, so
// /proc/uptime is a FIFO served by a loop that counts the reads: the table one delay before the
// case's instant serves the start-up sample, the case's instant the first frame, and one delay
// later the next (written half a delay after the first frame showed) …, each written in place
// between the samples. The boot time is chosen so that top's clock reads
// the case's instant. Tests replay each case through kubeplay's top: the same output.
//   npx tsx scripts/oracle/record-top.js
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { takeSnapshot } from '../../runtime/shell/commands/ps/process-snapshot';
import {
  DEFAULT_SESSION,
  DEFAULT_UPTIME,
  hostFiles,
  namespaceScript,
  sessionOf,
  statOf,
  uptimeOf,
  writeProc,
  writeProcesses,
} from './record-ps.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `argv` as the learner in the namespace over `proc`, calling `during` while it runs; with
 * `pty`, in a pty of that size made by script(1), whose output `chunks` gathers.
 */
async function runWhile(work, proc, env, argv, during, pty, chunks = []) {
  const envWords = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const script = namespaceScript(work, proc, 'env -i "$@"', 4242, !pty);
  const quote = (w) => `'${w.replace(/'/g, `'\\''`)}'`;
  const command = pty
    ? ['script', '-qec', `stty rows ${pty.rows} cols ${pty.cols}; exec ${argv.map(quote).join(' ')}`, '/dev/null']
    : argv;
  const child = spawn(
    'unshare',
    ['-m', '-p', '-f', '--propagation', 'private', 'sh', '-c', script, 'sh', ...envWords].concat([
      'setpriv',
      '--reuid=1000',
      '--regid=1000',
      '--clear-groups',
      ...command,
    ]),
  );
  let stdout = '';
  let stderr = '';
  let running = true;
  child.stdout.on('data', (chunk) => (stdout += chunk) && chunks.push(chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const status = new Promise((resolve) => child.on('close', (code) => resolve(code, (running = false))));
  await during(
    () => running,
    (keys) => child.stdin.write(keys),
  );
  const code = await status;
  return { stdout, stderr, status: code };
}

/** Serves /proc/uptime as a FIFO: each read gets `content`'s text; `reads()` counts them. */
function uptimeServer(proc, content, count) {
  writeFileSync(count, '0\n');
  spawnSync('mkfifo', [join(proc, 'uptime')]);
  // A pause after each read, lest a reader still open take the next one's text too.
  const loop = `n=0; while :; do cat ${content} > ${join(proc, 'uptime')}; n=$((n+1)); echo $n > ${count}; sleep 0.005; done`;
  const server = spawn('sh', ['-c', loop], { detached: true, stdio: 'ignore' });
  return {
    reads: () => Number(readFileSync(count, 'utf8')) || 0,
    stop: () => process.kill(-server.pid, 'SIGKILL'),
  };
}

/** The screen's rows (right-trimmed) after `chunks`, read through @xterm/headless. */
async function screenOf(chunks, { rows, cols }) {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  await new Promise((resolve) => term.write(Buffer.concat(chunks), resolve));
  // The visible rows: what scrolled off the top is left out.
  const buffer = term.buffer.active;
  return Array.from({ length: rows }, (_, y) =>
    buffer
      .getLine(buffer.baseY + y)
      .translateToString(true)
      .trimEnd(),
  );
}

/** The HH:MM:SS a top header shows for epoch seconds `s`. */
const clockOf = (s) => new Date(s * 1000).toISOString().slice(11, 19);

async function record(c, work) {
  const uptime = c.uptime ?? DEFAULT_UPTIME;
  const sessionAge = c.session ?? DEFAULT_SESSION;
  const delay = c.delay ?? 3;
  const proc = join(work, 'proc');
  const content = join(work, 'uptime-now');
  for (let attempt = 0; ; attempt++) {
    // Start just after a second begins, so that top's clock shows the whole second throughout.
    while (Date.now() % 1000 > 60) await sleep(5);
    const btime = Math.floor(Date.now() / 1000) - Math.floor(uptime);
    const at = (offset) => {
      const now = btime * 1000 + Math.round((uptime + offset) * 1000);
      const loginAt = btime * 1000 + Math.round((uptime - sessionAge) * 1000);
      const start = btime * 1000 + Math.round(uptime * 1000);
      const args = ['top', ...c.args].join(' ');
      return takeSnapshot({
        now,
        uptime: Math.max(0, uptime + offset),
        loginAt,
        session: sessionOf(loginAt, start, args),
      });
    };
    const first = at(-delay);
    rmSync(proc, { recursive: true, force: true });
    writeProc(proc, first, 4243, { uptime: false });
    writeFileSync(content, uptimeOf(first));
    const server = uptimeServer(proc, content, join(work, 'reads'));
    const env = {
      PATH: '/usr/bin:/bin',
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      TERM: 'xterm-256color',
      ...(c.cols ? { COLUMNS: String(c.cols) } : {}),
    };
    const chunks = [];
    const screens = [];
    const pty = c.at && { rows: c.rows ?? 24, cols: c.cols ?? 80 };
    const frames = c.at ? c.at.length : (c.frames ?? 0);
    const began = Date.now();
    const result = await runWhile(
      work,
      proc,
      env,
      ['top', ...c.args],
      async (running, type) => {
        const until = async (reads) => {
          while (running() && server.reads() < reads) await sleep(2);
          return running();
        };
        const feed = async () => {
          if (!frames) return;
          // The start-up sample is being taken (its /proc/stat read already): the first frame's
          // CPU states count from it, its tasks from the table 0.15 s later.
          if (!(await until(1))) return;
          writeFileSync(join(proc, 'stat'), statOf(at(0)));
          writeFileSync(content, uptimeOf(at(0)));
          await sleep(60);
          writeProcesses(proc, at(0));
          // The first frame shows once its summary has read /proc/uptime; each next one samples
          // a delay later: its table goes in half a delay before.
          if (!(await until(3))) return;
          const shown = Date.now();
          for (let k = 1; k < frames; k++) {
            await sleep(shown + (k - 0.5) * delay * 1000 - Date.now());
            if (!running()) return;
            const next = at(k * delay);
            writeFileSync(content, uptimeOf(next));
            writeFileSync(join(proc, 'stat'), statOf(next));
            writeProcesses(proc, next);
          }
        };
        // On a terminal: the screen at each instant, then the keys, then the screen left behind.
        const look = async () => {
          if (!pty) return;
          for (const ms of c.at) {
            await sleep(began + ms - Date.now());
            screens.push({ at: ms, screen: await screenOf(chunks, pty) });
          }
          type(c.keys ?? 'q');
          while (running()) await sleep(10);
        };
        await Promise.all([feed(), look()]);
      },
      pty,
      chunks,
    );
    if (pty) result.after = await screenOf(chunks, pty);
    server.stop();
    const heads = pty
      ? screens.map(({ screen }) => /^top - (\d\d:\d\d:\d\d)/.exec(screen[0])?.[1])
      : [...result.stdout.matchAll(/^top - (\d\d:\d\d:\d\d)/gm)].map((m) => m[1]);
    const expected = Array.from({ length: frames }, (_, k) => clockOf(btime + Math.floor(uptime + k * delay)));
    const sampled = !frames || !/100\.0 id/.test(pty ? JSON.stringify(screens) : result.stdout);
    if ((JSON.stringify(heads) === JSON.stringify(expected) && sampled) || attempt === 4) {
      if (attempt === 4 && frames) console.warn(`top ${c.args.join(' ')}: frames off (${heads} vs ${expected})`);
      if (pty) return { ...c, btime, screens, after: result.after, status: result.status };
      return { ...c, btime, ...result };
    }
  }
}

const dir = new URL('../../tests/fixtures/top/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8'));
const work = `/dev/shm/kubeplay-top-${process.pid}`;
await hostFiles(work);
const results = [];
for (const c of cases) results.push(await record(c, work));
rmSync(work, { recursive: true, force: true });
writeFileSync(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
console.log(`top: ${results.length} cases recorded`);
