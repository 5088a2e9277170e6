// busybox 1.36's wget over the pod's network: `Connecting to HOST (IP:PORT)`, the file it saves
// to (`index.html` when the path has no last component; never overwritten without -O), the
// progress line, `'FILE' saved`; -O FILE|-, -q, -S (the response's lines, two spaces in), --spider,
// -T, --header, --post-data/--post-file, -U, -P; redirects followed; errors as wget.c words them.
import { exchangeWith, reasonPhrase } from '../../network/host-network-http';
import { utf8Length } from '../../util/utf8';
import { resolveHost } from '../../network/resolver';
import { NetError, type NetErrorCode } from '../../network/socket';
import { normalizePath } from '../../shell/fs/volume';
import type { ParsedArgs } from '../../shell/commands/coreutils/options';
import { has, last } from '../../shell/commands/coreutils/options';
import type { HttpRequest, HttpResponse, ProcessContext } from '../types';
import { complain, defineApplet, flags, showUsage } from './applet';
import { errorText } from '../../shell/fs/errors';
import { progressLine } from './progress';

/** strerror of the errors a connection fails with. */
const CONNECT_ERRORS: Record<NetErrorCode, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ECONNRESET: 'Connection reset by peer',
};

/** A URL as parse_url splits it: `host` keeps its `:port` (what wget prints), `path` has no leading slash. */
interface Target {
  /** https: the exchange goes through busybox's own TLS. */
  tls: boolean;
  host: string;
  port: number;
  path: string;
}

/** Thrown to end wget with `wget: message` (bb_error_msg_and_die). */
class Die extends Error {}

