// Re-records tests/fixtures/curl/cases.json: each case below run by the real curl 7.88.1 (Debian
// 12's /usr/bin/curl) on a private network that stands in for the learner's host: a network
// namespace (`unshare -n -m`, so root) whose loopback carries 127.0.0.1 and minikube's node
// address 192.168.49.2, routes 10.244.0.0/16 and 10.96.0.0/12 into a black hole (pod and service
// addresses, unreachable from a docker-driver host: connections time out), and whose /etc/hosts
// is the simulated host's. On it listen, in this process, the servers of SERVERS: an API server
// (TLS 1.3 with a minikubeCA-signed certificate made here by openssl, HTTP/2 as Go serves it), a
// NodePort-like nginx and a kubectl-proxy-like Go server. tests replay every case through
// kubeplay's curl over a HostNetwork serving the same routes, and require the same output once
// both are normalised (normalizeOracleText in the test: dates, timings, certificate dates).
// The fixture keeps SERVERS too, so the replay serves exactly what the recording saw.
//   node scripts/oracle/record-curl.js        (as root; about three minutes: one case waits
//                                               out the kernel's connect timeout)
// record-wget.js reuses this file's network and servers.
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

/** The simulated host's /etc/hosts (runtime/shell/host-filesystem.ts). */
export const HOSTS = '127.0.0.1 localhost\n127.0.1.1 kubeplay\n192.168.49.2 minikube\n';

/** The fixed Date every oracle server sends; the replay's clock shows the same instant. */
export const DATE = 'Sun, 29 Nov 2026 07:21:11 GMT';

const VERSION_JSON = `{
  "major": "1",
  "minor": "34",
  "emulationMajor": "1",
  "emulationMinor": "34",
  "minCompatibilityMajor": "1",
  "minCompatibilityMinor": "33",
  "gitVersion": "v1.34.0",
  "gitCommit": "f28b4c9efbca5c5c0af716d9f2d5702667ee8a45",
  "gitTreeState": "clean",
  "buildDate": "2025-08-27T10:09:04Z",
  "goVersion": "go1.24.6",
  "compiler": "gc",
  "platform": "linux/amd64"
}`;

const status = (code, reason, message, details) =>
  JSON.stringify(
    { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code },
    null,
    2,
  );

const NGINX_INDEX = readFileSync(new URL('../../runtime/images/nginx.ts', import.meta.url), 'utf8')
  .split('export const NGINX_INDEX_HTML = `')[1]
  .split('`;')[0];
const NGINX_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.3</center>\r\n</body>\r\n</html>\r\n';
const nginxHeaders = (type, length) => [
  ['Server', 'nginx/1.29.3'],
  ['Date', DATE],
  ['Content-Type', type],
  ['Content-Length', String(length)],
  ['Connection', 'keep-alive'],
];

/**
 * The oracle network's servers. `api` routes are answered as kube-apiserver answers (apiHeaders);
 * `http` routes send their status, headers and body as given, Go's Date and Content-Length added
 * when missing; `echo` answers with the request it got (echoBody).
 */
