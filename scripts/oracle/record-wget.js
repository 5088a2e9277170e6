// Re-records tests/fixtures/wget/cases.json: each case below run by the real GNU Wget 1.21.3
// (Debian 12's /usr/bin/wget) on record-curl.js's private network and servers (see there). Cases
// marked `tty` run under script(1) on an 80-column pseudo-terminal, as a learner's terminal runs
// them (wget draws its progress bar only there); the others write to pipes (the dot progress).
// The replay (runtime/shell/commands/wget/wget-oracle.test.ts) normalises both outputs alike.
//   node scripts/oracle/record-wget.js        (as root; about three minutes)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FILES,
  SERVERS,
  inNamespace,
  makeCertificates,
  newFiles,
  runProgram,
  setUpNetwork,
  startServers,
} from './record-curl.js';

const API = 'https://192.168.49.2:8443';
const NODE = 'http://192.168.49.2:30080';

/** wget's arguments; `tty` runs on a terminal, `slow` waits out a timeout. */
const CASES = [
  ['--help'],
  ['--version'],
  ['-V'],
  [],
  ['--foo'],
  ['-Z'],
  ['-T'],
  ['-T', 'abc', NODE],
  [NODE],
  [NODE, { tty: true }],
  [`${NODE}/index.html`, { tty: true }],
  ['-q', NODE],
  ['-O', 'page.html', NODE],
  ['-O', '-', NODE],
  ['-qO-', NODE],
  ['-qO-', `${NODE}/echo`],
  ['-S', NODE],
  ['-S', '-O', '/dev/null', NODE, { tty: true }],
  ['--spider', NODE],
  ['--spider', `${NODE}/nope`],
  [`${NODE}/nope`],
  [`${NODE}/nope`, { tty: true }],
  [`${NODE}/old`],
  ['--max-redirect=0', `${NODE}/old`],
  [`${NODE}/loop`],
  ['http://foo/'],
  ['foo'],
  ['minikube:30080'],
  ['localhost:8002'],
  ['http://127.0.0.1:8002/'],
  ['-T', '2', '-t', '2', 'http://10.244.0.5/'],
  ['-t', '1', 'http://10.96.0.1/', { slow: true }],
  [`${API}/version`],
  ['--no-check-certificate', '-qO-', `${API}/version`],
  ['--no-check-certificate', `${API}/version`],
  ['--no-check-certificate', `${API}/api/v1/pods`],
  ['--ca-certificate=ca.crt', '-O-', `${API}/version`],
  ['--ca-certificate=ca.crt', 'https://minikube:8443/version'],
  ['--ca-certificate=missing.crt', `${API}/version`],
  ['https://localhost:8001/version'],
  ['http://192.168.49.2:8443/version'],
  ['-qO-', '--post-data=a=1&b=2', `${NODE}/echo`],
  ['-qO-', '--header=Content-Type: application/json', '--post-file=data.json', `${NODE}/echo`],
  ['-qO-', '--method=DELETE', `${NODE}/echo`],
  ['-qO-', '--user-agent=tester/1.0', `${NODE}/echo`],
  ['-qO-', '--user=admin', '--password=secret', `${NODE}/echo`],
  ['-qO-', 'localhost:8001/version'],
  ['-nv', NODE],
  [NODE, NODE],
  ['-O', 'nodir/x.html', NODE],
  ['ftp2://x'],
  ['http://'],
  ['-t', '1', 'http://10.244.0.7:8080/', { synRetries: 1 }],
  ['http://192.168.49.2:30080/', { tty: true, cols: 40 }],
  ['-q', '--show-progress', 'http://192.168.49.2:30080/', { tty: true }],
  ['--progress=dot', '-O', '/dev/null', 'http://192.168.49.2:30080/', { tty: true }],
  ['-qO-', '--body-data=x', '--method=PUT', `${NODE}/echo`],
  ['-O', 'out.json', '--no-check-certificate', '-S', `${API}/healthz`],
];

async function record() {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-wget-'));
  const certs = makeCertificates(dir);
  setUpNetwork(dir);
  const servers = await startServers(certs);
  const results = [];
  for (const entry of CASES) {
    const options = typeof entry.at(-1) === 'object' ? entry.at(-1) : {};
    const args = options === entry.at(-1) ? entry.slice(0, -1) : entry;
    const cwd = join(dir, 'case');
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd);
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(cwd, name), text);
    writeFileSync(join(cwd, 'ca.crt'), certs.ca);
    const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const argv = options.tty
      ? ['script', '-qec', `stty cols ${options.cols ?? 80} rows 24; wget ${quoted}`, '/dev/null']
      : ['wget', ...args];
    spawnSync('sysctl', ['-qw', `net.ipv4.tcp_syn_retries=${options.synRetries ?? 6}`]);
    const result = await runProgram(argv, cwd, cwd);
    results.push({
      args,
      ...(options.tty ? { tty: true, cols: options.cols ?? 80 } : {}),
      ...(options.slow ? { slow: true } : {}),
      ...result,
    });
    results.at(-1).files = newFiles(cwd);
    process.stderr.write('.');
  }
  for (const server of servers) server.close();
  const out = new URL('../../tests/fixtures/wget/', import.meta.url);
  mkdirSync(out, { recursive: true });
  const fixture = { servers: SERVERS, files: FILES, ca: certs.ca, cert: certs.cert, cases: results };
  writeFileSync(new URL('cases.json', out), `${JSON.stringify(fixture, null, 1)}\n`);
  process.stderr.write(`\n${results.length} cases\n`);
  process.exit(0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--inside')) await record();
  else inNamespace(fileURLToPath(import.meta.url));
}
