// Re-records tests/fixtures/busybox/cases.json: each case below run by the real busybox (Debian
// 12's /usr/bin/busybox, 1.35.0: nslookup.c, wget.c and the usage texts recorded here are the
// same in 1.36.1, the image's version) inside a private network that stands in for a pod: a
// network namespace (`unshare -n -m`, so root) whose loopback carries the cluster DNS address
// 10.96.0.10, a Service address 10.96.0.12 and a pod address 10.244.0.5, and whose
// /etc/resolv.conf and /etc/hosts are a pod's, with a veth eth0 holding the pod's own address
// 10.244.0.9/16 (its peer in another namespace, as the CNI leaves it). On them listen, in this
// process, a CoreDNS-like nameserver answering from ZONE (port 53) and an nginx-like HTTP server
// (port 80; port 81 accepts and never answers). The fixture keeps every DNS answer and HTTP
// reply the recording gave, so the replay (runtime/images/busybox/busybox-oracle.test.ts) serves
// exactly what busybox saw. The file cases run in a fresh directory (TREE for `tree` cases).
// It also writes runtime/images/busybox/usage-texts.ts: each applet's usage text, below the banner.
//   node scripts/oracle/record-busybox.js        (as root; about ten seconds)
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DNS = '10.96.0.10';
const SERVICE = '10.96.0.12';
const POD = '10.244.0.5';
/** A nameserver address where nothing answers. */
const SILENT_DNS = '10.96.0.53';

/** A pod's /etc/resolv.conf in the default namespace, as the kubelet writes it. */
export const RESOLV_CONF =
  'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n';
/** A pod's /etc/hosts, as the kubelet writes it. */
export const HOSTS =
  '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.0.9\tbb\n';

/** The records the nameserver knows: cluster names are authoritative, others forwarded. */
const ZONE = [
  ['nginx.default.svc.cluster.local', 'A', SERVICE],
  ['kubernetes.default.svc.cluster.local', 'A', '10.96.0.1'],
  ['kube-dns.kube-system.svc.cluster.local', 'A', DNS],
  ['web.default.svc.cluster.local', 'A', POD],
  ['web.default.svc.cluster.local', 'A', '10.244.0.6'],
  ['10-244-0-5.default.pod.cluster.local', 'A', POD],
  ['ext.default.svc.cluster.local', 'CNAME', 'example.com'],
  ['example.com', 'A', '93.184.215.14'],
  ['1.0.96.10.in-addr.arpa', 'PTR', 'kubernetes.default.svc.cluster.local'],
  ['12.0.96.10.in-addr.arpa', 'PTR', 'nginx.default.svc.cluster.local'],
  ['_http._tcp.nginx.default.svc.cluster.local', 'SRV', '0 100 80 nginx.default.svc.cluster.local'],
];

/** nginx's default page (runtime/images/nginx.ts) and its 404 page. */
const NGINX_INDEX = readFileSync(new URL('../../runtime/images/nginx.ts', import.meta.url), 'utf8')
  .split('export const NGINX_INDEX_HTML = `')[1]
  .split('`;')[0];
const NGINX_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.3</center>\r\n</body>\r\n</html>\r\n';
const DATE = 'Sun, 29 Nov 2026 07:21:11 GMT';

/** The HTTP server's answers by path (anything else: the 404 page). */
const ROUTES = {
  '/': { status: 200, headers: page('text/html', NGINX_INDEX), body: NGINX_INDEX },
  '/index.html': { status: 200, headers: page('text/html', NGINX_INDEX), body: NGINX_INDEX },
  '/hello.txt': { status: 200, headers: page('text/plain', 'hello\n'), body: 'hello\n' },
  '/old': {
    status: 301,
    headers: { ...page('text/html', ''), Location: `http://${SERVICE}/hello.txt` },
    body: '',
  },
  '/broken': { status: 500, headers: page('text/html', 'oops\n'), body: 'oops\n' },
};

