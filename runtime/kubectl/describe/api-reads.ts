import { StatusError, type Status } from '../../api/status';
import type { ApiHandler } from '../../api/types';
import type { KubeObject, ObjectList } from './types';

/** The path of a resource collection: `/api/v1/namespaces/ns/pods`, `/apis/apps/v1/deployments`. */
export function collectionPath(group: string, version: string, resource: string, namespace?: string): string {
  const root = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return namespace ? `${root}/namespaces/${namespace}/${resource}` : `${root}/${resource}`;
}

/** The error a failed reply stands for: its Status, or one made up as client-go does for text. */
function replyError(status: number, body: string): StatusError {
  try {
    const parsed = JSON.parse(body) as Partial<Status>;
    if (parsed && parsed.kind === 'Status') return new StatusError(parsed as Status);
  } catch {
    // Not JSON: described below from the code alone.
  }
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: body,
    reason: status === 404 ? 'NotFound' : 'InternalError',
    code: status,
  });
}

/** GETs `path` as JSON; throws the reply's StatusError when it fails. */
export async function getJson<T>(api: ApiHandler, path: string): Promise<T> {
  const reply = await api({ method: 'GET', path, headers: { accept: 'application/json' } });
  if (reply.status !== 200) throw replyError(reply.status, reply.body);
  return (reply.value as T | undefined) ?? (JSON.parse(reply.body) as T);
}

/**
 * Lists `path` page by page (FollowContinue with Limit = chunkSize, 0 for no limit), with the
 * `query` parameters (not yet encoded).
 */
export async function listAll<T extends KubeObject>(
  api: ApiHandler,
  path: string,
  query: Record<string, string>,
  chunkSize: number,
): Promise<T[]> {
  const items: T[] = [];
  let next = '';
  do {
    const params: Record<string, string> = { ...query };
    if (next) params.continue = next;
    if (chunkSize > 0) params.limit = String(chunkSize);
    const text = encodeQuery(params);
    const page = await getJson<ObjectList<T>>(api, text ? `${path}?${text}` : path);
    items.push(...(page.items ?? []));
    next = page.metadata?.continue ?? '';
  } while (next);
  return items;
}

/** Go's url.QueryEscape: all but letters, digits and `-_.~` escaped, spaces as `+`. */
function queryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** url.Values.Encode: `k=v` pairs with keys in sorted order. */
function encodeQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${queryEscape(k)}=${queryEscape(params[k])}`)
    .join('&');
}

/** Whether `error` is a StatusError with `code`. */
export function hasCode(error: unknown, code: number): boolean {
  return error instanceof StatusError && error.status.code === code;
}
