// The dashboard's client of the Kubernetes API: JSON in and out over the pod's ApiHandler, a
// failure thrown with the API's own Status message (what the error banner shows).
import type { ApiHandler } from '../../api/types';

/** Decoded JSON objects the pages read field by field. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A failed API call: the Status message the API server answered, and its HTTP status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The calls the pages make: get, list, create, merge-patch, delete and the pod log's text. */
export class DashboardApi {
  constructor(private readonly handler: ApiHandler) {}

  /** GETs one object (or list) and decodes it. */
  async get(path: string): Promise<Json> {
    return this.call('GET', path);
  }

  /** The items of a list. */
  async list(path: string): Promise<Json[]> {
    const list = await this.call('GET', path);
    return Array.isArray(list?.items) ? list.items : [];
  }

  /** POSTs `object` to a collection. */
  async create(path: string, object: unknown): Promise<Json> {
    return this.call('POST', path, JSON.stringify(object), 'application/json');
  }

  /** Applies a JSON merge patch. */
  async patch(path: string, patch: unknown): Promise<Json> {
    return this.call('PATCH', path, JSON.stringify(patch), 'application/merge-patch+json');
  }

  /** Deletes one object (its dependents in the background, as the dashboard does). */
  async delete(path: string): Promise<Json> {
    return this.call('DELETE', path, JSON.stringify({ propagationPolicy: 'Background' }), 'application/json');
  }

  /** A plain-text body (a pod's log). */
  async text(path: string): Promise<string> {
    const response = await this.handler({ method: 'GET', path, headers: { accept: '*/*' } });
    if (response.status >= 400) throw failure(response.status, response.body);
    return response.body;
  }

  private async call(method: string, path: string, body?: string, contentType?: string): Promise<Json> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    const response = await this.handler({ method, path, headers, body });
    if (response.status >= 400) throw failure(response.status, response.body);
    return response.body ? JSON.parse(response.body) : undefined;
  }
}

function failure(status: number, body: string): ApiError {
  try {
    const decoded = JSON.parse(body) as { message?: unknown };
    if (typeof decoded.message === 'string') return new ApiError(decoded.message, status);
  } catch {
    // Not a Status: show the text as it came.
  }
  return new ApiError(body.trim() || `the server answered ${status}`, status);
}