function page(type, body) {
  return {
    Server: 'nginx/1.29.3',
    Date: DATE,
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
}

const NOT_FOUND = { status: 404, headers: page('text/html', NGINX_404), body: NGINX_404 };

/** busybox's arguments; `files` are in its directory before it runs, `stdin` is what it reads. */
const CASES = [
  ['nslookup', 'nginx'],
  ['nslookup', 'nginx.default'],
  ['nslookup', 'nginx.default.svc.cluster.local'],
  ['nslookup', 'kubernetes'],
  ['nslookup', 'kubernetes.default'],
  ['nslookup', 'nosuch'],
  ['nslookup', 'web'],
  ['nslookup', 'ext'],
  ['nslookup', 'example.com'],
  ['nslookup', '10.96.0.1'],
  ['nslookup', '10.96.0.99'],
  ['nslookup', 'nginx', DNS],
  ['nslookup', 'nginx.default.svc.cluster.local', DNS],
  ['nslookup', '-type=a', 'nginx'],
  ['nslookup', '-type=AAAA', 'nginx.default.svc.cluster.local'],
  ['nslookup', '-type=srv', '_http._tcp.nginx.default.svc.cluster.local'],
  ['nslookup', '-type=ptr', '12.0.96.10.in-addr.arpa'],
  ['nslookup', '-type=bogus', 'nginx'],
  ['nslookup', '-timeout=1', 'nginx', SILENT_DNS],
  ['nslookup'],
  ['nslookup', '-foo', 'nginx'],
  ['nslookup', 'a', 'b', 'c'],
  ['nslookup', '--help'],
  ['wget', 'nginx'],
  ['wget', 'http://nginx'],
  ['wget', 'http://nginx/'],
  ['wget', 'http://nginx.default.svc.cluster.local/index.html'],
  ['wget', `http://${SERVICE}/`],
  ['wget', `${SERVICE}:80/hello.txt`],
  ['wget', '-O', '-', 'nginx'],
  ['wget', '-qO-', 'nginx'],
  ['wget', '-qO-', 'nginx/hello.txt'],
  ['wget', '-q', 'nginx'],
  ['wget', '-O', 'page.html', 'nginx'],
  ['wget', '-S', 'nginx/hello.txt'],
  ['wget', '-S', '-O', '-', 'nginx/hello.txt'],
  ['wget', '--spider', 'nginx'],
  ['wget', '--spider', 'nginx/nope'],
  ['wget', '-q', '--spider', 'nginx'],
  ['wget', 'nginx/nope'],
  ['wget', '-q', 'nginx/nope'],
  ['wget', '-S', 'nginx/nope'],
  ['wget', 'nginx/broken'],
  ['wget', 'nginx/old'],
  ['wget', 'nginx/hello.txt', { files: { 'hello.txt': 'old\n' } }],
  ['wget', 'nginx:8080'],
  ['wget', '-q', 'nginx:8080'],
  ['wget', 'nosuch'],
  ['wget', 'http://nosuch/x'],
  ['wget', '-O', 'nodir/x', 'nginx'],
  ['wget'],
  ['wget', '--foo', 'nginx'],
  ['wget', '-Z'],
  ['wget', '--help'],
  ['wget', 'ftp2://x'],
  ['wget', 'http://'],
];

/** Applets whose usage (`--help`) and option errors are recorded. */
const USAGE_APPLETS = [
  'ls',
  'cat',
  'head',
  'tail',
  'echo',
  'printf',
  'env',
  'hostname',
  'ps',
  'id',
  'date',
  'sleep',
  'mkdir',
  'rm',
  'touch',
  'cp',
  'mv',
  'grep',
  'wc',
  'sed',
  'uname',
  'ifconfig',
  'ip',
  'ping',
  'nc',
  'vi',
  'top',
  'cut',
  'sort',
  'uniq',
  'tee',
  'pwd',
  'which',
  'whoami',
  'kill',
  'du',
  'df',
  'free',
  'find',
  'xargs',
  'tr',
  'basename',
  'dirname',
  'stat',
  'ln',
  'rmdir',
  'chmod',
  'seq',
  'tar',
  'uptime',
  'netstat',
  'route',
  'telnet',
  'traceroute',
  'base64',
  'md5sum',
  'sha256sum',
  'less',
  'more',
  'awk',
  'diff',
  'nproc',
  'readlink',
  'realpath',
  'test',
  'timeout',
  'watch',
];
for (const applet of USAGE_APPLETS) CASES.push([applet, '--help'], [applet, '--foo']);
/** The directory the `tree` cases list (runtime's replay builds the same). */
export const TREE = {
  files: { a: 'hello\n', 'd/f': 'x\n', 'run.sh': '#!/bin/sh\necho hi\n', '.hidden': '', empty: '' },
  executable: ['run.sh'],
};
/** When every file of TREE was last modified. */
export const TREE_MTIME = Date.UTC(2026, 10, 29, 7, 0, 0);
const STDIN = 'b:2\na:1\nc:3\na:1\n';
CASES.push(
  ['ls', { tree: true }],
  ['ls', '-1', { tree: true }],
  ['ls', '-a', { tree: true }],
  ['ls', '-A', { tree: true }],
  ['ls', '-l', { tree: true }],
  ['ls', '-lA', { tree: true }],
  ['ls', '-ln', { tree: true }],
  ['ls', '-lh', { tree: true }],
  ['ls', '-F', { tree: true }],
  ['ls', '-p', { tree: true }],
  ['ls', '-r', { tree: true }],
  ['ls', '-R', { tree: true }],
  ['ls', '-d', 'd', { tree: true }],
  ['ls', '-ld', 'd', { tree: true }],
  ['ls', 'd', { tree: true }],
  ['ls', 'a', 'd', { tree: true }],
  ['ls', 'd', 'a', 'missing', { tree: true }],
  ['ls', '-l', 'a', { tree: true }],
  ['cat', '-n', 'a', 'run.sh', { tree: true }],
  ['wc', { stdin: STDIN }],
  ['wc', '-l', { stdin: STDIN }],
  ['wc', 'a', 'run.sh', { tree: true }],
  ['grep', 'a', { stdin: STDIN }],
  ['grep', '-n', 'a', { stdin: STDIN }],
  ['grep', '-c', 'a', { stdin: STDIN }],
  ['grep', '-v', 'a', { stdin: STDIN }],
  ['grep', 'zzz', { stdin: STDIN }],
  ['grep', 'hi', 'a', 'run.sh', { tree: true }],
  ['head', '-n', '2', { stdin: STDIN }],
  ['head', '-2', { stdin: STDIN }],
  ['tail', '-n', '1', { stdin: STDIN }],
  ['tail', '-1', { stdin: STDIN }],
  ['sed', 's/a/X/', { stdin: STDIN }],
  ['sed', '-n', '2p', { stdin: STDIN }],
  ['sed', '/a/d', { stdin: STDIN }],
  ['cut', '-d:', '-f1', { stdin: STDIN }],
  ['sort', { stdin: STDIN }],
  ['sort', '-u', { stdin: STDIN }],
  ['uniq', '-c', { stdin: 'a\na\nb\n' }],
  ['tr', 'a-z', 'A-Z', { stdin: STDIN }],
  ['echo', 'hello', 'world'],
  ['echo', '-n', 'x'],
  ['printf', '%s-%d\n', 'a', '5'],
  ['env', '-i', 'A=1', 'env'],
  ['id', '-u'],
  ['id', '-un'],
  ['uname'],
  ['uname', '-s', '-m'],
  ['ls', '/nonexistent'],
  ['cat', '/nonexistent'],
  ['cat', 'a', 'missing', { files: { a: 'A\n' } }],
  ['head', '-n', 'x', 'a', { files: { a: 'A\n' } }],
  ['rm', 'missing'],
  ['rm', 'd', { files: { 'd/f': 'x' } }],
  ['rmdir', 'missing'],
  ['mkdir', 'd', { files: { 'd/f': 'x' } }],
  ['mkdir', 'x/y'],
  ['cp', 'missing', 'b'],
  ['cp', 'a'],
  ['mv', 'missing', 'b'],
  ['grep', 'x', 'missing'],
  ['grep'],
  ['wc', 'missing'],
  ['sleep', 'x'],
  ['sleep'],
  ['ping'],
  ['ping', '-c', '2', POD],
  ['ping', '-c', '1', '-q', POD],
  ['ping', '-c', '2', '-W', '1', '10.244.0.77'],
  ['ping', '-c', '1', 'nosuch'],
  ['ping', '-s', '100', '-c', '1', POD],
  ['ifconfig'],
  ['ifconfig', 'eth0'],
  ['ifconfig', 'lo'],
  ['ifconfig', 'eth1'],
  ['ifconfig', '-a'],
  ['ip', 'addr'],
  ['ip', 'a'],
  ['ip', 'addr', 'show', 'eth0'],
  ['ip', 'addr', 'show', 'dev', 'lo'],
  ['ip', '-4', 'addr'],
  ['ip', 'link'],
  ['ip', 'route'],
  ['ip', 'addr', 'show', 'eth1'],
  ['ip', 'foo'],
  ['nc', SERVICE, '8080'],
  ['nc', 'nosuch', '80'],
  ['nc'],
  ['kill'],
  ['printf'],
  ['touch'],
);

/** A DNS message: the question(s) of a query. */
function parseQuery(msg) {
  let offset = 12;
  const labels = [];
  while (msg[offset] !== 0) {
    labels.push(msg.subarray(offset + 1, offset + 1 + msg[offset]).toString());
    offset += msg[offset] + 1;
  }
  const type = msg.readUInt16BE(offset + 1);
  return { id: msg.readUInt16BE(0), name: labels.join('.'), type, end: offset + 5 };
}

const TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 };
const typeName = (code) => Object.keys(TYPES).find((name) => TYPES[name] === code) ?? String(code);

