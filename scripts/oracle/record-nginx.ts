// Re-records tests/fixtures/nginx/cases.json: the real nginx of this machine (Debian 12's
// nginx 1.22.1, `apt-get install -y nginx`) run in the foreground with the official image's
// configuration (its nginx.conf and conf.d/default.conf, the access log on stdout and the error
// log on stderr as the image links them), serving the image's /usr/share/nginx/html (the module's
// files, with the image's modification times) plus the files each case adds. Every case is one
// raw HTTP/1.1 request on a fresh connection; the fixture keeps the response's bytes, the access
// log line and the error log lines. A second run records the master's own log: start-up, a
// reload (SIGHUP) and the graceful (SIGQUIT) and fast (SIGTERM) shutdowns.
// What differs between this machine and the image is normalised where it is recorded: the
// version (1.22.1 → the image's), the compiler and kernel lines, pids (master 1, workers 29, 30 …),
// the document root's temporary path, dates and times.
//   npx tsx scripts/oracle/record-nginx.ts        (as root; a few seconds)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NGINX_CONF, NGINX_DEFAULT_CONF } from '../../runtime/images/nginx/config-files';
import { NGINX_INDEX_HTML } from '../../runtime/images/nginx';
import { IMAGE_FILE_MTIME, NGINX_50X_HTML } from '../../runtime/images/nginx/html';
import { NGINX_VERSION } from '../../runtime/images/nginx/version';
import { NGINX_CASES, type NginxCase } from '../../tests/fixtures/nginx/cases';

const PORT = 80;
const ORACLE_VERSION = spawnSync('nginx', ['-v'], { encoding: 'utf8' })
  .stderr.trim()
  .replace(/^.*nginx\//, '');
const HTML = '/usr/share/nginx/html';

/** A prefix with the image's configuration, rooted at `root` instead of /usr/share/nginx/html. */
function writeConfig(prefix: string, root: string, workers: number): string {
  mkdirSync(join(prefix, 'conf.d'), { recursive: true });
  const main = NGINX_CONF.replace('user  nginx;\n', '')
    .replace('worker_processes  auto;', `worker_processes  ${workers};`)
    .replace('/var/log/nginx/error.log', '/dev/stderr')
    .replace('pid        /run/nginx.pid;', `pid        ${prefix}/nginx.pid;`)
    .replace('/var/log/nginx/access.log', '/dev/stdout')
    .replace('/etc/nginx/conf.d/*.conf', `${prefix}/conf.d/*.conf`);
  writeFileSync(join(prefix, 'nginx.conf'), `daemon off;\n${main}`);
  const server = NGINX_DEFAULT_CONF.replaceAll(HTML, root).replace(
    `listen       80;`,
    `listen       127.0.0.1:${PORT};`,
  );
  writeFileSync(join(prefix, 'conf.d', 'default.conf'), server.replace('    listen  [::]:80;\n', ''));
  return join(prefix, 'nginx.conf');
}

/** The image's html files, then the case's, each with its modification time. */
function writeFiles(root: string, files: NginxCase['files']): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const all = {
    '/index.html': { data: NGINX_INDEX_HTML, mtime: IMAGE_FILE_MTIME },
    '/50x.html': { data: NGINX_50X_HTML, mtime: IMAGE_FILE_MTIME },
    ...files,
  };
  for (const [path, file] of Object.entries(all)) {
    const full = join(root, path);
    if (path.endsWith('/')) mkdirSync(full, { recursive: true, mode: 0o755 });
    else {
      mkdirSync(dirname(full), { recursive: true, mode: 0o755 });
      writeFileSync(full, file.data);
      utimesSync(full, file.mtime / 1000, file.mtime / 1000);
    }
  }
  spawnSync('chmod', ['-R', 'a+rX', root]);
}

