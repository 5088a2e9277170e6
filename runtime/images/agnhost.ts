// registry.k8s.io/e2e-test-images/agnhost: Kubernetes' e2e test server, one binary whose
// subcommands learners use: netexec (HTTP on 8080: /, /hostname, /echo?msg=, /clientip,
// /healthz, /shell?cmd=; its UDP server's start), serve-hostname (the hostname on 9376) and pause.
import { goDate } from '../network/host-network-http';
import { utf8Length } from '../util/utf8';
import { goLogTime } from './log-time';
import { BASE_PROGRAMS, serveUntilStopped } from './programs';
import type { HttpRequest, HttpResponse, ImageModule, ProcessContext, Program } from './types';

/** `--name=value` or `--name value` flags of one subcommand (cobra's style). */
function flagValues(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--?([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) continue;
    flags[match[1]] = match[2] ?? (argv[i + 1] && !argv[i + 1].startsWith('-') ? argv[++i] : 'true');
  }
  return flags;
}

/** A Go net/http reply: the headers Go writes (sorted) for a short text body. */
function goReply(now: number, body: string, status = 200): HttpResponse {
  return {
    status,
    headers: {
      'Content-Length': String(utf8Length(body)),
      'Content-Type': 'text/plain; charset=utf-8',
      Date: goDate(now),
    },
    body,
  };
}

/** The request's query parameters (Go's FormValue: the first value, `+` as a space). */
function query(request: HttpRequest): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of (request.path.split('?')[1] ?? '').split('&')) {
    if (!pair) continue;
    const [name, value = ''] = pair.split('=', 2).map((part) => {
      try {
        return decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        return part;
      }
    });
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

function log(ctx: ProcessContext, message: string): void {
  ctx.stderr.write(`${goLogTime(ctx.clock.now())} ${message}\n`);
}

/** The time `/` reports, as Go's time.Time prints it: `2026-01-01 00:00:00.000000000 +0000 UTC m=+5.000000001`. */
function goNow(now: number, startedAt: number): string {
  const iso = new Date(now).toISOString();
  const monotonic = ((now - startedAt) / 1000).toFixed(9);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000 UTC m=+${monotonic}`;
}

function netexec(ctx: ProcessContext, flags: Record<string, string>): Promise<number> {
  const httpPort = Number(flags['http-port'] ?? 8080);
  const udpPort = Number(flags['udp-port'] ?? 8081);
  log(ctx, `Started HTTP server on port ${httpPort}`);
  if (udpPort !== -1) log(ctx, `Started UDP server on port  ${udpPort}`);
  const close = ctx.listen(httpPort, {
    protocol: 'TCP',
    http: (request) => {
      const now = ctx.clock.now();
      const path = request.path.split('?')[0];
      const params = query(request);
      switch (path) {
        case '/hostname':
        case '/hostName':
          log(ctx, `GET ${path}`);
          return Promise.resolve(goReply(now, ctx.hostname));
        case '/echo': {
          const msg = params.get('msg') ?? '';
          const code = params.get('code') ?? '';
          log(ctx, `GET /echo?msg=${msg}&code=${code}`);
          return Promise.resolve(goReply(now, msg, code && /^\d+$/.test(code) ? Number(code) : 200));
        }
        case '/clientip':
          log(ctx, 'GET /clientip');
          return Promise.resolve(goReply(now, `${request.remoteAddress}:${40000 + (now % 20000)}`));
        case '/healthz':
          log(ctx, 'GET /healthz');
          return Promise.resolve(goReply(now, ''));
        default:
          log(ctx, 'GET /');
          return Promise.resolve(goReply(now, `NOW: ${goNow(now, ctx.startedAt)}`));
      }
    },
  });
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT'], close).then(() => 143);
}

function serveHostname(ctx: ProcessContext, flags: Record<string, string>): Promise<number> {
  const port = Number(flags.port ?? 9376);
  const close = ctx.listen(port, {
    protocol: 'TCP',
    http: (request) => {
      log(ctx, `HTTP request from ${request.remoteAddress}:${40000 + (ctx.clock.now() % 20000)}`);
      return Promise.resolve(goReply(ctx.clock.now(), ctx.hostname));
    },
  });
  log(ctx, `Serving on port ${port}.`);
  return serveUntilStopped(ctx, ['SIGTERM'], () => {
    close();
    log(ctx, 'Shutting down after receiving signal: terminated.');
    log(ctx, 'Awaiting pod deletion.');
  }).then(() => 0);
}

function pause(ctx: ProcessContext): Promise<number> {
  ctx.stdout.write('Paused\n');
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT']).then(() => 2);
}

const USAGE =
  'Usage:\n  agnhost [command]\n\nAvailable Commands:\n' +
  '  netexec        Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints\n' +
  '  pause          Pauses the execution\n' +
  '  serve-hostname Serves the hostname\n\n' +
  'Flags:\n  -h, --help   help for agnhost\n\nUse "agnhost [command] --help" for more information about a command.\n';

const agnhost: Program = (ctx) => {
  const [command, ...rest] = ctx.argv.slice(1);
  const flags = flagValues(rest);
  if (command === 'netexec') return netexec(ctx, flags);
  if (command === 'serve-hostname') return serveHostname(ctx, flags);
  if (command === 'pause') return pause(ctx);
  if (command === undefined) {
    ctx.stdout.write(USAGE);
    return Promise.resolve(0);
  }
  ctx.stderr.write(`Error: unknown command "${command}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
  return Promise.resolve(1);
};

export const AGNHOST: ImageModule = {
  repository: 'registry.k8s.io/e2e-test-images/agnhost',
  tags: /^2\.\d+$/,
  // About the size docker reports for it (not recorded).
  sizeBytes: 127_000_000,
  config: { entrypoint: ['/agnhost'], exposedPorts: ['80/tcp'] },
  files: () => ({}),
  programs: { ...BASE_PROGRAMS, '/agnhost': agnhost, agnhost },
};