export const SERVERS = [
  {
    name: 'apiserver',
    address: '192.168.49.2',
    port: 8443,
    tls: true,
    routes: [
      { path: '/version', api: { status: 200, type: 'application/json', body: VERSION_JSON } },
      { path: '/healthz', api: { status: 200, type: 'text/plain; charset=utf-8', body: 'ok', nosniff: true } },
      {
        path: '/api/v1/pods',
        api: {
          status: 403,
          type: 'application/json',
          nosniff: true,
          body: status(
            403,
            'Forbidden',
            'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" at the cluster scope',
            { kind: 'pods' },
          ),
        },
      },
      {
        path: '/api',
        bearer: 'bad-token',
        api: { status: 401, type: 'application/json', body: status(401, 'Unauthorized', 'Unauthorized') },
      },
    ],
  },
  {
    name: 'nodeport',
    address: '192.168.49.2',
    port: 30080,
    routes: [
      { path: '/', http: { status: 200, headers: nginxHeaders('text/html', NGINX_INDEX.length), body: NGINX_INDEX } },
      { path: '/echo', echo: true },
      {
        path: '/old',
        http: {
          status: 301,
          headers: [
            ['Content-Type', 'text/html; charset=utf-8'],
            ['Location', '/'],
          ],
          body: '<a href="/">Moved Permanently</a>.\n\n',
        },
      },
      {
        path: '/loop',
        http: {
          status: 302,
          headers: [
            ['Content-Type', 'text/html; charset=utf-8'],
            ['Location', '/loop'],
          ],
          body: '<a href="/loop">Found</a>.\n\n',
        },
      },
      { path: '*', http: { status: 404, headers: nginxHeaders('text/html', NGINX_404.length), body: NGINX_404 } },
    ],
  },
  {
    name: 'proxy',
    address: '127.0.0.1',
    port: 8001,
    routes: [
      {
        path: '/version',
        http: {
          status: 200,
          headers: [
            ['Audit-Id', '5a0b9e2c-7c1d-4f55-9d7e-0f6c3b1a2d44'],
            ['Cache-Control', 'no-cache, private'],
            ['Content-Type', 'application/json'],
            ['X-Kubernetes-Pf-Flowschema-Uid', 'c7f5e6a1-2b3c-4d5e-8f90-1a2b3c4d5e6f'],
            ['X-Kubernetes-Pf-Prioritylevel-Uid', '0e1d2c3b-4a59-4687-b6a5-f4e3d2c1b0a9'],
          ],
          body: VERSION_JSON,
        },
      },
    ],
  },
];

/** The UIDs the oracle's API server sends (the replay's are random, and normalised). */
const API_UIDS = {
  audit: '3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9',
  flowSchema: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  priorityLevel: 'f0e1d2c3-b4a5-4968-8776-655443322110',
};

const REASONS = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

/**
 * kube-apiserver's headers: the handler's (lower-case, sorted as Go's HTTP/2 server writes them;
 * canonical case in handler order over HTTP/1.1), then Content-Length and Date as Go adds them.
 */
export function apiHeaders(route, uids, h2) {
  const handler = [
    ['Audit-Id', uids.audit],
    ['Cache-Control', 'no-cache, private'],
    ['Content-Type', route.type],
    ...(route.nosniff ? [['X-Content-Type-Options', 'nosniff']] : []),
    ['X-Kubernetes-Pf-Flowschema-Uid', uids.flowSchema],
    ['X-Kubernetes-Pf-Prioritylevel-Uid', uids.priorityLevel],
  ];
  const length = String(Buffer.byteLength(route.body));
  if (h2) return [...handler.map(([k, v]) => [k.toLowerCase(), v]), ['content-length', length], ['date', DATE]];
  return [...handler, ['Date', DATE], ['Content-Length', length]];
}

/** What the echo route answers: the request line, its headers in order, a blank line, its body. */
export function echoBody(method, target, headers, body) {
  return `${method} ${target}\n${headers.map(([k, v]) => `${k.toLowerCase()}: ${v}\n`).join('')}\n${body}`;
}

function findRoute(server, path, headers) {
  const bare = path.split('?')[0];
  return (
    server.routes.find((r) => r.path === bare && (!r.bearer || headers.authorization === `Bearer ${r.bearer}`)) ??
    server.routes.find((r) => r.path === '*')
  );
}

/** An HTTP/1.x response as bytes. */
function http1Response(status, headers, body, head) {
  const all = [...headers];
  const has = (name) => all.some(([k]) => k.toLowerCase() === name);
  if (!has('date')) all.push(['Date', DATE]);
  if (!has('content-length')) all.push(['Content-Length', String(Buffer.byteLength(body))]);
  const lines = all.map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return `HTTP/1.1 ${status} ${REASONS[status]}\r\n${lines}\r\n${head ? '' : body}`;
}