/** Sends `raw` on a new connection and reads one reply (by its Content-Length) or until close. */
function exchange(raw: string): Promise<string> {
  const head = raw.startsWith('HEAD ');
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, '127.0.0.1');
    let reply = '';
    const done = (): void => {
      socket.destroy();
      resolve(reply);
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      reply += chunk;
      const end = reply.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = Number(reply.slice(9, 12));
      const length = /\r\nContent-Length: (\d+)/i.exec(reply.slice(0, end));
      const bodyLength = head || status === 304 ? 0 : length ? Number(length[1]) : Infinity;
      if (reply.length >= end + 4 + bodyLength) done();
    });
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
    socket.write(raw, 'latin1');
    socket.setTimeout(3000, done);
  });
}

const settle = (ms = 300): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
}

/** An empty file opened for appending: nginx's own open of /dev/stderr writes at the end too, as into a pipe. */
function appendTo(path: string): number {
  writeFileSync(path, '');
  return openSync(path, 'a');
}

/** Starts nginx with its stdout and stderr on files (it opens /dev/stdout and /dev/stderr as the image's log links, which a pipe refuses). */
function start(config: string, prefix: string): Running {
  const out = join(prefix, 'stdout');
  const err = join(prefix, 'stderr');
  const child = spawn('nginx', ['-p', prefix, '-e', '/dev/stderr', '-c', config], {
    stdio: ['ignore', appendTo(out), appendTo(err)],
  });
  return { child, stdout: () => readFileSync(out, 'latin1'), stderr: () => readFileSync(err, 'latin1') };
}

/** This machine's particulars in a log line, made the image's. */
function normaliseLog(text: string, root: string, pids: Map<string, string>): string {
  return text
    .replaceAll(root, HTML)
    .replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /gm, '2026/01/01 00:00:00 ')
    .replace(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\]/g, '[01/Jan/2026:00:00:00 +0000]')
    .replaceAll(`nginx/${ORACLE_VERSION}`, `nginx/${NGINX_VERSION}`)
    .replace(/\b(\d+)#(\d+)\b/g, (_, a: string, b: string) => `${pids.get(a) ?? a}#${pids.get(b) ?? b}`)
    .replace(/received from (\d+)/g, (all, pid: string) => (pids.has(pid) ? all : 'received from <sender>'))
    .replace(
      /(received from |worker process |start worker process |exited with code )?\b(\d{3,})\b/g,
      (all, lead: string, pid: string) => (lead && pids.has(pid) ? `${lead}${pids.get(pid)}` : all),
    );
}

/** Names pids as the container shows them: the master is 1, workers 29, 30 … in start order. */
function pidMap(master: number, log: string): Map<string, string> {
  const pids = new Map<string, string>([[String(master), '1']]);
  let next = 29;
  for (const match of log.matchAll(/start worker process (\d+)/g)) pids.set(match[1], String(next++));
  return pids;
}

function normaliseResponse(raw: string): string {
  return raw
    .replace(/^Date: .*$/m, 'Date: Thu, 01 Jan 2026 00:00:00 GMT')
    .replaceAll(`nginx/${ORACLE_VERSION}`, `nginx/${NGINX_VERSION}`);
}

