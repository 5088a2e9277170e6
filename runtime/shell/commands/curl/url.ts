// URLs as curl 7.88 parses them (lib/urlapi.c with the tool's scheme guessing): a URL without a
// scheme is http; whitespace, a bad port or an empty host is a bad URL (error 3); a scheme curl
// does not speak is error 1.

/** A URL curl can fetch. */
export interface CurlUrl {
  scheme: 'http' | 'https' | 'file';
  /** The host as typed, without IPv6 brackets. */
  host: string;
  port: number;
  /** `host` or `host:port` (the port when not the scheme's default), IPv6 in brackets: the Host header. */
  authority: string;
  /** `user:password` before the host, percent-decoded. */
  userinfo?: string;
  /** Path and query, never empty. */
  target: string;
  /** The URL as curl reports it (`%{url_effective}`). */
  href: string;
}

/** A URL curl refuses: its exit code and message. */
export class UrlError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const BAD_URL = (): UrlError => new UrlError(3, 'URL using bad/illegal format or missing URL');
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** Parses `text` as curl does; throws UrlError. */
export function parseUrl(text: string): CurlUrl {
  // eslint-disable-next-line no-control-regex
  if (text === '' || /[\s\u0000-\u001f\u007f]/.test(text)) throw BAD_URL();
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  const scheme = (match ? match[1] : 'http').toLowerCase();
  const rest = match ? text.slice(match[0].length) : text;
  if (scheme === 'file') return fileUrl(rest);
  if (scheme !== 'http' && scheme !== 'https')
    throw new UrlError(1, `Protocol "${match ? match[1] : scheme}" not supported or disabled in libcurl`);
  const end = rest.search(/[/?#]/);
  const authorityText = end < 0 ? rest : rest.slice(0, end);
  let target = (end < 0 ? '' : rest.slice(end)).replace(/#.*$/, '');
  if (target === '' || target.startsWith('?')) target = `/${target}`;
  const at = authorityText.lastIndexOf('@');
  const userinfo = at >= 0 ? decodeURIComponentSafe(authorityText.slice(0, at)) : undefined;
  const hostPort = at >= 0 ? authorityText.slice(at + 1) : authorityText;
  let host: string;
  let portText: string;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) throw BAD_URL();
    host = hostPort.slice(1, close);
    if (!/^[0-9a-fA-F:.]+$/.test(host)) throw BAD_URL();
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) throw BAD_URL();
    portText = after.slice(1);
  } else {
    const colon = hostPort.lastIndexOf(':');
    host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
    portText = colon >= 0 ? hostPort.slice(colon + 1) : '';
    if (!/^[A-Za-z0-9._~!$&'()*+,;=%-]+$/.test(host)) throw BAD_URL();
  }
  if (host === '') throw BAD_URL();
  let port = DEFAULT_PORTS[scheme];
  if (portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw BAD_URL();
    port = Number(portText);
  }
  const bracketed = host.includes(':') ? `[${host}]` : host;
  const authority = port === DEFAULT_PORTS[scheme] ? bracketed : `${bracketed}:${port}`;
  return {
    scheme,
    host,
    port,
    authority,
    ...(userinfo !== undefined ? { userinfo } : {}),
    target,
    href: `${scheme}://${authority}${target}`,
  };
}

function fileUrl(rest: string): CurlUrl {
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  if (host !== '' && host !== 'localhost' && host !== '127.0.0.1') throw BAD_URL();
  const path = slash < 0 ? '/' : decodeURIComponentSafe(rest.slice(slash).replace(/[?#].*$/, ''));
  return { scheme: 'file', host: '', port: 0, authority: '', target: path, href: `file://${path}` };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URL a Location header leads to from `base` (RFC 3986 reference resolution). */
export function resolveLocation(base: CurlUrl, location: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.authority}`;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return `${origin}${location}`;
  const path = base.target.replace(/[?#].*$/, '');
  if (location.startsWith('?')) return `${origin}${path}${location}`;
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const parts: string[] = [];
  for (const part of `${dir}${location}`.split('/')) {
    if (part === '..') parts.splice(Math.max(parts.length - 1, 1));
    else if (part !== '.') parts.push(part);
  }
  return `${origin}${parts.join('/')}`;
}