/** Reads HTTP/1.1 requests off `socket` and answers each with `answer(method, target, headers, body)`. */
function serveHttp1(socket, answer) {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!/^[A-Z]+ /.test(buffer.subarray(0, 8).toString('latin1'))) {
      // Go's answer to bytes that are no HTTP request (a TLS hello on a plain port).
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request',
      );
      return;
    }
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [requestLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers = lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
      const length = Number(headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      buffer = buffer.subarray(end + 4 + length);
      const [method, target] = requestLine.split(' ');
      socket.write(answer(method, target, headers, body));
    }
  });
  socket.on('error', () => {});
}

function httpAnswer(server) {
  return (method, target, headers, body) => {
    const lower = Object.fromEntries(headers.map(([k, v]) => [k.toLowerCase(), v]));
    const route = findRoute(server, target, lower);
    const head = method === 'HEAD';
    if (route.echo) {
      const text = echoBody(method, target, headers, body);
      return http1Response(200, [['Content-Type', 'text/plain; charset=utf-8']], text, head);
    }
    if (route.api) return http1Response(route.api.status, apiHeaders(route.api, API_UIDS, false), route.api.body, head);
    return http1Response(route.http.status, route.http.headers, route.http.body, head);
  };
}

/** The API server: TLS (h2 or HTTP/1.1 by ALPN); a plain-HTTP request gets Go's 400. */
function apiServer(server, certs) {
  const h2 = http2.createServer({ settings: { maxConcurrentStreams: 250 } });
  h2.on('stream', (stream, headers) => {
    const route = findRoute(server, headers[':path'], headers);
    const out = { ':status': route.api.status };
    for (const [k, v] of apiHeaders(route.api, API_UIDS, true)) out[k] = v;
    const head = headers[':method'] === 'HEAD';
    stream.respond(out, { endStream: head });
    if (!head) stream.end(route.api.body);
  });
  const secure = tls.createServer({
    key: certs.key,
    cert: certs.cert,
    ALPNProtocols: ['h2', 'http/1.1'],
    // kube-apiserver asks for a client certificate and accepts connections without one.
    requestCert: true,
    rejectUnauthorized: false,
    // Go's TLS 1.3 cipher preference.
    ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
    honorCipherOrder: true,
  });
  secure.on('secureConnection', (socket) => {
    if (socket.alpnProtocol === 'h2') h2.emit('connection', socket);
    else serveHttp1(socket, httpAnswer(server));
  });
  secure.on('tlsClientError', () => {});
  return net.createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', (first) => {
      if (first[0] !== 0x16) {
        socket.end('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');
        return;
      }
      // The TLS server reads a JS stream, so the sniffed bytes go in first.
      const duplex = new Duplex({
        read() {},
        write(chunk, _encoding, callback) {
          socket.write(chunk, callback);
        },
        final(callback) {
          socket.end();
          callback();
        },
      });
      duplex.on('error', () => {});
      duplex.push(first);
      socket.on('data', (chunk) => duplex.push(chunk));
      socket.on('end', () => duplex.push(null));
      socket.on('close', () => duplex.destroy());
      secure.emit('connection', duplex);
    });
  });
}

