import { clone, type KubeObject } from '../api/object';
import { StatusError, type Status } from '../api/status';
import type { ApiHandler, ApiRequest } from '../api/types';
import { decodeWatch, type WatchStream } from './watch-stream';

/** Which resource a client speaks to (a GroupVersionResource with its scope and kind). */
export interface ResourceRef {
  /** '' for the core group. */
  group: string;
  version: string;
  /** The plural resource name, e.g. `pods`. */
  resource: string;
  kind: string;
  namespaced: boolean;
}

/** How a client identifies itself and writes. */
export interface ClientOptions {
  /** The User-Agent header (see user-agent.ts); the API server derives the field manager from it. */
  userAgent?: string;
  /**
   * The `fieldValidation` every write sends unless the call says otherwise. The cluster's own
   * components use `Ignore`: the real ones write protobuf, which cannot carry unknown fields, so
   * server-side field validation never has anything to report for them (and kubeplay then never
   * loads the OpenAPI schemas for them).
   */
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
  /**
   * Hand back the server's own (frozen, shared) objects instead of copies: for components that
   * only read what a request returns, as informers only read what a watch delivers.
   */
  sharedResults?: boolean;
  /**
   * Request bodies are handed over to the server, which may keep and change them: for callers
   * that build each body for one request and never touch it again.
   */
  handOverBodies?: boolean;
  /** Send every request as this user (Impersonate-User/-Group), to run under its RBAC rules. */
  impersonate?: { user: string; groups?: string[] };
}

/** metav1.ListOptions a list sends. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
}

/** metav1.ListOptions a watch sends. */
export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Events after this version; none (or "0") starts with the current objects as ADDED. */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  /** The server ends the watch after this long (on the cluster clock). */
  timeoutSeconds?: number;
  sendInitialEvents?: boolean;
}

/** What every write may send: CreateOptions, UpdateOptions and PatchOptions in common. */
export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
}

/** PatchOptions, and the subresource a patch goes to. */
export interface PatchOptions extends WriteOptions {
  /** Server-side apply only: take fields other managers own. */
  force?: boolean;
  subresource?: string;
}

/** metav1.DeleteOptions. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

/** The patch types of types.PatchType, by their short names. */
export type PatchType = 'merge' | 'strategic' | 'json' | 'apply';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

/** A list as the API returns it. */
export interface ObjectList<T extends KubeObject = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** The API path of a resource, its collection in `namespace`, or one object and its subresource. */
export function resourcePath(ref: ResourceRef, namespace?: string, name?: string, subresource?: string): string {
  let path = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  if (ref.namespaced && namespace) path += `/namespaces/${encodeURIComponent(namespace)}`;
  path += `/${ref.resource}`;
  if (name !== undefined) path += `/${encodeURIComponent(name)}`;
  if (subresource) path += `/${subresource}`;
  return path;
}

