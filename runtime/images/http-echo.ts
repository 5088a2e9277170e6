// hashicorp/http-echo 1.0.0: a Go server (distroless, no shell) answering its -text (or
// ECHO_TEXT) on -listen (:5678), logging each request in its own format (handlers.go).
import { goDate } from '../network/host-network-http';
import { utf8Length } from '../util/utf8';
import { goLogTime } from './log-time';
import { serveUntilStopped } from './programs';
import type { ImageModule, Program } from './types';

const VERSION = '1.0.0';

/** Go's flag package: `-name=value`, `--name value`, `-name value`. */
function parseFlags(argv: string[]): { flags: Record<string, string>; rest: string[] } | string {
  const flags: Record<string, string> = {};
  const known = ['listen', 'text', 'version', 'status-code'];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--?([^=]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!match) return { flags, rest: argv.slice(i) };
    const [, name, inline] = match;
    if (!known.includes(name)) return `flag provided but not defined: -${name}`;
    if (name === 'version') flags.version = 'true';
    else if (inline !== undefined) flags[name] = inline;
    else if (i + 1 < argv.length) flags[name] = argv[++i];
    else return `flag needs an argument: -${name}`;
  }
  return { flags, rest: [] };
}

const httpEcho: Program = (ctx) => {
  const parsed = parseFlags(ctx.argv.slice(1));
  if (typeof parsed === 'string') {
    ctx.stderr.write(`${parsed}\nUsage of /http-echo:\n`);
    return Promise.resolve(2);
  }
  const { flags, rest } = parsed;
  if (flags.version) {
    ctx.stdout.write(`http-echo v${VERSION} ()\nBuilt: \n`);
    return Promise.resolve(0);
  }
  const text = flags.text || ctx.env.ECHO_TEXT || '';
  if (!text) {
    ctx.stderr.write('Missing -text option or ECHO_TEXT env var!\n');
    return Promise.resolve(127);
  }
  if (rest.length > 0) {
    ctx.stderr.write('Too many arguments!\n');
    return Promise.resolve(127);
  }
  const listen = flags.listen ?? ':5678';
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1));
  const status = Number(flags['status-code'] ?? 200);
  ctx.stderr.write(`${goLogTime(ctx.startedAt)} [INFO] server is listening on ${listen}\n`);
  let served = 0;
  const close = ctx.listen(port, {
    protocol: 'TCP',
    http: (request) => {
      const now = ctx.clock.now();
      const health = request.path.split('?')[0] === '/health';
      const body = health ? '{"status":"ok"}\n' : `${text}\n`;
      if (!health) {
        // The request's duration as Go prints it; a few tens of microseconds on a real host.
        const took = `${(20 + (served++ % 10) * 3.7).toFixed(3)}µs`;
        const path = request.path.split('?')[0];
        ctx.stdout.write(
          `${goLogTime(now)} ${request.headers.host ?? ''} ${request.remoteAddress}:${40000 + served} "${request.method} ${path} HTTP/1.1" ${status} ${utf8Length(body)} "${request.headers['user-agent'] ?? ''}" ${took}\n`,
        );
      }
      return Promise.resolve({
        status: health ? 200 : status,
        headers: {
          'Content-Length': String(utf8Length(body)),
          'Content-Type': 'text/plain; charset=utf-8',
          Date: goDate(now),
          'X-App-Name': 'http-echo',
          'X-App-Version': VERSION,
        },
        body: request.method === 'HEAD' ? '' : body,
      });
    },
  });
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT'], () => {
    close();
    ctx.stderr.write(`${goLogTime(ctx.clock.now())} [INFO] received interrupt, shutting down...\n`);
  }).then(() => 2);
};

export const HTTP_ECHO: ImageModule = {
  repository: 'docker.io/hashicorp/http-echo',
  tags: /^(latest|1\.0(\.0)?|0\.2\.[0-3])$/,
  // About the size docker reports for it (not recorded).
  sizeBytes: 7_800_000,
  config: {
    entrypoint: ['/http-echo'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ECHO_TEXT: 'hello-world' },
    exposedPorts: ['5678/tcp'],
  },
  files: () => ({
    '/etc/passwd':
      'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
  }),
  // distroless: the server alone, no shell.
  programs: { '/http-echo': httpEcho },
};