/** A CA named minikubeCA and an API server certificate as minikube issues them, made by openssl. */
export function makeCertificates(dir) {
  const run = (args) => {
    const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
  };
  run(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650']
      .concat(['-subj', '/CN=minikubeCA', '-addext', 'basicConstraints=critical,CA:TRUE'])
      .concat(['-addext', 'keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign']),
  );
  run(
    ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr'].concat([
      '-subj',
      '/O=system:masters/CN=minikube',
    ]),
  );
  const names = ['minikubeCA', 'control-plane.minikube.internal', 'kubernetes.default.svc.cluster.local']
    .concat(['kubernetes.default.svc', 'kubernetes.default', 'kubernetes', 'localhost'])
    .map((n) => `DNS:${n}`);
  const ips = ['192.168.49.2', '10.96.0.1', '127.0.0.1', '10.0.0.1'].map((ip) => `IP:${ip}`);
  writeFileSync(
    join(dir, 'ext.cnf'),
    `subjectAltName=${[...names, ...ips].join(',')}\nkeyUsage=critical,digitalSignature,keyEncipherment\n` +
      'extendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=critical,CA:FALSE\n',
  );
  run(
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-out',
      'server.crt',
      '-days',
      '1095',
      '-extfile',
      'ext.cnf',
    ]),
  );
  return {
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    key: readFileSync(join(dir, 'server.key'), 'utf8'),
    cert: readFileSync(join(dir, 'server.crt'), 'utf8'),
  };
}

/**
 * A name server that knows no name (NXDOMAIN to every query), as a host's resolver answers for
 * names nobody registered: programs then say "Name or service not known".
 */
function startNameServer() {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (query, peer) => {
    const reply = Buffer.from(query);
    reply[2] = 0x81; // a response, recursion desired
    reply[3] = 0x83; // recursion available, NXDOMAIN
    reply.writeUInt16BE(0, 6); // no answers, authority or additional records
    reply.writeUInt16BE(0, 8);
    reply.writeUInt16BE(0, 10);
    const question = reply.subarray(0, query.indexOf(0, 12) + 5);
    socket.send(question, peer.port, peer.address);
  });
  return new Promise((resolve) => socket.bind(53, '127.0.0.53', () => resolve(socket)));
}

/** Starts SERVERS (and the name server) inside the namespace; resolves once all listen. */
export async function startServers(certs) {
  const listening = SERVERS.map((server) => {
    const listener = server.tls ? apiServer(server, certs) : net.createServer((s) => serveHttp1(s, httpAnswer(server)));
    return new Promise((resolve) => listener.listen(server.port, server.address, () => resolve(listener)));
  });
  return Promise.all([...listening, startNameServer()]);
}

