import { sleep } from '../../../clock';
import { CancelledError } from '../../../cancel';
import { EmptyReplyError, type HostConnection, type HttpResponseMessage } from '../../../network/host-network';
import { waitFor } from '../../../network/host-network-wait';
import { encodeUtf8 } from '../../../util/utf8';
import { INTERRUPTED, openConnection, type ConnectionEnv } from './connection';
import { wgetTime } from './log';
import { barImage, dotProgress, humanReadable, retrRate, transferSeconds } from './progress';
import { localName, parseWgetUrl, resolveWgetLocation, WgetUrlError, type WgetUrl } from './url';

// One URL as wget retrieves it (src/retr.c, http.c): tries with waits between them, redirects,
// the request and its answer, the gauge, and the file it saves to.

/** Where a body goes, chosen once the response says it is coming. */
export interface Destination {
  /** The name wget reports (`index.html`, `STDOUT`), or undefined to let the URL decide. */
  fixed?: { name: string; write(text: string): Promise<void>; toStdout: boolean };
  /** A free local name for `name` (index.html, index.html.1, …) and a way to write it. */
  local(name: string): { name: string; write(text: string): Promise<void> } | { skip: string };
}

/** What a run's retrievals share. */
export interface RetrieveEnv extends ConnectionEnv {
  /** Connections kept alive, by `host:port`. */
  pool: Map<string, HostConnection>;
  /** The terminal's width, when stderr is one (the bar is drawn there). */
  cols?: number;
  destination: Destination;
  /** The request body and its headers (--post-data and the like). */
  body?: { text: string };
  /** Totals for the FINISHED summary. */
  totals: { files: number; bytes: number; seconds: number };
  /** Runs once, after the next `--TIME--  URL` line (where GnuTLS reports the CA file it loaded). */
  onFirstLine?: () => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const header = (response: HttpResponseMessage, name: string): string | undefined =>
  response.headers.find(([k]) => k.toLowerCase() === name)?.[1];

/** The request wget sends: its headers in wget's order, then --header's (replacing same names). */
function requestHeaders(env: RetrieveEnv, url: WgetUrl): Array<[string, string]> {
  const { config } = env;
  const headers: Array<[string, string]> = [
    ['Host', url.authority],
    ['User-Agent', config.userAgent ?? 'Wget/1.21.3'],
    ['Accept', '*/*'],
    ['Accept-Encoding', 'identity'],
    ['Connection', 'Keep-Alive'],
  ];
  if (config.authNoChallenge && config.user !== undefined) {
    const basic = [...encodeUtf8(`${config.user}:${config.password ?? ''}`)];
    headers.push(['Authorization', `Basic ${toBase64(basic)}`]);
  }
  if (env.body) {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    headers.push(['Content-Length', String(encodeUtf8(env.body.text).length)]);
  }
  for (const line of config.headers) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    const at = headers.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    if (at >= 0) headers[at] = [name, value];
    else headers.push([name, value]);
  }
  return headers;
}

function toBase64(bytes: number[]): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
  }
  return out;
}

/** Retrieves `input`; resolves to wget's exit status for it (0 when it was saved). */
export async function retrieve(env: RetrieveEnv, input: string): Promise<number | typeof INTERRUPTED> {
  const { log, config, clock } = env;
  let url: WgetUrl;
  try {
    url = parseWgetUrl(input);
  } catch (error) {
    if (!(error instanceof WgetUrlError)) throw error;
    log.notQuiet(`${error.message}\n`);
    return 1;
  }
  const original = url;
  let redirects = 0;
  let tries = 0;
  for (;;) {
    tries++;
    if (tries > 1) {
      try {
        await sleep(clock, Math.min(tries - 1, env.config.waitRetry) * 1000, env.signal);
      } catch (error) {
        if (error instanceof CancelledError) return INTERRUPTED;
        throw error;
      }
    }
    log.verbose(
      `--${wgetTime(clock.now())}--  ${tries > 1 ? `(try:${String(tries).padStart(2)})  ` : ''}${url.href}\n`,
    );
    env.onFirstLine?.();
    env.onFirstLine = undefined;
    const key = `${url.scheme}://${url.host}:${url.port}`;
    let conn = env.pool.get(key);
    if (conn) log.verbose(`Reusing existing connection to ${url.host}:${url.port}.\n`);
    else {
      const opened = await openConnection(env, url);
      if (opened === INTERRUPTED) return INTERRUPTED;
      if ('status' in opened) {
        if (!opened.retry) return opened.status;
        const last = config.tries !== 0 && tries >= config.tries;
        log.verbose(last ? 'Giving up.\n\n' : 'Retrying.\n\n');
        if (last) return opened.status;
        continue;
      }
      conn = opened;
      env.pool.set(key, conn);
    }
    const method = config.spider ? 'HEAD' : (config.method ?? (env.body ? 'POST' : 'GET'));
    log.verbose('HTTP request sent, awaiting response... ');
    let response: HttpResponseMessage;
    try {
      response = await conn.exchange(
        { method, target: url.target, headers: requestHeaders(env, url), body: env.body?.text ?? '' },
        { tls: url.scheme === 'https', protocol: 'http/1.1' },
      );
    } catch (error) {
      if (!(error instanceof EmptyReplyError)) throw error;
      env.pool.delete(key);
      log.notQuiet('No data received.\n');
      const last = config.tries !== 0 && tries >= config.tries;
      log.verbose(last ? 'Giving up.\n\n' : 'Retrying.\n\n');
      if (last) return 4;
      continue;
    }
    if (response.version === 'HTTP/1.0' || header(response, 'connection')?.toLowerCase() === 'close')
      env.pool.delete(key);
    const reason = response.reason || 'No description';
    if (config.serverResponse) {
      log.notQuiet(`\n  ${response.version} ${response.status} ${response.reason}\n`);
      for (const [k, v] of response.headers) log.notQuiet(`  ${k}: ${v}\n`);
    } else log.verbose(`${response.status} ${reason}\n`);
    const location = header(response, 'location');
    if (REDIRECTS.has(response.status) && location !== undefined) {
      log.verbose(`Location: ${location} [following]\n`);
      if (redirects >= config.maxRedirect) {
        log.notQuiet(`${config.maxRedirect} redirections exceeded.\n`);
        return 8;
      }
      redirects++;
      tries = 0;
      url = parseWgetUrl(resolveWgetLocation(url, location));
      continue;
    }
    if (response.status < 200 || response.status >= 300) {
      if (config.spider) log.notQuiet('Remote file does not exist -- broken link!!!\n');
      else log.notQuiet(`${wgetTime(clock.now())} ERROR ${response.status}: ${reason}.\n`);
      log.verbose('\n');
      return 8;
    }
    return save(env, original, response);
  }
}

