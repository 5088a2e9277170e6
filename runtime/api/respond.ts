import type { Query } from './request-info';
import type { IncludeObject } from './table-response';
import type { ApiRequest, ApiResponse } from './types';

/** Compact JSON, or indented for the tools a person reads it with (apiserver negotiate.go). */
export function respond(request: ApiRequest, code: number, value: unknown, type = 'application/json'): ApiResponse {
  const agent = request.headers?.['user-agent'] ?? '';
  if (/^(curl|Wget|Mozilla\/5\.0)/.test(agent)) {
    return { status: code, headers: { 'content-type': type }, body: `${JSON.stringify(value, null, 2)}\n` };
  }
  // A frozen value is handed to in-process clients as it is; the text is made for those who read it.
  let text: string | undefined;
  return {
    status: code,
    headers: { 'content-type': type },
    ...(typeof value === 'object' && value !== null && Object.isFrozen(value) ? { value } : {}),
    get body() {
      return (text ??= JSON.stringify(value));
    },
  };
}

/**
 * How long a watch may run: timeoutSeconds, bounded by the request's own `timeout` (a Go
 * duration such as `5s` or `1m`, which kubectl's --request-timeout sends); 0 for no limit.
 */
export function watchTimeout(query: Query): number {
  const seconds = Number(query.get('timeoutSeconds') ?? 0);
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(query.get('timeout') ?? '');
  const scale: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  const request = match ? Number(match[1]) * scale[match[2]] : 0;
  if (seconds > 0 && request > 0) return Math.min(seconds, request);
  return seconds > 0 ? seconds : request;
}

/** What a Table row carries, from `includeObject` (PartialObjectMetadata unless asked). */
export function includeObject(query: Query): IncludeObject {
  const value = query.get('includeObject');
  return value === 'Object' || value === 'None' ? value : 'Metadata';
}

/**
 * A response whose JSON is already serialised, in pieces that adapters write out one by one;
 * `body` joins them only for a client that reads it (indented on demand, as respond does).
 */
export function respondJson(request: ApiRequest, code: number, pieces: readonly string[]): ApiResponse {
  const agent = request.headers?.['user-agent'] ?? '';
  if (/^(curl|Wget|Mozilla\/5\.0)/.test(agent)) return respond(request, code, JSON.parse(pieces.join('')));
  let joined: string | undefined;
  return {
    status: code,
    headers: { 'content-type': 'application/json' },
    pieces,
    get body() {
      return (joined ??= pieces.join(''));
    },
  };
}
