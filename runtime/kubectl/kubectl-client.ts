import type { Status } from '../api/status';
import type { ApiHandler, ApiResponse } from '../api/types';
import { CLIENT_VERSION } from './client-version';

/** The User-Agent the real kubectl v1.34.5 sends (client-go's DefaultKubernetesUserAgent). */
export const KUBECTL_USER_AGENT = `kubectl/${CLIENT_VERSION.gitVersion} (${CLIENT_VERSION.platform}) kubernetes/${CLIENT_VERSION.gitCommit.slice(0, 7)}`;

/** The Accept header kubectl sends for server-printed tables (get.go transformRequests). */
export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/**
 * A request that failed: the server's Status, or the text of a reply that was not one, with what
 * kubectl was doing (`get pods x`) for the messages that name it.
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: Status | undefined,
    readonly text: string,
    readonly verb: string,
    readonly target: string,
  ) {
    super(status?.message ?? text);
  }
}

/** One request's options. */
export interface KubectlRequest {
  method?: string;
  accept?: string;
  contentType?: string;
  /** A JSON body, sent as a value (the server copies it). */
  value?: unknown;
  body?: string;
  /** What the request does, for error texts: `get`, `delete`… */
  verb?: string;
  /** `pods x`, for error texts. */
  target?: string;
}

/** kubectl's REST client over the API handler: its User-Agent, JSON replies, failures as ApiError. */
export class KubectlClient {
  private readonly warned = new Set<string>();

  /** `onWarning` hears each distinct `Warning:` header text once (client-go's deduplicating warning writer). */
  constructor(
    readonly handler: ApiHandler,
    private readonly onWarning?: (text: string) => void,
  ) {}

  /** Sends a request and returns the raw reply (streams and upgrades included). */
  async send(path: string, request: KubectlRequest = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = {
      accept: request.accept ?? 'application/json',
      'user-agent': KUBECTL_USER_AGENT,
    };
    if (request.contentType) headers['content-type'] = request.contentType;
    const response = await this.handler({
      method: request.method ?? 'GET',
      path,
      headers,
      ...(request.value !== undefined ? { value: request.value } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    for (const text of warningTexts(response.headers.warning)) {
      if (this.warned.has(text)) continue;
      this.warned.add(text);
      this.onWarning?.(text);
    }
    return response;
  }

  /** Sends a request and decodes its JSON reply; a failure throws ApiError. */
  async json<T = unknown>(path: string, request: KubectlRequest = {}): Promise<T> {
    const response = await this.send(path, request);
    if (response.status >= 400) throw apiError(response, request.verb ?? 'get', request.target ?? '');
    if (response.value !== undefined) return response.value as T;
    return JSON.parse(response.body) as T;
  }
}

/** The ApiError for a failed reply. */
export function apiError(response: ApiResponse, verb: string, target: string): ApiError {
  let status: Status | undefined;
  const decoded = response.value ?? safeParse(response.body);
  if (isStatus(decoded) && decoded.status !== 'Success') status = decoded;
  return new ApiError(response.status, status, response.body, verb, target);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isStatus(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status';
}

/** The texts of a Warning header (`299 - "text", 299 - "other"`), unescaped. */
export function warningTexts(header: string | undefined): string[] {
  if (!header) return [];
  return [...header.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}