/** Brings up the namespace's network and the host's /etc/hosts (run inside `unshare -n -m`). */
export function setUpNetwork(dir) {
  const sh = (command) => {
    const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command}: ${result.stderr}`);
  };
  sh('ip link set lo up');
  sh('ip addr add 192.168.49.2/32 dev lo');
  // Packets to pod and service addresses go out on loopback and are dropped there: SYNs time out.
  sh('ip route add 10.244.0.0/16 dev lo');
  sh('ip route add 10.96.0.0/12 dev lo');
  writeFileSync(join(dir, 'hosts'), HOSTS);
  sh(`mount --bind ${join(dir, 'hosts')} /etc/hosts`);
  writeFileSync(join(dir, 'resolv.conf'), 'nameserver 127.0.0.53\n');
  sh(`mount --bind ${join(dir, 'resolv.conf')} /etc/resolv.conf`);
}

/** Runs `argv` with `stdin` in `cwd`; resolves to what it printed and its exit status. */
export function runProgram(argv, cwd, home, stdin = '') {
  return new Promise((resolve) => {
    const env = { PATH: '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', COLUMNS: '80' };
    const child = spawn(argv[0], argv.slice(1), { cwd, env });
    // Nothing but the marked slow cases waits long: a hung case is a broken recording.
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('close', () => clearTimeout(timer));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code }));
    child.stdin.end(stdin);
  });
}

/** The files a case's directory holds before it runs. */
export const FILES = {
  'data.json': '{"name":"web","replicas":2}\n',
  'form.txt': 'a=1&b=2\n',
};

/** The files in `dir` after a case, except those it held before. */
export function newFiles(dir) {
  const out = {};
  for (const name of readdirSync(dir))
    if (!(name in FILES) && name !== 'ca.crt') out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}

const API = 'https://192.168.49.2:8443';
const NODE = 'http://192.168.49.2:30080';

/** The cases: curl's arguments (after `curl`), and `slow` for those that wait out a timeout. */
const CASES = [
  ['--help'],
  ['-h'],
  ['--help', 'all'],
  ['--help', 'category'],
  ...['auth', 'connection', 'curl', 'dns', 'file', 'ftp', 'http', 'imap', 'misc', 'output', 'pop3', 'post']
    .concat(['proxy', 'scp', 'sftp', 'smtp', 'ssh', 'telnet', 'tftp', 'tls', 'upload', 'verbose'])
    .map((c) => ['--help', c]),
  ['--help', 'nope'],
  ['--version'],
  ['-V'],
  [],
  ['-s'],
  ['--foo', NODE],
  ['-W', NODE],
  ['--ver'],
  ['-o'],
  ['-H'],
  ['--no-data', 'x'],
  ['--connect-timeout', 'abc', NODE],
  ['-m', '-1', NODE],
  [''],
  ['http://'],
  ['ftp2://x'],
  ['foo'],
  ['-sS', 'http://foo.example/'],
  ['-s', 'foo'],
  ['localhost:8002'],
  ['-v', 'localhost:8002'],
  ['http://127.0.0.1:8002/'],
  ['-sS', 'http://192.168.49.2:8080/'],
  ['--connect-timeout', '2', 'http://10.244.0.5/'],
  ['-sS', '-m', '1', 'http://10.96.0.1/'],
  ['http://10.244.0.5/', { slow: true }],
  [`${API}/version`],
  ['-s', `${API}/version`],
  ['-k', `${API}/version`],
  ['-sk', `${API}/healthz`],
  ['-ik', `${API}/version`],
  ['-Ik', `${API}/version`],
  ['-vk', `${API}/version`],
  ['-k', `${API}/api/v1/pods`],
  ['-ik', `${API}/api/v1/pods`],
  ['-k', '-H', 'Authorization: Bearer bad-token', `${API}/api`],
  ['-fk', `${API}/api/v1/pods`],
  ['--cacert', 'ca.crt', `${API}/version`],
  ['--cacert', 'ca.crt', 'https://minikube:8443/version'],
  ['--cacert', 'missing.crt', `${API}/version`],
  ['-k', '--http1.1', '-i', `${API}/version`],
  ['http://192.168.49.2:8443/version'],
  ['https://localhost:8001/version'],
  ['http://minikube:30080/'],
  [NODE],
  ['-i', NODE],
  ['-I', NODE],
  ['-v', NODE],
  ['-s', '-o', 'index.html', NODE],
  ['-o', 'page.html', NODE],
  ['-O', `${NODE}/index.html`],
  ['-O', NODE],
  ['-o', 'nodir/x.html', NODE],
  ['-s', '-o', '/dev/null', '-w', '%{http_code}\n', NODE],
  ['-s', '-w', '\n%{http_code} %{size_download} %{content_type} %{url_effective}\n', `${NODE}/nope`],
  [`${NODE}/nope`],
  ['-f', `${NODE}/nope`],
  ['-fsS', `${NODE}/nope`],
  [`${NODE}/old`],
  ['-L', `${NODE}/old`],
  ['-sIL', `${NODE}/old`],
  ['-sL', `${NODE}/loop`],
  ['-s', '-d', 'a=1&b=2', `${NODE}/echo`],
  ['-s', '-X', 'POST', '-H', 'Content-Type: application/json', '-d', '@data.json', `${NODE}/echo`],
  ['-s', '--data-binary', '@form.txt', `${NODE}/echo`],
  ['-s', '--data-raw', '@data.json', `${NODE}/echo`],
  ['-s', '--json', '{"a":1}', `${NODE}/echo`],
  ['-s', '-u', 'admin:secret', '-A', 'tester/1.0', `${NODE}/echo?x=1`],
  ['-s', '-X', 'DELETE', `${NODE}/echo`],
  ['-s', '-H', 'X-Trace: 1', '-H', 'Accept: text/plain', `${NODE}/echo`],
  ['-s', '-G', '-d', 'q=1', '-d', 'r=2', `${NODE}/echo`],
  ['-s', 'localhost:8001/version'],
  ['-v', '-s', '-o', '/dev/null', '-d', 'x=1', `${NODE}/echo`],
  ['-v', `${API}/version`],
  ['-sv', '-o', '/dev/null', '--cacert', 'ca.crt', `${API}/version`],
  ['-v', '-k', '--http1.1', '-o', '/dev/null', `${API}/healthz`],
  ['-sv', 'http://192.168.49.2:8443/version'],
  ['-sv', 'https://localhost:8001/version'],
  ['-sv', 'foo'],
  ['-s', '-w', '%{http_code} %{time_total}\n', '-o', '/dev/null', `${NODE}/`],
  ['-svL', '-o', '/dev/null', `${NODE}/old`],
  ['-sS', 'http://[::1]:8001/'],
  ['-v', '--connect-timeout', '1', 'http://10.244.0.5/'],
  ['-sv', '-m', '1', 'http://10.96.0.1/'],
  ['-sv', 'http://10.244.0.7:8080/', { synRetries: 1 }],
  ['-sS', 'http://10.244.0.7:8080/', { synRetries: 1 }],
  [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code} %{size_header} %{size_request} %{num_redirects} %{remote_ip}:%{remote_port} %{scheme} %{http_version} %{method} %{exitcode} %{content_type}\n',
    '-L',
    `${NODE}/old`,
  ],
  ['-s', '-w', '%{errormsg}|%{exitcode}|%{http_code}\n', 'http://127.0.0.1:8002/'],
  ['-s', '-w', '%{bogus}\n', `${NODE}/`, '-o', '/dev/null'],
  ['-s', '-w', '%header{content-type} %header{server}\n', '-o', '/dev/null', `${NODE}/`],
  ['-sk', '-w', '%{http_version} %{ssl_verify_result}\n', '-o', '/dev/null', `${API}/version`],
  ['-s', 'file:///etc/hosts'],
  ['-sS', 'file:///nope'],
  ['-s', '-X', 'PUT', '-d', '', `${NODE}/echo`],
  ['-s', '-H', 'User-Agent:', '-H', 'Accept;', '-H', 'Host: example.com', `${NODE}/echo`],
  ['-s', '-i', '-k', '-X', 'POST', '--data-binary', '@data.json', `${API}/version`],
  ['-sS', 'http://192.168.49.2:99999/'],
  ['-sS', 'http://a b/'],
  ['-sk', '-I', `${API}/healthz`],
  ['-s', '-d', 'a=1', '-d', 'b=2', '--data-urlencode', 'c=x y', `${NODE}/echo`],
];

async function record() {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-curl-'));
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
    // The kernel's SYN retries decide how long a black-holed connect takes (6: over two minutes).
    spawnSync('sysctl', ['-qw', `net.ipv4.tcp_syn_retries=${options.synRetries ?? 6}`]);
    const result = await runProgram(['curl', ...args], cwd, join(dir, 'case'));
    results.push({ args, ...(options.slow ? { slow: true } : {}), ...result, files: newFiles(cwd) });
    process.stderr.write('.');
  }
  for (const server of servers) server.close();
  const out = new URL('../../tests/fixtures/curl/', import.meta.url);
  mkdirSync(out, { recursive: true });
  const fixture = { servers: SERVERS, files: FILES, ca: certs.ca, cert: certs.cert, cases: results };
  writeFileSync(new URL('cases.json', out), `${JSON.stringify(fixture, null, 1)}\n`);
  process.stderr.write(`\n${results.length} cases\n`);
  process.exit(0);
}

/** Runs `script` again inside a fresh network and mount namespace, where it records. */
export function inNamespace(script) {
  const result = spawnSync('unshare', ['-n', '-m', process.execPath, script, '--inside'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--inside')) await record();
  else inNamespace(fileURLToPath(import.meta.url));
}
