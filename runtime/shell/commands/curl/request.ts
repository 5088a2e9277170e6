import { base64 } from '../../../util/sha256';
import { encodeUtf8 } from '../../../util/utf8';
import type { CurlConfig, DataPart } from './config';
import { USER_AGENT } from './help';
import type { CurlUrl } from './url';

// The request curl sends (lib/http.c): its method, its headers in curl's order (Host,
// Authorization, User-Agent, Accept, Accept-Encoding, Referer, then -H's, then the body's
// Content-Length and Content-Type), and its body from -d and its kin (src/tool_getparam.c).

/** A file's text, or undefined when it cannot be read (`-` is standard input). */
export type ReadFile = (path: string) => Promise<string | undefined>;

/** The request body -d and its kin make, and the warnings reading it printed. */
export interface Body {
  text?: string;
  /** --json was among them: JSON headers go with the request. */
  json: boolean;
  warnings: string[];
}

/** curl_easy_escape for --data-urlencode: unreserved characters kept, a space as `+`. */
function urlencode(text: string): string {
  let out = '';
  for (const byte of encodeUtf8(text)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

async function part(piece: DataPart, read: ReadFile, warnings: string[]): Promise<string> {
  const fromFile = async (path: string): Promise<string> => {
    const text = await read(path);
    if (text === undefined)
      warnings.push(`Warning: Couldn't read data from file "${path}", this makes an empty POST.\n`);
    return text ?? '';
  };
  const { kind, value } = piece;
  if (kind === 'raw') return value;
  if (kind === 'urlencode') {
    const eq = value.indexOf('=');
    const at = value.indexOf('@');
    if (at >= 0 && (eq < 0 || at < eq)) {
      const name = value.slice(0, at);
      const content = urlencode(await fromFile(value.slice(at + 1)));
      return name ? `${name}=${content}` : content;
    }
    if (eq < 0) return urlencode(value);
    const name = value.slice(0, eq);
    return name ? `${name}=${urlencode(value.slice(eq + 1))}` : urlencode(value.slice(eq + 1));
  }
  if (!value.startsWith('@')) return value;
  const text = await fromFile(value.slice(1));
  // -d reads a file as text: its line breaks are dropped.
  return kind === 'data' || kind === 'ascii' ? text.replace(/[\r\n]/g, '') : text;
}

/** The body the config's data options make (curl joins them with `&`, --json pieces with nothing). */
export async function buildBody(config: CurlConfig, read: ReadFile): Promise<Body> {
  const warnings: string[] = [];
  if (config.data.length === 0) return { json: false, warnings };
  let text = '';
  for (const [i, piece] of config.data.entries()) {
    const value = await part(piece, read, warnings);
    text += i === 0 || piece.kind === 'json' ? value : `&${value}`;
  }
  return { text, json: config.data.some((d) => d.kind === 'json'), warnings };
}

/** One request, ready for the wire. */
export interface CurlRequest {
  method: string;
  target: string;
  /** The headers in curl's order, names as curl writes them for the protocol. */
  headers: Array<[string, string]>;
  body?: string;
}

/** The custom headers of -H (then --json's, unless -H set them): `[name, value]`, undefined to remove. */
function customHeaders(config: CurlConfig, json: boolean): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (const line of config.headers) {
    const colon = line.indexOf(':');
    const semicolon = line.indexOf(';');
    if (colon > 0) {
      const value = line.slice(colon + 1).trim();
      out.push([line.slice(0, colon), value === '' ? undefined : value]);
    } else if (semicolon > 0 && line.slice(semicolon + 1).trim() === '') out.push([line.slice(0, semicolon), '']);
  }
  const listed = (name: string): boolean => out.some(([n]) => n.toLowerCase() === name.toLowerCase());
  if (json && !listed('Content-Type')) out.push(['Content-Type', 'application/json']);
  if (json && !listed('Accept')) out.push(['Accept', 'application/json']);
  return out;
}

/**
 * The request for `url`: `h2` writes curl's own header names in lower case (as curl does for
 * HTTP/2). `body` is the data options' (undefined: none); `redirectMethod` overrides the method
 * after a redirect that turns a POST into a GET.
 */
export function buildRequest(
  config: CurlConfig,
  url: CurlUrl,
  body: Body,
  h2: boolean,
  redirected?: { method: string; keepBody: boolean },
): CurlRequest {
  let target = url.target;
  let data = body.text;
  if (config.get && data !== undefined) {
    target += `${target.includes('?') ? '&' : '?'}${data}`;
    data = undefined;
  }
  if (redirected && !redirected.keepBody) data = undefined;
  let method = config.head ? 'HEAD' : data !== undefined ? 'POST' : 'GET';
  if (redirected) method = redirected.method;
  else if (config.method) method = config.method;
  const custom = customHeaders(config, body.json);
  const has = (name: string): boolean => custom.some(([n]) => n.toLowerCase() === name.toLowerCase());
  const own = (name: string): string => (h2 && name !== 'Host' ? name.toLowerCase() : name);
  const headers: Array<[string, string]> = [];
  const host = custom.find(([n]) => n.toLowerCase() === 'host');
  if (!host) headers.push(['Host', url.authority]);
  else if (host[1] !== undefined) headers.push([host[0], host[1]]);
  const credentials = url.userinfo ?? config.user;
  if (credentials !== undefined && !has('Authorization'))
    headers.push([
      own('Authorization'),
      `Basic ${base64(encodeUtf8(credentials.includes(':') ? credentials : `${credentials}:`))}`,
    ]);
  else if (config.bearer !== undefined && !has('Authorization'))
    headers.push([own('Authorization'), `Bearer ${config.bearer}`]);
  const agent = config.userAgent ?? USER_AGENT;
  if (agent !== '' && !has('User-Agent')) headers.push([own('User-Agent'), agent]);
  if (!has('Accept')) headers.push([own('Accept'), '*/*']);
  if (config.compressed && !has('Accept-Encoding')) headers.push([own('Accept-Encoding'), 'deflate, gzip, br, zstd']);
  if (config.referer !== undefined && !has('Referer')) headers.push([own('Referer'), config.referer]);
  for (const [name, value] of custom)
    if (value !== undefined && name.toLowerCase() !== 'host') headers.push([name, value]);
  if (data !== undefined) {
    if (!has('Content-Length')) headers.push([own('Content-Length'), String(encodeUtf8(data).length)]);
    if (!has('Content-Type')) headers.push([own('Content-Type'), 'application/x-www-form-urlencoded']);
  }
  return { method, target, headers, ...(data !== undefined ? { body: data } : {}) };
}