function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A failure that came without a Status body (rest.Result's newUnstructuredResponseError). */
function unstructuredError(code: number, body: string): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the server responded with the status code ${code} but did not return more information`,
    details: body ? { causes: [{ reason: 'UnexpectedServerResponse', message: body }] } : {},
    code,
  });
}

/**
 * A REST client for the cluster's components, as client-go's typed clients are: every call is an
 * HTTP-shaped request to the API handler with the component's User-Agent, and every failure is
 * thrown as the server's Status (StatusError).
 */
export class RestClient {
  constructor(
    readonly api: ApiHandler,
    readonly options: ClientOptions = {},
  ) {}

  /** The same client with some options changed. */
  withOptions(options: Partial<ClientOptions>): RestClient {
    return new RestClient(this.api, { ...this.options, ...options });
  }

  /** A client for `ref`, within `namespace` (all namespaces, or a cluster-scoped resource, without). */
  resource<T extends KubeObject = KubeObject>(ref: ResourceRef, namespace?: string): ResourceClient<T> {
    return new ResourceClient<T>(this, ref, namespace);
  }

  /** Request headers by content type: the same for every request a client sends, and only read. */
  private readonly headerSets = new Map<string | undefined, Readonly<Record<string, string>>>();

  private headers(contentType?: string): Record<string, string> {
    let headers = this.headerSets.get(contentType);
    if (!headers) this.headerSets.set(contentType, (headers = Object.freeze(this.buildHeaders(contentType))));
    return headers;
  }

  private buildHeaders(contentType?: string): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    const impersonate = this.options.impersonate;
    if (impersonate) {
      headers['impersonate-user'] = impersonate.user;
      if (impersonate.groups?.length) headers['impersonate-group'] = impersonate.groups.join(',');
    }
    return headers;
  }

  /** Sends one request and decodes its JSON reply; a failure throws StatusError. */
  async request<R = unknown>(method: string, path: string, body?: unknown, contentType?: string): Promise<R> {
    const type = body === undefined ? undefined : (contentType ?? 'application/json');
    const request: ApiRequest = { method, path, headers: this.headers(type) };
    // JSON bodies go as values (the server copies them unless handed over); YAML (apply) as text.
    if (body !== undefined) {
      if (type?.endsWith('json')) request.value = body;
      else request.body = JSON.stringify(body);
    }
    if (this.options.handOverBodies) request.valueHandedOver = true;
    const response = await this.api(request);
    // The server's value is shared and frozen; callers get their own copy, as if decoded.
    if (response.value !== undefined && response.status < 400) {
      return (this.options.sharedResults ? response.value : clone(response.value)) as R;
    }
    const text = response.body;
    let decoded: unknown;
    try {
      decoded = text ? JSON.parse(text) : undefined;
    } catch {
      if (response.status >= 400) throw unstructuredError(response.status, text);
      throw unstructuredError(500, text);
    }
    if (response.status >= 400) {
      const status = decoded as Status | undefined;
      if (status?.kind === 'Status') throw new StatusError({ ...status, code: status.code || response.status });
      throw unstructuredError(response.status, text);
    }
    return decoded as R;
  }

  /** Opens a watch at `path`; a refused watch throws StatusError. */
  async watch<T extends KubeObject>(path: string): Promise<WatchStream<T>> {
    const response = await this.api({ method: 'GET', path, headers: this.headers() });
    if (response.status >= 400 || !response.stream) {
      response.stream?.close();
      let status: Status | undefined;
      try {
        status = JSON.parse(response.body) as Status;
      } catch {
        status = undefined;
      }
      if (status?.kind === 'Status') throw new StatusError(status);
      throw unstructuredError(response.status, response.body);
    }
    return decodeWatch<T>(response.stream);
  }

  /** The write query of a call: its own options over the client's default field validation. */
  writeQuery(options: WriteOptions = {}, extra: Record<string, string | boolean | undefined> = {}): string {
    return queryString({
      dryRun: options.dryRun ? 'All' : undefined,
      fieldManager: options.fieldManager,
      fieldValidation: options.fieldValidation ?? this.options.fieldValidation,
      ...extra,
    });
  }
}

/** The verbs on one resource, within one namespace or across all (a typed client's interface). */
export class ResourceClient<T extends KubeObject = KubeObject> {
  constructor(
    private readonly client: RestClient,
    readonly ref: ResourceRef,
    readonly namespace?: string,
  ) {}

  private path(name?: string, subresource?: string): string {
    return resourcePath(this.ref, this.namespace, name, subresource);
  }

  /** GET one object (or its subresource). */
  get(name: string, options: { subresource?: string } = {}): Promise<T> {
    return this.client.request<T>('GET', this.path(name, options.subresource));
  }

  /** LIST, with label and field selectors and paging. */
  list(options: ListOptions = {}): Promise<ObjectList<T>> {
    const query = queryString({
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      limit: options.limit,
      continue: options.continue,
      resourceVersion: options.resourceVersion,
      resourceVersionMatch: options.resourceVersionMatch,
    });
    return this.client.request<ObjectList<T>>('GET', this.path() + query);
  }

  /** WATCH from a resourceVersion; the stream yields decoded events. */
  watch(options: WatchOptions = {}): Promise<WatchStream<T>> {
    const query = queryString({
      watch: 'true',
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      resourceVersion: options.resourceVersion,
      allowWatchBookmarks: options.allowWatchBookmarks,
      timeoutSeconds: options.timeoutSeconds,
      sendInitialEvents: options.sendInitialEvents,
    });
    return this.client.watch<T>(this.path() + query);
  }

  /** POST a new object (its namespace is this client's). */
  create(object: T, options: WriteOptions = {}): Promise<T> {
    return this.client.request<T>('POST', this.path() + this.client.writeQuery(options), object);
  }

  /** POST to a subresource of `name` (binding, eviction, token); the reply as the server sends it. */
  createSubresource<R = unknown>(
    name: string,
    subresource: string,
    body: unknown,
    options: WriteOptions = {},
  ): Promise<R> {
    return this.client.request<R>('POST', this.path(name, subresource) + this.client.writeQuery(options), body);
  }

  /** PUT the whole object; its metadata.resourceVersion makes it conditional. */
  update(object: T, options: WriteOptions = {}): Promise<T> {
    const name = object.metadata?.name ?? '';
    return this.client.request<T>('PUT', this.path(name) + this.client.writeQuery(options), object);
  }

  /** PUT the object's status through the status subresource. */
  updateStatus(object: T, options: WriteOptions = {}): Promise<T> {
    const name = object.metadata?.name ?? '';
    return this.client.request<T>('PUT', this.path(name, 'status') + this.client.writeQuery(options), object);
  }

  /** PATCH `name` (or its subresource) with a merge, strategic merge, JSON or apply patch. */
  patch(name: string, type: PatchType, patch: unknown, options: PatchOptions = {}): Promise<T> {
    const path = this.path(name, options.subresource) + this.client.writeQuery(options, { force: options.force });
    return this.client.request<T>('PATCH', path, patch, PATCH_CONTENT_TYPES[type]);
  }

  /** DELETE `name` with DeleteOptions in the body, as client-go sends them. */
  delete(name: string, options: DeleteOptions = {}): Promise<T> {
    // client-go sends dryRun in the body; kubeplay's server reads it from the query.
    const query = queryString({ dryRun: options.dryRun ? 'All' : undefined });
    return this.client.request<T>('DELETE', this.path(name) + query, deleteBody(options));
  }

  /** DELETE the collection (deletecollection) that `listOptions` selects. */
  deleteCollection(options: DeleteOptions = {}, listOptions: ListOptions = {}): Promise<ObjectList<T>> {
    const query = queryString({ labelSelector: listOptions.labelSelector, fieldSelector: listOptions.fieldSelector });
    return this.client.request<ObjectList<T>>('DELETE', this.path() + query, deleteBody(options));
  }
}

function deleteBody(options: DeleteOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  if (options.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = options.gracePeriodSeconds;
  if (options.preconditions) body.preconditions = options.preconditions;
  if (options.propagationPolicy) body.propagationPolicy = options.propagationPolicy;
  if (options.dryRun) body.dryRun = ['All'];
  return body;
}

/** True when `error` is a StatusError with HTTP code `code`. */
export function hasStatusCode(error: unknown, code: number): boolean {
  return error instanceof StatusError && error.status.code === code;
}

/** apierrors.HasStatusCause: the Status carries a cause of `type` (e.g. NamespaceTerminating). */
export function hasStatusCause(error: unknown, type: string): boolean {
  return error instanceof StatusError && (error.status.details?.causes ?? []).some((c) => c.reason === type);
}