const encodeName = (name) =>
  Buffer.concat([
    ...name
      .split('.')
      .filter(Boolean)
      .map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])),
    Buffer.from([0]),
  ]);

function rdata(type, data) {
  if (type === 'A') return Buffer.from(data.split('.').map(Number));
  if (type === 'CNAME' || type === 'PTR' || type === 'NS') return encodeName(data);
  if (type === 'SRV') {
    const [prio, weight, port, target] = data.split(' ');
    const head = Buffer.alloc(6);
    head.writeUInt16BE(Number(prio), 0);
    head.writeUInt16BE(Number(weight), 2);
    head.writeUInt16BE(Number(port), 4);
    return Buffer.concat([head, encodeName(target)]);
  }
  if (type === 'SOA') {
    const [mname, rname, ...numbers] = data.split(' ');
    const tail = Buffer.alloc(20);
    numbers.forEach((n, i) => tail.writeUInt32BE(Number(n), i * 4));
    return Buffer.concat([encodeName(mname), encodeName(rname), tail]);
  }
  throw new Error(type);
}

function encodeRecord(record) {
  const body = rdata(record.type, record.data);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(TYPES[record.type], 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt32BE(record.ttl, 4);
  fixed.writeUInt16BE(body.length, 8);
  return Buffer.concat([encodeName(record.name), fixed, body]);
}

/** CoreDNS's answer to one question, in the shape of runtime/network/dns-types.ts. */
function answer(name, type) {
  const authoritative = name.endsWith('cluster.local') || name.endsWith('in-addr.arpa');
  const soa = authoritative
    ? {
        name: 'cluster.local',
        type: 'SOA',
        ttl: 30,
        data: 'ns.dns.cluster.local hostmaster.cluster.local 1764400871 7200 1800 86400 30',
      }
    : {
        name: 'com',
        type: 'SOA',
        ttl: 900,
        data: 'a.gtld-servers.net nstld.verisign-grs.com 1764400871 1800 900 604800 86400',
      };
  const known = ZONE.filter(([n]) => n === name);
  if (known.length === 0) return { rcode: 'NXDOMAIN', authoritative, answers: [], authority: [soa] };
  const answers = [];
  for (const [n, t, data] of known) {
    if (t === type || type === 'ANY') answers.push({ name: n, type: t, ttl: authoritative ? 30 : 300, data });
    else if (t === 'CNAME') {
      answers.push({ name: n, type: t, ttl: 30, data });
      answers.push(...answer(data, type).answers);
    }
  }
  return { rcode: 'NOERROR', authoritative, answers, authority: answers.length ? [] : [soa] };
}

function encodeResponse(query, response) {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.id, 0);
  const rcode = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 }[response.rcode];
  header.writeUInt16BE(0x8000 | (response.authoritative ? 0x0400 : 0) | 0x0100 | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(response.answers.length, 6);
  header.writeUInt16BE(response.authority.length, 8);
  return Buffer.concat([
    header,
    query.question,
    ...response.answers.map(encodeRecord),
    ...response.authority.map(encodeRecord),
  ]);
}

