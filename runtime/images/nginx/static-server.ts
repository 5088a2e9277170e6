import { goDate } from '../../network/host-network-http';
import type { Volume } from '../../shell/fs/volume';
import { utf8Length } from '../../util/utf8';
import type { HttpRequest, HttpResponse } from '../types';
import { accessLogLine } from './access-log';
import { contentType } from './mime';
import { parseTarget } from './request-uri';
import { DEFAULT_SERVER, type ServerConfig } from './server-config';
import { errorPage, STATUS_TEXT } from './special-pages';
import { NGINX_VERSION } from './version';

/** What one request did: the reply, its access-log line and any error-log messages. */
export interface Served {
  response: HttpResponse;
  accessLog: string;
  /** `[error]` messages without the time and pid prefix: `*1 open() "…" failed …`. */
  errors: string[];
}

interface Reply {
  status: number;
  headers?: [string, string][];
  body?: string;
  /** The body of a 200, whose length the headers name even for HEAD. */
  file?: { data: string; mtime: number; path: string; size: number };
  keepalive?: boolean;
}

/**
 * The default server answering `request`: files under /usr/share/nginx/html, index.html (or
 * .htm) for directories, a 301 to add a directory's slash, nginx's own 403/404/405 pages,
 * conditional requests (exact If-Modified-Since, If-None-Match) and byte ranges, as
 * ngx_http_static_module, ngx_http_index_module and their filters do with the image's defaults.
 */
export function serveRequest(
  fs: Volume,
  request: HttpRequest,
  now: number,
  connection: number,
  server: ServerConfig = DEFAULT_SERVER,
): Served {
  const requestLine = `${request.method} ${request.path} HTTP/1.1`;
  const errors: string[] = [];
  const target = parseTarget(request.path);
  const headers = request.headers;
  const logError = (message: string): void => {
    const host = headers.host === undefined ? '' : `, host: "${headers.host}"`;
    const referrer = headers.referer === undefined ? '' : `, referrer: "${headers.referer}"`;
    errors.push(
      `*${connection} ${message}, client: ${request.remoteAddress}, server: ${server.serverName}, request: "${requestLine}"${host}${referrer}`,
    );
  };
  if (!target) {
    // The request line failed to parse: nginx answers before reading the headers.
    const response = respond({ status: 400, keepalive: false }, request, now);
    const bare = { ...request, headers: {} };
    return { response, accessLog: accessLogLine(bare, requestLine, now, 400, utf8Length(response.body)), errors };
  }
  const reply = route(fs, server, request, target.uri, target.args, logError);
  const response = respond(reply, request, now);
  const bytes = request.method === 'HEAD' ? 0 : utf8Length(response.body);
  return { response, accessLog: accessLogLine(request, requestLine, now, response.status, bytes), errors };
}

const READ_METHODS = ['GET', 'HEAD', 'POST'];

function route(
  fs: Volume,
  server: ServerConfig,
  request: HttpRequest,
  uri: string,
  args: string,
  logError: (m: string) => void,
): Reply {
  const path = `${server.root}${uri}`;
  if (uri.endsWith('/')) {
    if (!READ_METHODS.includes(request.method)) return { status: 405 };
    for (const name of server.index) {
      const file = readFile(fs, `${path}${name}`);
      if (file) return request.method === 'POST' ? { status: 405 } : fileReply(file, request);
    }
    if (!isDirectory(fs, path)) {
      logError(`"${path}${server.index[0]}" is not found (2: No such file or directory)`);
      return { status: 404 };
    }
    logError(`directory index of "${path}" is forbidden`);
    return { status: 403 };
  }
  if (!READ_METHODS.includes(request.method)) return { status: 405 };
  if (isDirectory(fs, path)) {
    // port_in_redirect: the port the server listens on, unless 80; the client's port is dropped.
    const host =
      (request.headers.host ?? server.serverName).replace(/:\d+$/, '') + (server.port === 80 ? '' : `:${server.port}`);
    return { status: 301, headers: [['Location', `http://${host}${encodeUri(uri)}/${args ? `?${args}` : ''}`]] };
  }
  const file = readFile(fs, path);
  if (!file) {
    logError(`open() "${path}" failed (2: No such file or directory)`);
    return { status: 404 };
  }
  if (request.method === 'POST') return { status: 405 };
  return fileReply(file, request);
}