/** A 2xx response: `Length:`, where it is saved, the gauge, and the `saved` line. */
async function save(
  env: RetrieveEnv,
  original: WgetUrl,
  response: HttpResponseMessage,
): Promise<number | typeof INTERRUPTED> {
  const { log, config, clock } = env;
  const lengthText = header(response, 'content-length');
  const total = lengthText !== undefined ? Number(lengthText) : undefined;
  // wget shows the media type without its parameters.
  const type = header(response, 'content-type')?.split(';')[0].trim();
  const shownLength =
    total === undefined ? 'unspecified' : total >= 1024 ? `${total} (${humanReadable(total, 10, 1)})` : String(total);
  log.verbose(`Length: ${shownLength}${type ? ` [${type}]` : ''}\n`);
  if (config.spider) {
    log.verbose(
      type?.startsWith('text/html')
        ? 'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n'
        : 'Remote file exists.\n\n',
    );
    return 0;
  }
  const target = env.destination.fixed ?? env.destination.local(localName(original));
  if ('skip' in target) {
    log.notQuiet(target.skip);
    return 0;
  }
  const toStdout = env.destination.fixed?.toStdout ?? false;
  log.verbose(`Saving to: ‘${target.name}’\n`);
  let body = response.body;
  if (response.stream) {
    // A watch: it is saved as it comes, until it ends or Ctrl-C.
    await target.write(body);
    const iterator = response.stream[Symbol.asyncIterator]();
    for (;;) {
      const next = await waitFor(() => iterator.next(), { clock, signal: env.signal, since: clock.now() });
      if (next.kind !== 'done' || next.value.done) break;
      body += next.value.value;
      await target.write(next.value.value);
    }
    response.stream.close();
    if (env.signal.aborted) return INTERRUPTED;
  }
  const bytes = encodeUtf8(body).length;
  const bar = (config.progress === undefined && env.cols !== undefined) || config.progress?.startsWith('bar');
  if (log.showsProgress) {
    if (bar && (env.cols !== undefined || config.progress === 'bar:force')) {
      log.verbose('\n');
      log.progress(`\r${barImage(target.name, env.cols ?? 80, 0, total, false, 0)}`);
      log.progress(`\r${barImage(target.name, env.cols ?? 80, bytes, total, true, 1)}`);
      log.verbose('\n');
      log.progress('\n');
    } else if (!config.quiet && config.verbose) log.progress(dotProgress(bytes, total));
  }
  if (!response.stream) await target.write(body);
  const seconds = transferSeconds(bytes);
  env.totals.files++;
  env.totals.bytes += bytes;
  env.totals.seconds += seconds;
  const time = wgetTime(clock.now());
  const sizes = total !== undefined ? `[${bytes}/${total}]` : `[${bytes}]`;
  log.verbose(
    toStdout
      ? `${time} (${retrRate(bytes, seconds)}) - written to stdout ${sizes}\n\n`
      : `${time} (${retrRate(bytes, seconds)}) - ‘${target.name}’ saved ${sizes}\n\n`,
  );
  log.nonVerbose(`${time} URL:${original.href} ${sizes} -> "${target.name}" [1]\n`);
  return 0;
}
