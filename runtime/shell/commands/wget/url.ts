// URLs as wget parses them (src/url.c): http when no scheme is given, `URL: REASON.` when it
// will not parse, and the local file name it saves to (the last path segment with its query,
// index.html for a directory).

/** A URL wget can fetch. */
export interface WgetUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** `host` or `host:port` when the port is not the default: the Host header. */
  authority: string;
  /** Path and query, starting with `/`. */
  target: string;
  /** The URL as wget prints it. */
  href: string;
}

/** A URL that does not parse: `URL: MESSAGE.` */
export class WgetUrlError extends Error {}

const DEFAULT_PORTS = { http: 80, https: 443 } as const;

/** Parses `text`; throws WgetUrlError with wget's message. */
export function parseWgetUrl(text: string): WgetUrl {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  const scheme = match ? match[1].toLowerCase() : 'http';
  if (scheme !== 'http' && scheme !== 'https') throw new WgetUrlError(`${text}: Unsupported scheme ‘${match?.[1]}’.`);
  const rest = match ? text.slice(match[0].length) : text;
  const end = rest.search(/[/?#]/);
  const authority = (end < 0 ? rest : rest.slice(0, end)).replace(/^.*@/, '');
  let target = end < 0 ? '/' : rest.slice(end).replace(/#.*$/, '');
  if (!target.startsWith('/')) target = `/${target}`;
  let host = authority;
  let portText = '';
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) throw new WgetUrlError(`${text}: Unterminated IPv6 numeric address.`);
    host = authority.slice(1, close);
    portText = authority.slice(close + 2);
  } else if (authority.includes(':')) {
    host = authority.slice(0, authority.lastIndexOf(':'));
    portText = authority.slice(authority.lastIndexOf(':') + 1);
  }
  if (host === '' || /[\s]/.test(host)) throw new WgetUrlError(`${text}: Invalid host name.`);
  let port: number = DEFAULT_PORTS[scheme];
  if (portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535 || Number(portText) === 0)
      throw new WgetUrlError(`${text}: Bad port number.`);
    port = Number(portText);
  }
  const bracketed = host.includes(':') ? `[${host}]` : host;
  const hostPort = port === DEFAULT_PORTS[scheme] ? bracketed : `${bracketed}:${port}`;
  return { scheme, host, port, authority: hostPort, target, href: `${scheme}://${hostPort}${target}` };
}

/** The file wget saves `url` to: the last path segment (with the query), or index.html. */
export function localName(url: WgetUrl): string {
  const [path, query] = url.target.split(/\?(.*)/s, 2);
  const segment = decodeSegment(path.slice(path.lastIndexOf('/') + 1));
  if (segment === '') return 'index.html';
  return query !== undefined ? `${segment}?${query}` : segment;
}

function decodeSegment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URL a Location header leads to from `base`. */
export function resolveWgetLocation(base: WgetUrl, location: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.authority}`;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return `${origin}${location}`;
  const path = base.target.replace(/\?.*$/, '');
  return `${origin}${path.slice(0, path.lastIndexOf('/') + 1)}${location}`;
}