function isDirectory(fs: Volume, path: string): boolean {
  try {
    return fs.isDirectory(path);
  } catch {
    return false;
  }
}

function readFile(fs: Volume, path: string): Reply['file'] {
  try {
    if (fs.isDirectory(path)) return undefined;
    const data = fs.readFile(path);
    return { data, mtime: fs.stat(path).mtime, path, size: utf8Length(data) };
  } catch {
    return undefined;
  }
}

/** The ETag nginx makes: `"<mtime hex>-<size hex>"`. */
const etagOf = (file: NonNullable<Reply['file']>): string =>
  `"${Math.floor(file.mtime / 1000).toString(16)}-${file.size.toString(16)}"`;

/** A file's 200, or the 304/206/416 its conditional and range headers ask for. */
function fileReply(file: NonNullable<Reply['file']>, request: HttpRequest): Reply {
  const etag = etagOf(file);
  const since = request.headers['if-modified-since'];
  const match = request.headers['if-none-match'];
  const modified = Math.floor(file.mtime / 1000) * 1000;
  if (
    (match !== undefined && match.split(/\s*,\s*/).some((tag) => tag === etag || tag === '*')) ||
    (match === undefined && since !== undefined && Date.parse(since) === modified)
  ) {
    return { status: 304, file: { ...file, data: '' } };
  }
  const range = request.headers.range;
  if (range !== undefined && request.method === 'GET') {
    const size = file.size;
    const parsed = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (parsed && (parsed[1] !== '' || parsed[2] !== '')) {
      let start = parsed[1] === '' ? Math.max(0, size - Number(parsed[2])) : Number(parsed[1]);
      let end = parsed[1] === '' || parsed[2] === '' ? size - 1 : Math.min(Number(parsed[2]), size - 1);
      if (start >= size) return { status: 416, headers: [['Content-Range', `bytes */${size}`]] };
      end = Math.max(end, start);
      start = Math.min(start, end);
      return {
        status: 206,
        file: { ...file, data: file.data.slice(start, end + 1) },
        headers: [['Content-Range', `bytes ${start}-${end}/${size}`]],
      };
    }
  }
  return { status: 200, file };
}

/** The URI as ngx_escape_uri writes it into a Location: controls, space, non-ASCII and `"#%'<>?\^`{|}` escaped. */
function encodeUri(uri: string): string {
  let encoded = '';
  for (const c of uri) {
    const code = c.charCodeAt(0);
    const escape = code <= 0x20 || code >= 0x7f || '"#%\'<>?\\^`{|}'.includes(c);
    encoded += escape ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return encoded;
}

/** The reply as nginx's header filter writes it: its headers in nginx's order. */
function respond(reply: Reply, request: HttpRequest, now: number): HttpResponse {
  const headers: [string, string][] = [
    ['Server', `nginx/${NGINX_VERSION}`],
    ['Date', goDate(now)],
  ];
  const keepalive = reply.keepalive !== false && request.headers.connection?.toLowerCase() !== 'close';
  let body: string;
  if (reply.file) {
    body = reply.file.data;
    if (reply.status !== 304) {
      headers.push(['Content-Type', contentType(reply.file.path)], ['Content-Length', String(utf8Length(body))]);
    }
    headers.push(['Last-Modified', goDate(reply.file.mtime)], ['Connection', keepalive ? 'keep-alive' : 'close']);
    headers.push(['ETag', etagOf(reply.file)]);
  } else {
    body = errorPage(reply.status);
    headers.push(['Content-Type', 'text/html'], ['Content-Length', String(utf8Length(body))]);
    for (const [name, value] of reply.headers ?? []) if (name === 'Location') headers.push([name, value]);
    headers.push(['Connection', keepalive ? 'keep-alive' : 'close']);
  }
  if (reply.status === 200) headers.push(['Accept-Ranges', 'bytes']);
  for (const [name, value] of reply.headers ?? []) if (name !== 'Location') headers.push([name, value]);
  return {
    status: reply.status,
    statusText: STATUS_TEXT[reply.status],
    headers: Object.fromEntries(headers),
    body: request.method === 'HEAD' ? '' : body,
  };
}
