import { nginxTime } from './log-time';
import { DEBIAN_SHELLS } from './container-shell';
import { BASE_PROGRAMS, serveUntilStopped } from './programs';
import { normalizePath } from '../shell/fs/volume';
import type { HttpRequest, HttpResponse, ImageModule, ProcessContext, Program } from './types';

/** The welcome page of nginx 1.21.1 through 1.29.5 (615 bytes). */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_VERSION = '1.29.3';
const ENTRYPOINT_LOG = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const NOT_FOUND = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The access-log time: `16/Jul/2023:21:24:09 +0000`. */
function accessTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The default server: files under /usr/share/nginx/html, index.html for directories, the 404 page; one access-log line each. */
function serveStatic(ctx: ProcessContext, request: HttpRequest): HttpResponse {
  const path = decodeURIComponent(request.path.split('?')[0]);
  const root = '/usr/share/nginx/html';
  let file = normalizePath(path, '/');
  if (ctx.fs.isDirectory(`${root}${file}`)) file = `${file.replace(/\/$/, '')}/index.html`;
  let status = 200;
  let body: string;
  try {
    body = ctx.fs.readFile(`${root}${file}`);
  } catch {
    status = 404;
    body = NOT_FOUND;
  }
  const agent = request.headers['user-agent'] ?? '-';
  ctx.stdout.write(
    `${request.remoteAddress} - - [${accessTime(ctx.clock.now())}] "${request.method} ${request.path} HTTP/1.1" ${status} ${body.length} "-" "${agent}" "-"\n`,
  );
  return {
    status,
    headers: { Server: `nginx/${NGINX_VERSION}`, 'Content-Type': 'text/html', 'Content-Length': String(body.length) },
    body: request.method === 'HEAD' ? '' : body,
  };
}

/** `nginx -g 'daemon off;'`: the start-up notices, one worker per CPU of the node (2), then serve. */
const nginx: Program = (ctx) => {
  if (ctx.argv.includes('-v')) {
    ctx.stderr.write(`nginx version: nginx/${NGINX_VERSION}\n`);
    return Promise.resolve(0);
  }
  const at = nginxTime(ctx.startedAt);
  const notices = [
    'using the "epoll" event method',
    `nginx/${NGINX_VERSION}`,
    'built by gcc 14.2.0 (Debian 14.2.0-19)',
    'OS: Linux 6.8.0-1044-azure',
    'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    'start worker processes',
    'start worker process 29',
    'start worker process 30',
  ];
  for (const notice of notices) ctx.stderr.write(`${at} [notice] 1#1: ${notice}\n`);
  const close = ctx.listen(80, { protocol: 'TCP', http: (request) => Promise.resolve(serveStatic(ctx, request)) });
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT', 'SIGQUIT'], (signal) => {
    const now = nginxTime(ctx.clock.now());
    const verb = signal === 'SIGQUIT' ? 'gracefully shutting down' : 'exiting';
    ctx.stderr.write(`${now} [notice] 1#1: signal ${signal === 'SIGQUIT' ? 3 : 15} (${signal}) received, ${verb}\n`);
    close();
  });
};

/** docker-entrypoint.sh: its configuration log, then exec of its arguments. */
const entrypoint: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    for (const line of ENTRYPOINT_LOG) ctx.stdout.write(`${line}\n`);
  }
  if (args.length === 0) return 0;
  const program = ctx.program(args[0]);
  if (!program) {
    ctx.stderr.write(`/docker-entrypoint.sh: exec: line 47: ${args[0]}: not found\n`);
    return 127;
  }
  // `exec "$@"`: the program replaces the script as the same process (PID 1, its signals).
  return program({ ...ctx, argv: args });
};

/** The official nginx image (Debian based). */
export const NGINX: ImageModule = {
  repository: 'docker.io/library/nginx',
  tags: /^(latest|stable|mainline|alpine|perl|\d+(\.\d+){0,2}(-(alpine|perl|bookworm|alpine-slim))?)$/,
  sizeBytes: 192_004_242,
  config: {
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { NGINX_VERSION, NJS_VERSION: '0.9.4', PKG_RELEASE: '1~trixie' },
    exposedPorts: ['80/tcp'],
    stopSignal: 'SIGQUIT',
  },
  files: () => ({
    '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML,
    '/etc/nginx/conf.d/default.conf':
      'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n',
    '/etc/os-release':
      'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nID=debian\n',
  }),
  programs: { ...BASE_PROGRAMS, ...DEBIAN_SHELLS, '/docker-entrypoint.sh': entrypoint, nginx, 'nginx-debug': nginx },
};
