import type { HttpRequest } from '../types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `$time_local` in a container (UTC): `16/Jul/2023:21:24:09 +0000`. */
export function timeLocal(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** A variable's value as the access log writes it: `"`, `\` and unprintable bytes as \xHH. */
export function escapeLogValue(value: string): string {
  let escaped = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    const plain = code >= 0x20 && code < 0x7f && c !== '"' && c !== '\\';
    escaped += plain || code > 0xff ? c : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/**
 * The image's `main` log_format: `$remote_addr - $remote_user [$time_local] "$request" $status
 * $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`; `requestLine` is
 * undefined when the request line could not be read whole.
 */
export function accessLogLine(
  request: HttpRequest,
  requestLine: string,
  now: number,
  status: number,
  bytes: number,
): string {
  const field = (name: string): string => {
    const value = request.headers[name];
    return value === undefined ? '-' : escapeLogValue(value);
  };
  return `${request.remoteAddress} - - [${timeLocal(now)}] "${escapeLogValue(requestLine)}" ${status} ${bytes} "${field('referer')}" "${field('user-agent')}" "${field('x-forwarded-for')}"\n`;
}
