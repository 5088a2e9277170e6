/** What the API server's verb handlers share: the server's parts, the Accept check, and the answer with one object. */
import type { Clock } from '../clock';
import type { Rng } from '../rng';
import type { ClusterNetwork } from './node-connection';
import type { KubeObject } from './object';
import type { ObjectStore } from './object-store';
import type { ResourceRegistry } from './registry';
import { requestInfo, type RequestInfo } from './request-info';
import type { ResourceType } from './resource';
import { includeObject, respond } from './respond';
import { notAcceptable } from './status';
import { toTable, wantsTable } from './table-response';
import type { ApiRequest, ApiResponse } from './types';

/** The API server's parts, as every verb handler reaches them. */
export interface ServerContext {
  registry: ResourceRegistry;
  objects: ObjectStore;
  clock: Clock;
  rng: Rng;
  /** How logs, exec, attach and proxies reach kubelets and pods. */
  network: ClusterNetwork;
}

/** One verb on a resource: the request, what its path says, the resource and its namespace (none if cluster-scoped). */
export type VerbHandler = (
  ctx: ServerContext,
  request: ApiRequest,
  info: RequestInfo,
  type: ResourceType,
  namespace: string | undefined,
) => ApiResponse | Promise<ApiResponse>;

/** 406 unless the Accept header allows JSON or YAML (or says nothing). */
export function checkAccept(request: ApiRequest): void {
  const accept = request.headers?.accept;
  if (!accept) return;
  const ok = accept
    .split(',')
    .some((part) => /^\s*(\*\/\*|application\/\*|application\/json|application\/yaml)/.test(part));
  if (!ok) throw notAcceptable(accept);
}

/** A single object, as JSON or as a one-row Table, with any warnings in a Warning header. */
export function reply(
  ctx: ServerContext,
  request: ApiRequest,
  type: ResourceType,
  code: number,
  object: KubeObject,
  warnings: string[] = [],
): ApiResponse {
  checkAccept(request);
  let response: ApiResponse;
  if (!wantsTable(request.headers?.accept)) response = respond(request, code, object);
  else {
    const include = includeObject(requestInfo(request.method, request.path).query);
    response = respond(request, code, toTable(type, [object], { now: ctx.clock.now() }, { include }));
  }
  return withWarnings(response, warnings);
}

/** `response` with `warnings` added to its Warning header (`299 - "text"`, comma-separated). */
export function withWarnings(response: ApiResponse, warnings: readonly string[]): ApiResponse {
  if (warnings.length === 0) return response;
  const added = warnings.map((w) => `299 - "${w.replace(/["\\]/g, '\\$&')}"`);
  const existing = response.headers.warning;
  // A fresh headers object: a response may be shared (a response's getter body stays with it).
  response.headers = { ...response.headers, warning: [...(existing ? [existing] : []), ...added].join(', ') };
  return response;
}