/** The nameserver on DNS:53; `seen` collects each question's answer for the replay. */
function startNameServer(seen) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, from) => {
    const query = parseQuery(msg);
    const type = typeName(query.type);
    const response = answer(query.name, type);
    seen[`${query.name} ${type}`] = response;
    socket.send(encodeResponse({ ...query, question: msg.subarray(12, query.end) }, response), from.port, from.address);
  });
  return new Promise((resolve) => socket.bind(53, DNS, () => resolve(socket)));
}

function startWebServers() {
  const web = http.createServer((request, response) => {
    const route = ROUTES[request.url] ?? NOT_FOUND;
    response.sendDate = false;
    response.writeHead(route.status, route.headers);
    response.end(request.method === 'HEAD' ? undefined : route.body);
  });
  const silent = net.createServer(() => {});
  return Promise.all([
    new Promise((resolve) => web.listen(80, SERVICE, resolve)),
    new Promise((resolve) => silent.listen(81, SERVICE, resolve)),
  ]);
}

function setUpNetwork(dir) {
  const sh = (command) => {
    const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command}: ${result.stderr}`);
  };
  sh('ip link set lo up');
  for (const address of [DNS, SERVICE, POD, SILENT_DNS]) sh(`ip addr add ${address}/32 dev lo`);
  // The pod's own interface: a veth eth0 with the pod's address on the pod network (/16 as
  // minikube's bridge CNI gives it), its peer up in another namespace (the node's side, as the
  // CNI leaves it); nothing on it answers.
  const node = spawn('unshare', ['-n', 'sleep', '600'], { stdio: 'ignore', detached: true });
  node.unref();
  spawnSync('sleep', ['0.2']);
  sh('ip link add eth0 address 4e:3b:8a:1c:2d:5f type veth peer name veth0');
  sh(`ip link set veth0 netns ${node.pid}`);
  sh(`nsenter -t ${node.pid} -n ip link set veth0 up`);
  sh('ip addr add 10.244.0.9/16 brd + dev eth0');
  sh('ip link set eth0 up');
  sh('ip route add default via 10.244.0.1 dev eth0');
  writeFileSync(join(dir, 'hosts'), HOSTS);
  sh(`mount --bind ${join(dir, 'hosts')} /etc/hosts`);
  writeFileSync(join(dir, 'resolv.conf'), RESOLV_CONF);
  sh(`mount --bind ${join(dir, 'resolv.conf')} /etc/resolv.conf`);
  return () => node.kill('SIGKILL');
}

/** Runs busybox with `args` in `cwd`; resolves to what it printed and its exit status. */
function runBusybox(args, cwd, stdin = '') {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/busybox', args, { cwd, env: { PATH: '/bin:/usr/bin', HOME: '/root' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    let stdout = '';
    let stderr = '';
    // A case that prints without end (`yes`) is a broken case: cut it off.
    const add = (text, d) => (text.length > 100_000 ? (child.kill('SIGKILL'), text) : text + d);
    child.stdout.on('data', (d) => (stdout = add(stdout, d)));
    child.stderr.on('data', (d) => (stderr = add(stderr, d)));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode: code });
    });
    child.stdin.on('error', () => {}); // a program that reads nothing closes its stdin early
    child.stdin.end(stdin);
  });
}

async function record() {
  const dir = mkdtempSync(join(tmpdir(), 'busybox-oracle-'));
  const stopNode = setUpNetwork(dir);
  const dns = {};
  await startNameServer(dns);
  await startWebServers();
  // Takes the queries sent to SILENT_DNS and answers none.
  const silent = dgram.createSocket('udp4');
  await new Promise((resolve) => silent.bind(53, SILENT_DNS, resolve));
  const results = [];
  for (const entry of CASES) {
    const options = typeof entry[entry.length - 1] === 'object' ? entry[entry.length - 1] : {};
    const args = entry.filter((a) => typeof a === 'string');
    const cwd = join(dir, `case-${results.length}`);
    mkdirSync(cwd);
    const files = { ...options.files, ...(options.tree ? TREE.files : {}) };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(cwd, name, '..'), { recursive: true });
      writeFileSync(join(cwd, name), text);
    }
    if (options.tree) {
      for (const name of TREE.executable) chmodSync(join(cwd, name), 0o755);
      const when = new Date(TREE_MTIME);
      for (const name of [...Object.keys(TREE.files), 'd']) utimesSync(join(cwd, name), when, when);
    }
    const result = await runBusybox(args, cwd, options.stdin);
    results.push({
      args,
      ...(options.files ? { files: options.files } : {}),
      ...(options.tree ? { tree: true } : {}),
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
      ...result,
    });
    process.stderr.write('.');
  }
  stopNode();
  rmSync(dir, { recursive: true, force: true });
  const out = new URL('../../tests/fixtures/busybox/', import.meta.url);
  mkdirSync(out, { recursive: true });
  const routes = { ...ROUTES, '*': NOT_FOUND };
  const fixture = {
    resolvConf: RESOLV_CONF,
    hosts: HOSTS,
    tree: { ...TREE, mtime: TREE_MTIME },
    dns,
    routes,
    cases: results,
  };
  writeFileSync(new URL('cases.json', out), `${JSON.stringify(fixture, null, 1)}\n`);
  writeUsageTexts(results);
  process.stderr.write(`\n${results.length} cases\n`);
  process.exit(0);
}

/** runtime/images/busybox/usage-texts.ts from the `APPLET --help` cases. */
function writeUsageTexts(results) {
  const entries = results
    .filter((r) => r.args[1] === '--help' && r.stderr.includes('\nUsage: '))
    .map((r) => `  ${JSON.stringify(r.args[0])}: ${JSON.stringify(r.stderr.split('\n\n').slice(1).join('\n\n'))},`);
  const text = `// Generated by scripts/oracle/record-busybox.js from the real busybox (1.35.0 of Debian 12; the
// texts are 1.36.1's too): do not edit by hand.

/** Each applet's usage text as \`APPLET --help\` prints it below the banner, by applet. */
export const USAGE_TEXTS: Record<string, string> = {
${entries.join('\n')}
};
`;
  const out = new URL('../../runtime/images/busybox/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('usage-texts.ts', out), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--inside')) await record();
  else {
    const result = spawnSync('unshare', ['-n', '-m', process.execPath, fileURLToPath(import.meta.url), '--inside'], {
      stdio: 'inherit',
    });
    process.exit(result.status ?? 1);
  }
}