async function recordRequests(work: string): Promise<unknown[]> {
  const root = join(work, 'html');
  const prefix = join(work, 'requests');
  const config = writeConfig(prefix, root, 1);
  const results: unknown[] = [];
  for (const testCase of NGINX_CASES) {
    writeFiles(root, testCase.files);
    const running = start(config, prefix);
    await settle();
    const pids = pidMap(running.child.pid ?? 0, running.stderr());
    const startLog = running.stderr().length;
    const response = await exchange(testCase.raw).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.stderr()}`);
    });
    await settle(100);
    running.child.kill('SIGTERM');
    await new Promise((resolve) => running.child.on('exit', resolve));
    const errors = normaliseLog(running.stderr().slice(startLog), root, pids)
      .split('\n')
      .filter((line) => / \[(error|warn|info|crit|alert)\] /.test(line));
    results.push({
      name: testCase.name,
      response: normaliseResponse(response),
      accessLog: normaliseLog(running.stdout(), root, pids),
      errorLog: errors.map((line) => `${line}\n`).join(''),
    });
  }
  return results;
}

/**
 * The master's log: start, a reload, then `signal`. One worker, as with two the workers' exits
 * race each other (and SIGCHLDs merge) differently from run to run.
 */
async function recordLifecycle(work: string, signal: 'SIGQUIT' | 'SIGTERM'): Promise<string> {
  const root = join(work, 'html');
  const prefix = join(work, `lifecycle-${signal}`);
  writeFiles(root, {});
  const running = start(writeConfig(prefix, root, 1), prefix);
  await settle(500);
  running.child.kill('SIGHUP');
  await settle(800);
  running.child.kill(signal);
  await new Promise((resolve) => running.child.on('exit', resolve));
  const log = running.stderr();
  return normaliseLog(log, root, pidMap(running.child.pid ?? 0, log))
    .replace(/built by gcc .*\n/, 'built by gcc <compiler>\n')
    .replace(/OS: Linux .*\n/, 'OS: Linux <kernel>\n')
    .replace(/getrlimit\(RLIMIT_NOFILE\): .*\n/, 'getrlimit(RLIMIT_NOFILE): <limits>\n');
}

/** `nginx ARGS` with the image's paths (its prefix, configuration, pid file and error log); `<pid>` for its own pid. */
const CLI_CASES = [
  ['-v'],
  ['-h'],
  ['-?'],
  ['-t'],
  ['-q', '-t'],
  ['-s', 'reload'],
  ['-s', 'stop'],
  ['-s', 'foo'],
  ['-s'],
  ['-x'],
  ['-c'],
  ['-t', '-c', '/etc/nginx/missing.conf'],
  ['-g'],
];

function recordCli(work: string): { args: string[]; stderr: string; stdout: string; status: number }[] {
  const prefix = join(work, 'cli');
  const config = writeConfig(prefix, join(work, 'html'), 2);
  return CLI_CASES.map((args) => {
    const real = args.map((arg) => (arg === '/etc/nginx/missing.conf' ? join(prefix, 'missing.conf') : arg));
    const paths = args.includes('-c')
      ? ['-p', prefix, '-e', '/dev/stderr']
      : ['-p', prefix, '-e', '/dev/stderr', '-c', config];
    const out = join(prefix, 'out');
    const err = join(prefix, 'err');
    rmSync(join(prefix, 'nginx.pid'), { force: true });
    const run = spawnSync('nginx', [...paths, ...real], { stdio: ['ignore', appendTo(out), appendTo(err)] });
    const normalise = (text: string): string =>
      text
        .replaceAll(join(prefix, 'missing.conf'), '/etc/nginx/missing.conf')
        .replaceAll(config, '/etc/nginx/nginx.conf')
        .replaceAll(join(prefix, 'nginx.pid'), '/run/nginx.pid')
        .replace('(default: /usr/share/nginx/)', '(default: /etc/nginx/)')
        .replace('set error log file (default: stderr)', 'set error log file (default: /var/log/nginx/error.log)')
        .replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /gm, '2026/01/01 00:00:00 ')
        .replace(/\b\d+#\d+:/g, '<pid>#<pid>:')
        .replaceAll(`nginx/${ORACLE_VERSION}`, `nginx/${NGINX_VERSION}`);
    return {
      args,
      stdout: normalise(readFileSync(out, 'latin1')),
      stderr: normalise(readFileSync(err, 'latin1')),
      status: run.status ?? -1,
    };
  });
}

const work = mkdtempSync(join(tmpdir(), 'nginx-oracle-'));
chmodSync(work, 0o755);
try {
  const requests = await recordRequests(work);
  const lifecycle = {
    SIGQUIT: await recordLifecycle(work, 'SIGQUIT'),
    SIGTERM: await recordLifecycle(work, 'SIGTERM'),
  };
  const cli = recordCli(work);
  const out = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/nginx/results.json');
  const packaged = readFileSync('/usr/share/nginx/html/index.html', 'utf8');
  writeFileSync(
    out,
    `${JSON.stringify({ oracle: `nginx/${ORACLE_VERSION} (Debian)`, packagedIndexHtml: packaged, requests, lifecycle, cli }, null, 2)}\n`,
  );
  console.log(`${requests.length} requests recorded to ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