function parseUrl(url: string): Target {
  let rest = url;
  let port = 80;
  let tls = false;
  const scheme = url.indexOf('://');
  if (scheme >= 0) {
    const protocol = url.slice(0, scheme);
    tls = protocol === 'https';
    if (tls) port = 443;
    else if (protocol !== 'http') throw new Die(`not an http or ftp url: ${url}`);
    rest = url.slice(scheme + 3);
  }
  const cut = rest.search(/[/?#]/);
  let host = cut < 0 ? rest : rest.slice(0, cut);
  // After the host: the path without its `/`, or the query or fragment without its `?`/`#`.
  const path = cut < 0 ? '' : rest.slice(cut + 1);
  host = host.slice(host.lastIndexOf('@') + 1);
  const portMatch = /:(\d+)$/.exec(host);
  return { tls, host, port: portMatch ? Number(portMatch[1]) : port, path };
}

/** The address `target.host` names (xhost2sockaddr), or Die with `bad address`. */
async function resolve(ctx: ProcessContext, target: Target): Promise<string> {
  const bare = target.host.replace(/:\d+$/, '');
  const found = bare === '' ? undefined : await resolveHost(ctx, bare);
  if (!found || 'error' in found) throw new Die(`bad address '${target.host}'`);
  return found.addresses[0];
}

interface Request {
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** What the command line asks for, apart from the URLs. */
function requestOf(ctx: ProcessContext, args: ParsedArgs): Request {
  const headers: Record<string, string> = {};
  for (const option of args.options.filter((o) => o.key === 'header')) {
    const colon = option.value?.indexOf(':') ?? -1;
    if (colon > 0) headers[option.value!.slice(0, colon).toLowerCase()] = option.value!.slice(colon + 1).trim();
  }
  const postFile = last(args, 'post-file');
  let body = last(args, 'post-data');
  if (postFile !== undefined) body = postFile === '-' ? '' : ctx.fs.readFile(normalizePath(postFile, ctx.cwd));
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded';
  return { method: body === undefined ? 'GET' : 'POST', headers, body: body ?? '' };
}

/** The response's length as the server announced it (Content-Length; chunked: unknown). */
function contentLength(response: HttpResponse): number | undefined {
  const entry = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-length');
  if (entry) return Number(entry[1]);
  const chunked = Object.entries(response.headers).some(
    ([name, value]) => name.toLowerCase() === 'transfer-encoding' && value.toLowerCase() === 'chunked',
  );
  // The traffic model's replies carry their body whole; a server that names no length sends it as is.
  return chunked ? undefined : utf8Length(response.body);
}

async function fetchOne(ctx: ProcessContext, args: ParsedArgs, url: string, request: Request): Promise<void> {
  const quiet = has(args, 'q');
  const say = (text: string): void => {
    if (!quiet) ctx.stderr.write(text);
  };
  let target = parseUrl(url);
  const output = last(args, 'O');
  let fileName = output;
  if (fileName === undefined) {
    const component =
      target.path
        .replace(/[?#].*/, '')
        .split('/')
        .pop() ?? '';
    fileName = component === '' ? 'index.html' : component;
    const prefix = last(args, 'P');
    if (prefix !== undefined) fileName = `${prefix.replace(/\/$/, '')}/${fileName}`;
  }
  let address = await resolve(ctx, target);
  say(`Connecting to ${target.host} (${address}:${target.port})\n`);
  let response: HttpResponse;
  for (let redirects = 16; ;) {
    response = await exchange(ctx, args, target, address, request);
    if (has(args, 'S')) {
      // The status line; the headers and the blank line after them only when wget reads on.
      const lines = [statusLine(response)];
      if (!isFailure(response.status))
        lines.push(...Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`), '');
      say(lines.map((line) => `  ${line}\n`).join(''));
    }
    if (isFailure(response.status)) throw new Die(`server returned error: ${statusLine(response)}`);
    const location = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'location')?.[1];
    if (response.status < 300 || response.status >= 400 || location === undefined) break;
    if (--redirects === 0) throw new Die('too many redirections');
    if (location.startsWith('/')) target = { ...target, path: location.slice(1) };
    else {
      target = parseUrl(location);
      address = await resolve(ctx, target);
      say(`Connecting to ${target.host} (${address}:${target.port})\n`);
    }
  }
  if (has(args, 'spider')) {
    say('remote file exists\n');
    return;
  }
  save(ctx, args, fileName, output === '-', response);
}

/** `HTTP/1.1 404 Not Found`: the status line as the server wrote it. */
const statusLine = (response: HttpResponse): string =>
  `${response.version ?? 'HTTP/1.1'} ${response.status} ${response.statusText ?? reasonPhrase(response.status)}`;

/** Statuses wget.c dies on (all but 0/100, 200–204, 206 with a range, and the redirects). */
const isFailure = (status: number): boolean =>
  ![200, 201, 202, 203, 204, 300, 301, 302, 303, 307, 308].includes(status);

/** One request to `address`; a failed connection dies as open_socket does. */
async function exchange(
  ctx: ProcessContext,
  args: ParsedArgs,
  target: Target,
  address: string,
  request: Request,
): Promise<HttpResponse> {
  if (!ctx.net) throw new Die(`can't connect to remote host (${address}): Network is unreachable`);
  const headers: Record<string, string> = {
    host: target.host,
    'user-agent': last(args, 'U') ?? 'Wget',
    connection: 'close',
    ...request.headers,
  };
  if (request.method === 'POST') headers['content-length'] = String(utf8Length(request.body));
  // -T SEC (900 by default): a server that does not answer in time ends the download.
  const seconds = Number(last(args, 'T') ?? 900);
  let timer: { cancel(): void } | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = ctx.clock.setTimer(seconds * 1000, () => reject(new Die('download timed out')));
  });
  const message = { method: request.method, path: `/${target.path}`, headers, body: request.body };
  try {
    const exchange = target.tls
      ? overTls(ctx, args, address, target.port, message)
      : ctx.net.http(address, target.port, message);
    return await Promise.race([exchange, timedOut]);
  } catch (error) {
    if (!(error instanceof NetError)) throw error;
    if (error.code === 'ECONNRESET') throw new Die('error getting response: Connection reset by peer');
    throw new Die(`can't connect to remote host (${address}): ${CONNECT_ERRORS[error.code]}`);
  } finally {
    timer?.cancel();
  }
}

/** The runs that said their certificates go unchecked (once a run, as spawn_ssl_client does). */
const warnedOfTls = new WeakSet<ParsedArgs>();

/** An https exchange: busybox's TLS, which checks no certificate (and says so once). */
async function overTls(
  ctx: ProcessContext,
  args: ParsedArgs,
  address: string,
  port: number,
  message: Omit<HttpRequest, 'remoteAddress'>,
): Promise<HttpResponse> {
  if (!ctx.net?.dial) throw new NetError('ENETUNREACH', address, port);
  const connection = await ctx.net.dial(address, port);
  if (!has(args, 'no-check-certificate') && !warnedOfTls.has(args)) {
    warnedOfTls.add(args);
    ctx.stderr.write('wget: note: TLS certificate validation not implemented\n');
  }
  // A server that speaks no TLS ends the handshake.
  if (!connection.tls) throw new NetError('ECONNRESET', address, port);
  return exchangeWith(connection, message, true);
}

/** Writes the body to `fileName` (or stdout) with the progress line, as retrieve_file_data does. */
function save(
  ctx: ProcessContext,
  args: ParsedArgs,
  fileName: string,
  toStdout: boolean,
  response: HttpResponse,
): void {
  const quiet = has(args, 'q');
  if (toStdout) {
    if (!quiet) ctx.stderr.write('writing to stdout\n');
    ctx.stdout.write(response.body);
  } else {
    const path = normalizePath(fileName, ctx.cwd);
    // Without -O an existing file is never overwritten (O_EXCL).
    if (!has(args, 'O') && ctx.fs.exists(path)) throw new Die(`can't open '${fileName}': File exists`);
    try {
      ctx.fs.writeTo(path, response.body);
    } catch (error) {
      throw new Die(`can't open '${fileName}': ${errorText(error)}`);
    }
    if (!quiet) ctx.stderr.write(`saving to '${fileName}'\n`);
  }
  if (quiet) return;
  const size = utf8Length(response.body);
  const name = toStdout ? '-' : (fileName.split('/').pop() ?? fileName);
  ctx.stderr.write(progressLine(name, size, contentLength(response), ctx.tty ? 80 : undefined));
  ctx.stderr.write(toStdout ? 'written to stdout\n' : `'${fileName}' saved\n`);
}

export const wget = defineApplet({
  name: 'wget',
  options: [
    ...flags('cqSO:o:P:Y:U:T:t:'),
    { key: 'n', short: 'n', arg: 'optional' },
    { key: 'c', long: 'continue' },
    { key: 'q', long: 'quiet' },
    { key: 'S', long: 'server-response' },
    { key: 'O', long: 'output-document', arg: 'required' },
    { key: 'o', long: 'output-file', arg: 'required' },
    { key: 'P', long: 'directory-prefix', arg: 'required' },
    { key: 'Y', long: 'proxy', arg: 'required' },
    { key: 'U', long: 'user-agent', arg: 'required' },
    { key: 'T', long: 'timeout', arg: 'required' },
    { key: 't', long: 'tries', arg: 'required' },
    { key: 'header', long: 'header', arg: 'required' },
    { key: 'post-data', long: 'post-data', arg: 'required' },
    { key: 'spider', long: 'spider' },
    { key: 'no-check-certificate', long: 'no-check-certificate' },
    { key: 'post-file', long: 'post-file', arg: 'required' },
    ...['passive-ftp', 'no-cache', 'no-verbose', 'no-clobber', 'no-host-directories', 'no-parent'].map((long) => ({
      key: 'ignored',
      long,
    })),
  ],
  async run(ctx, args) {
    if (args.operands.length === 0) return showUsage(ctx, 'wget');
    const timeout = last(args, 'T');
    if (timeout !== undefined && !/^\d+$/.test(timeout)) {
      complain(ctx, `invalid number '${timeout}'`);
      return 1;
    }
    try {
      const request = requestOf(ctx, args);
      for (const url of args.operands) await fetchOne(ctx, args, url, request);
      return 0;
    } catch (error) {
      if (!(error instanceof Die)) throw error;
      complain(ctx, error.message);
      return 1;
    }
  },
});
