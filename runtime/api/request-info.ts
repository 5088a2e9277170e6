/** What a request asks for, read off its path and method as the apiserver's RequestInfoFactory does. */
export interface RequestInfo {
  /** The path without the query. */
  path: string;
  query: Query;
  /** True for /api/… and /apis/… paths that name a resource. */
  isResourceRequest: boolean;
  group: string;
  version: string;
  namespace?: string;
  resource?: string;
  name?: string;
  subresource?: string;
  /** For …/{name}/proxy/rest: `/rest` (trailing slash kept), or '' for …/proxy alone. */
  proxyPath?: string;
  verb: string;
}

/** Query parameters; repeated ones keep every value. */
export class Query {
  private readonly values = new Map<string, string[]>();

  constructor(text: string) {
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = decode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
      (this.values.get(key) ?? this.values.set(key, []).get(key))?.push(value);
    }
  }

  /** The first value of `key`. */
  get(key: string): string | undefined {
    return this.values.get(key)?.[0];
  }

  /** Every value of `key`. */
  all(key: string): string[] {
    return this.values.get(key) ?? [];
  }

  /** True when `key` is `true` or `1`. */
  flag(key: string): boolean {
    const value = this.get(key);
    return value === 'true' || value === '1';
  }
}

function decode(text: string): string {
  // Most paths and queries have nothing escaped.
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The raw (still encoded) path after its first `skip` segments, from the slash on. */
function rawTail(path: string, skip: number): string {
  let at = 0;
  for (let seen = 0; seen < skip;) {
    while (path[at] === '/') at++;
    const next = path.indexOf('/', at);
    seen++;
    at = next < 0 ? path.length : next;
  }
  return path.slice(at);
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Reads the request's target and verb from its method and path. */
export function requestInfo(method: string, fullPath: string): RequestInfo {
  const q = fullPath.indexOf('?');
  const path = q < 0 ? fullPath : fullPath.slice(0, q);
  const query = new Query(q < 0 ? '' : fullPath.slice(q + 1));
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map(decode);
  const info: RequestInfo = {
    path,
    query,
    isResourceRequest: false,
    group: '',
    version: '',
    verb: method.toLowerCase(),
  };
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    info.version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    info.group = parts[1];
    info.version = parts[2];
    rest = parts.slice(3);
  } else return info;

  info.isResourceRequest = true;
  // namespaces/{ns}/… names a resource in the namespace, except the namespace's own
  // subresources (status, finalize).
  if (rest[0] === 'namespaces' && rest.length >= 2) {
    info.namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
  }
  [info.resource, info.name, info.subresource] = rest;
  if (info.subresource === 'proxy') info.proxyPath = rawTail(path, parts.length - rest.length + 3);
  else if (rest.length > 3) info.isResourceRequest = false;

  const collection = info.name === undefined;
  switch (method.toUpperCase()) {
    case 'GET':
    case 'HEAD':
      info.verb = collection ? (query.flag('watch') ? 'watch' : 'list') : 'get';
      break;
    case 'POST':
      info.verb = 'create';
      break;
    case 'PUT':
      info.verb = 'update';
      break;
    case 'PATCH':
      info.verb = 'patch';
      break;
    case 'DELETE':
      info.verb = collection ? 'deletecollection' : 'delete';
      break;
  }
  return info;
}
