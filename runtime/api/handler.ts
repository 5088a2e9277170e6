import type { Clock } from '../clock';
import type { Rng } from '../rng';
import type { Store } from '../storage/store';
import { admitLimitRanges } from './admission/limit-ranger';
import { admitResourceQuota } from './admission/resource-quota';
import { allocateServiceAddresses } from './admission/service-allocation';
import { contentType, decodeObject, decodeValue } from './body';
import { isObject, type KubeObject } from './object';
import { errorTarget, ObjectStore, type ListOptions, type WatchEvent } from './object-store';
import { componentSchemas, schemaName } from './openapi';
import { removeFields, unknownFields } from './openapi/field-validation';
import { ResourceRegistry } from './registry';
import { requestInfo, type RequestInfo } from './request-info';
import { groupVersion, type ResourceType, type Verb } from './resource';
import { customresourcedefinitions } from './resources/customresourcedefinitions';
import { namespaces } from './resources/namespaces';
import { customResourceSchema, customResourceTypes } from './custom-resources';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors';
import {
  badRequest,
  internalError,
  invalid,
  methodNotSupported,
  notAcceptable,
  notFound,
  pathNotFound,
  StatusError,
} from './status';
import { ChunkStream } from './stream';
import { tableJson, toTable, wantsTable } from './table-response';
import type { ApiHandler, ApiRequest, ApiResponse } from './types';
import { serveNonResource } from './non-resource';
import { patchFromRequest } from './patch-request';
import { includeObject, respond, respondJson, watchTimeout } from './respond';
import { bindPod, serveScale } from './subresources';
import { evictPod } from './eviction';
import { EMPTY_NETWORK, type ClusterNetwork } from './node-connection';
import { podLog, podStream } from './pod-connect';
import { proxy } from './proxy';
import { authorize, rulesFor } from './rbac';
import { authenticateToken, issueToken } from './service-account-token';
import { MINIKUBE_USER, requestUser } from './user';
import { authorizeRequest } from './authorization';

/** What the API server is built from. */
export interface ApiServerDeps {
  store: Store;
  clock: Clock;
  rng: Rng;
  registry?: ResourceRegistry;
  /** How logs, exec, attach and proxies reach kubelets and pods (nothing answers by default). */
  network?: ClusterNetwork;
}

/** Subresources that connect to a kubelet or a pod rather than serve an object. */
const CONNECT_SUBRESOURCES = new Set(['log', 'exec', 'attach', 'proxy']);

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

/**
 * The kube-apiserver as one function: discovery, CRUD, list and watch with selectors and paging,
 * patches, the status, scale and binding subresources, Tables, and Status errors with the real
 * texts. It never throws: every failure comes back as a Status.
 */
export function createApiHandler(deps: ApiServerDeps): ApiHandler {
  const registry = deps.registry ?? new ResourceRegistry();
  const objects = new ObjectStore(deps.store, deps.clock, deps.rng);
  const server = new ApiServer(registry, objects, deps.clock, deps.rng, deps.network ?? EMPTY_NETWORK);
  return async (request) => {
    try {
      return await server.handle(request);
    } catch (error) {
      if (error instanceof StatusError) return respond(request, error.status.code, error.status);
      const detail = error instanceof Error ? error.message : String(error);
      return respond(request, 500, internalError(detail).status);
    }
  };
}

class ApiServer {
  constructor(
    private readonly registry: ResourceRegistry,
    private readonly objects: ObjectStore,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly network: ClusterNetwork,
  ) {}

  async handle(request: ApiRequest): Promise<ApiResponse> {
    this.refreshCustomResources();
    const info = requestInfo(request.method, request.path);
    // minikube-user is in system:masters; only an impersonated user can be refused.
    const user = requestUser(request);
    if (user !== MINIKUBE_USER) authorizeRequest(this.objects, user, info, request.method);
    if (!info.isResourceRequest) return serveNonResource(this.registry, request, info);
    const type = this.registry.lookup(info.group, info.version, info.resource ?? '');
    if (!type) throw pathNotFound();
    if (info.resource === 'namespaces' && info.name === undefined) delete info.namespace;
    if (!type.namespaced && info.namespace && info.resource !== 'namespaces') throw pathNotFound();
    // Refuse what cannot be answered before doing anything: a write must not happen unanswered.
    // Logs, streams and proxies answer in their backend's own types.
    if (!CONNECT_SUBRESOURCES.has(info.subresource ?? '')) this.checkAccept(request);
    if (info.subresource) return this.subresource(request, info, type);
    if (!type.verbs.includes(info.verb as Verb)) throw methodNotSupported(errorTarget(type), info.verb);
    const namespace = type.namespaced ? info.namespace : undefined;
    switch (info.verb) {
      case 'get':
        return this.reply(request, type, 200, this.objects.get(type, namespace, info.name as string));
      case 'list':
        return this.list(request, info, type, namespace);
      case 'watch':
        return this.watch(request, info, type, namespace);
      case 'create':
        return this.create(request, info, type, namespace);
      case 'update':
        return this.update(request, info, type, namespace);
      case 'patch':
        return this.patch(request, info, type, namespace);
      case 'delete':
        return this.delete(request, info, type, namespace);
      case 'deletecollection':
        return this.deleteCollection(request, info, type, namespace);
      default:
        throw methodNotSupported(errorTarget(type), info.verb);
    }
  }

  private customResourcesRevision = -1;

  /** Serves what the stored CustomResourceDefinitions define, as of the latest CRD change. */
  private refreshCustomResources(): void {
    const crds = this.objects.list(customresourcedefinitions, {}).items;
    const revision = Math.max(0, ...crds.map((crd) => Number(crd.metadata?.resourceVersion ?? 0)));
    const key = revision * 1000 + crds.length;
    if (key === this.customResourcesRevision) return;
    this.customResourcesRevision = key;
    this.registry.setCustomResources(customResourceTypes(crds));
  }

  /** A single object, as JSON or as a one-row Table, with any warnings in a Warning header. */
  private reply(
    request: ApiRequest,
    type: ResourceType,
    code: number,
    object: KubeObject,
    warnings: string[] = [],
  ): ApiResponse {
    this.checkAccept(request);
    let response: ApiResponse;
    if (!wantsTable(request.headers?.accept)) response = respond(request, code, object);
    else {
      const include = includeObject(requestInfo(request.method, request.path).query);
      response = respond(request, code, toTable(type, [object], { now: this.clock.now() }, { include }));
    }
    if (warnings.length > 0) {
      response.headers.warning = warnings.map((w) => `299 - "${w.replace(/["\\]/g, '\\$&')}"`).join(', ');
    }
    return response;
  }

  /**
   * Server-side field validation: fields the kind's schema does not know are dropped, as the
   * decoder drops them; `fieldValidation=Strict` refuses them instead, and `Warn` (the default)
   * names each in a warning. The cluster's own components write with `Ignore`.
   */
  private async checkFields(type: ResourceType, object: KubeObject, info: RequestInfo): Promise<string[]> {
    const mode = info.query.get('fieldValidation') ?? 'Warn';
    // Ignore skips the check, and so the schemas (a large chunk the browser loads on demand);
    // unlike the real decoder, it then keeps unknown fields instead of dropping them.
    if (mode === 'Ignore') return [];
    const unknown = type.schema
      ? unknownFields({ custom: customResourceSchema(type.schema) }, 'custom', object)
      : unknownFields(await componentSchemas(), schemaName(type), object);
    if (unknown.length === 0) return [];
    const problems = unknown.map((field) => `unknown field "${field}"`);
    if (mode === 'Strict') {
      throw badRequest(
        `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${problems.join(', ')}`,
      );
    }
    removeFields(object, unknown);
    return mode === 'Warn' ? problems : [];
  }

  /** Admission on create: LimitRanger mutates pods first; then service addresses and quotas. */
  private createAdmission(type: ResourceType, namespace: string | undefined, dryRun: boolean) {
    return {
      mutate:
        type.plural === 'pods'
          ? (object: KubeObject) => admitLimitRanges(this.objects, namespace as string, object)
          : undefined,
      admit: async (object: KubeObject): Promise<void> => {
        if (type.plural === 'services') allocateServiceAddresses(this.objects, this.rng, object);
        if (type.namespaced) await admitResourceQuota(this.objects, type, namespace as string, object, dryRun);
      },
    };
  }

  private checkAccept(request: ApiRequest): void {
    const accept = request.headers?.accept;
    if (!accept) return;
    const ok = accept
      .split(',')
      .some((part) => /^\s*(\*\/\*|application\/\*|application\/json|application\/yaml)/.test(part));
    if (!ok) throw notAcceptable(accept);
  }

  private listOptions(info: RequestInfo, type: ResourceType, namespace: string | undefined): ListOptions {
    const options: ListOptions = { namespace };
    try {
      const label = info.query.get('labelSelector');
      if (label) options.labelSelector = parseLabelSelector(label);
      const field = info.query.get('fieldSelector');
      if (field) {
        const selector = parseFieldSelector(field);
        const allowed = this.objects.selectableFieldNames(type);
        for (const r of selector.requirements) {
          if (!allowed.has(r.field)) {
            throw badRequest(`field label not supported: ${r.field}`);
          }
        }
        options.fieldSelector = selector;
      }
    } catch (error) {
      if (error instanceof SelectorError) throw badRequest(error.message);
      throw error;
    }
    const limit = Number(info.query.get('limit') ?? 0);
    if (Number.isInteger(limit) && limit > 0) options.limit = limit;
    const token = info.query.get('continue');
    if (token) options.continueToken = token;
    return options;
  }

  private list(request: ApiRequest, info: RequestInfo, type: ResourceType, namespace: string | undefined): ApiResponse {
    this.checkAccept(request);
    const result = this.objects.list(type, this.listOptions(info, type, namespace));
    if (wantsTable(request.headers?.accept)) {
      const table = tableJson(
        type,
        result.items,
        { now: this.clock.now() },
        { ...result, include: includeObject(info.query) },
      );
      return respondJson(request, 200, table);
    }
    const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
    if (result.continueToken) metadata.continue = result.continueToken;
    if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
    return respond(request, 200, {
      kind: `${type.kind}List`,
      apiVersion: groupVersion(type),
      metadata,
      items: result.items,
    });
  }

  /**
   * A watch: a stream of `{"type","object"}` lines. From resourceVersion 0 (or none) it starts
   * with a synthetic ADDED per current object; from a list's resourceVersion, with what changed
   * since. timeoutSeconds ends it on the cluster clock.
   */
  private watch(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
    namespace: string | undefined,
  ): ApiResponse {
    const options = this.listOptions(info, type, namespace);
    const table = wantsTable(request.headers?.accept);
    const include = includeObject(info.query);
    const stream = new ChunkStream();
    let first = true;
    const send = (event: { type: string; object: unknown }): void => stream.push(`${JSON.stringify(event)}\n`);
    const emit = ({ type: eventType, object }: WatchEvent): void => {
      const body = table ? toTable(type, [object], { now: this.clock.now() }, { include, columns: first }) : object;
      first = false;
      send({ type: eventType, object: body });
    };
    const bookmarks = info.query.flag('allowWatchBookmarks');
    const bookmark = (annotations?: Record<string, string>): void =>
      send({
        type: 'BOOKMARK',
        object: {
          kind: type.kind,
          apiVersion: groupVersion(type),
          metadata: { resourceVersion: String(this.objects.revision()), ...(annotations ? { annotations } : {}) },
        },
      });
    const rv = info.query.get('resourceVersion');
    const initialEvents = info.query.flag('sendInitialEvents');
    let after: number;
    if (!rv || rv === '0' || initialEvents) {
      const { items } = this.objects.list(type, { ...options, limit: undefined, continueToken: undefined });
      after = this.objects.revision();
      for (const object of items) emit({ type: 'ADDED', object });
      // Streaming lists (sendInitialEvents) mark the end of the initial state with a bookmark.
      if (initialEvents && bookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
    } else {
      after = Number(rv);
      if (!Number.isInteger(after) || after < 0)
        throw badRequest(`Invalid value: "${rv}": resourceVersion must be an integer`);
    }
    try {
      const watch = this.objects.watch(type, options, after, emit);
      stream.whenClosed(() => watch.cancel());
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      send({ type: 'ERROR', object: error.status });
      stream.close();
    }
    if (bookmarks) {
      // Like the watch cache, a bookmark about once a minute tells the client how far it is.
      const tick = (): void => {
        bookmark();
        timer = this.clock.setTimer(60_000, tick);
      };
      let timer = this.clock.setTimer(60_000, tick);
      stream.whenClosed(() => timer.cancel());
    }
    const timeout = watchTimeout(info.query);
    if (timeout > 0) {
      const timer = this.clock.setTimer(timeout * 1000, () => stream.close());
      stream.whenClosed(() => timer.cancel());
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '', stream };
  }

  private writeOptions(info: RequestInfo, request?: ApiRequest): { dryRun: boolean; fieldManager?: string } {
    const dryRun = info.query.all('dryRun');
    if (dryRun.some((v) => v !== 'All'))
      throw badRequest(`dryRun: Unsupported value: "${dryRun.find((v) => v !== 'All')}": supported values: "All"`);
    const validation = info.query.get('fieldValidation');
    if (validation && !['Strict', 'Warn', 'Ignore'].includes(validation)) {
      throw badRequest(
        `fieldValidation: Unsupported value: "${validation}": supported values: "Ignore", "Strict", "Warn"`,
      );
    }
    // Without a fieldManager, the manager is the client's user agent up to its first slash.
    const agent = request?.headers?.['user-agent']?.split('/')[0];
    return { dryRun: dryRun.length > 0, fieldManager: info.query.get('fieldManager') || agent || undefined };
  }

  private checkBodyMeta(type: ResourceType, body: KubeObject, namespace: string | undefined): void {
    const expected = groupVersion(type);
    if (body.apiVersion !== undefined && body.apiVersion !== expected) {
      throw badRequest(
        `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${expected})`,
      );
    }
    if (body.kind !== undefined && body.kind !== type.kind) {
      throw badRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (${type.kind})`);
    }
    if (!isObject(body.metadata ?? {})) throw badRequest('metadata: must be an object');
    const ns = body.metadata?.namespace;
    if (type.namespaced && ns && namespace && ns !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
  }

  private async create(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
    namespace: string | undefined,
  ): Promise<ApiResponse> {
    if (info.name !== undefined) throw methodNotSupported(errorTarget(type), 'create');
    if (type.review) return this.review(request, type, namespace);
    const body = await decodeObject(request);
    this.checkBodyMeta(type, body, namespace);
    const options = this.writeOptions(info, request);
    if (type.namespaced) {
      if (!namespace) throw pathNotFound();
      this.objects.checkNamespace(
        namespaces,
        type,
        namespace,
        body.metadata?.name ?? body.metadata?.generateName ?? '',
      );
    }
    const warnings = await this.checkFields(type, body, info);
    const admission = this.createAdmission(type, namespace, options.dryRun);
    const created = await this.objects.create(type, namespace, body, { ...options, ...admission });
    return this.reply(request, type, 201, created, warnings);
  }

  /** A review: answered with its status, never stored. */
  private async review(request: ApiRequest, type: ResourceType, namespace: string | undefined): Promise<ApiResponse> {
    const body = await decodeObject(request);
    this.checkBodyMeta(type, body, namespace);
    const { kind: _kind, apiVersion: _apiVersion, ...rest } = body;
    const object: KubeObject = { kind: type.kind, apiVersion: groupVersion(type), ...rest };
    object.metadata = { ...(isObject(body.metadata) ? body.metadata : {}), ...(namespace ? { namespace } : {}) };
    const errors = type.validate?.(object, undefined) ?? [];
    if (errors.length > 0) throw invalid(type.kind, type.group, object.metadata.name ?? '', errors);
    const now = this.clock.now();
    const reviewed = (type.review as NonNullable<ResourceType['review']>)(object, {
      user: requestUser(request),
      namespace,
      authorize: (user, attributes) => authorize(this.objects, user, attributes),
      rules: (user, ns) => rulesFor(this.objects, user, ns),
      authenticate: (token) => authenticateToken(this.objects, token, now),
    });
    return respond(request, 201, reviewed);
  }

  private async update(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
    namespace: string | undefined,
  ): Promise<ApiResponse> {
    const body = await decodeObject(request);
    this.checkBodyMeta(type, body, namespace);
    const warnings = await this.checkFields(type, body, info);
    const updated = await this.objects.update(type, namespace, info.name as string, body, {
      ...this.writeOptions(info, request),
      admit: this.updateAdmission(type),
    });
    return this.reply(request, type, 200, updated, warnings);
  }

  /** What admission does on an update: services keep or allocate their addresses. */
  private updateAdmission(type: ResourceType): ((object: KubeObject, old: KubeObject) => Promise<void>) | undefined {
    if (type.plural !== 'services') return undefined;
    return async (object, old) => allocateServiceAddresses(this.objects, this.rng, object, old);
  }

  private async patch(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
    namespace: string | undefined,
  ): Promise<ApiResponse> {
    const name = info.name as string;
    const base = this.writeOptions(info, request);
    let options: typeof base & { apply?: { config: KubeObject; force: boolean } } = base;
    if (contentType(request) === 'application/apply-patch+yaml') {
      if (!info.query.get('fieldManager')) throw badRequest('fieldManager is required for apply requests');
      const config = decodeValue(request, 'application/yaml');
      if (!isObject(config)) throw badRequest('patch: must be an object');
      options = { ...base, apply: { config: config as KubeObject, force: info.query.flag('force') } };
    }
    let current: KubeObject;
    try {
      current = this.objects.get(type, namespace, name);
    } catch (error) {
      // Server-side apply creates what does not exist yet.
      if (
        !(error instanceof StatusError) ||
        error.status.code !== 404 ||
        contentType(request) !== 'application/apply-patch+yaml'
      ) {
        throw error;
      }
      const body = patchFromRequest(request, {});
      this.checkBodyMeta(type, body, namespace);
      const bodyName = body.metadata?.name;
      if (bodyName !== undefined && bodyName !== name) {
        throw badRequest(`the name of the object (${String(bodyName)}) does not match the name on the URL (${name})`);
      }
      if (type.namespaced && namespace) this.objects.checkNamespace(namespaces, type, namespace, name);
      body.metadata = { ...body.metadata, name };
      const warnings = await this.checkFields(type, body, info);
      const admission = this.createAdmission(type, namespace, options.dryRun);
      const created = await this.objects.create(type, namespace, body, { ...options, ...admission });
      return this.reply(request, type, 201, created, warnings);
    }
    const patched = patchFromRequest(request, current);
    this.checkBodyMeta(type, patched, namespace);
    const warnings = await this.checkFields(type, patched, info);
    // The patch applies to the version it was computed against: a concurrent change retries it.
    patched.metadata = { ...patched.metadata, resourceVersion: current.metadata?.resourceVersion };
    const updated = await this.objects.update(type, namespace, name, patched, {
      ...options,
      admit: this.updateAdmission(type),
    });
    return this.reply(request, type, 200, updated, warnings);
  }

  /** DeleteOptions from the body and the query (the query wins, as in the apiserver). */
  private deleteOptions(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
  ): {
    gracePeriodSeconds?: number;
    preconditionUid?: string;
    preconditionVersion?: string;
    propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  } {
    let body: Record<string, unknown> = {};
    if (request.body && (typeof request.body === 'string' ? request.body.trim() : request.body.length)) {
      const value = decodeValue(request);
      if (isObject(value)) body = value;
    }
    const query = info.query.get('gracePeriodSeconds');
    const grace = query !== undefined ? Number(query) : (body.gracePeriodSeconds as number | undefined);
    const preconditions = (body.preconditions ?? {}) as { uid?: string; resourceVersion?: string };
    let policy = info.query.get('propagationPolicy') ?? (body.propagationPolicy as string | undefined);
    const orphan = info.query.get('orphanDependents') ?? body.orphanDependents;
    if (policy !== undefined && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
      throw badRequest(
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`,
      );
    }
    if (policy === undefined && (orphan === true || orphan === 'true')) policy = 'Orphan';
    // batch/v1 Jobs keep their pods unless told otherwise (DefaultGarbageCollectionPolicy).
    if (policy === undefined && type.plural === 'jobs') policy = 'Orphan';
    return {
      gracePeriodSeconds: typeof grace === 'number' && Number.isFinite(grace) ? Math.max(0, grace) : undefined,
      preconditionUid: preconditions.uid,
      preconditionVersion: preconditions.resourceVersion,
      propagationPolicy: policy as 'Background' | 'Foreground' | 'Orphan' | undefined,
    };
  }

  private async delete(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
    namespace: string | undefined,
  ): Promise<ApiResponse> {
    const options = { ...this.writeOptions(info, request), ...this.deleteOptions(request, info, type) };
    const deleted = await this.objects.delete(type, namespace, info.name as string, options);
    return this.reply(request, type, 200, deleted);
  }

  private async deleteCollection(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
    namespace: string | undefined,
  ): Promise<ApiResponse> {
    const options = { ...this.writeOptions(info, request), ...this.deleteOptions(request, info, type) };
    const { items, resourceVersion } = this.objects.list(type, {
      ...this.listOptions(info, type, namespace),
      limit: undefined,
    });
    const deleted: KubeObject[] = [];
    for (const item of items) {
      try {
        deleted.push(await this.objects.delete(type, item.metadata?.namespace, item.metadata?.name ?? '', options));
      } catch (error) {
        if (!(error instanceof StatusError) || error.status.code !== 404) throw error;
      }
    }
    return respond(request, 200, {
      kind: `${type.kind}List`,
      apiVersion: groupVersion(type),
      metadata: { resourceVersion },
      items: deleted,
    });
  }

  private async subresource(request: ApiRequest, info: RequestInfo, type: ResourceType): Promise<ApiResponse> {
    const namespace = type.namespaced ? info.namespace : undefined;
    const name = info.name as string;
    const sub = type.subresources?.find((s) => s.name === info.subresource);
    if (!sub || info.name === undefined) throw pathNotFound();
    const verb = info.verb;
    if (!sub.verbs.includes(verb))
      throw methodNotSupported({ group: type.group, resource: `${type.plural}/${sub.name}` }, verb);
    const options = this.writeOptions(info, request);
    if (sub.name === 'status') {
      if (verb === 'get') return this.reply(request, type, 200, this.objects.get(type, namespace, name));
      const current = this.objects.get(type, namespace, name);
      const body = verb === 'patch' ? patchFromRequest(request, current) : await decodeObject(request);
      if (verb === 'patch') body.metadata = { ...body.metadata, resourceVersion: current.metadata?.resourceVersion };
      const updated = await this.objects.update(type, namespace, name, body, { ...options, subresource: 'status' });
      return this.reply(request, type, 200, updated);
    }
    if (sub.name === 'scale' && SCALABLE.has(type.plural))
      return serveScale(this.objects, request, type, namespace, name, verb, options);
    if (type.group === '' && (type.plural === 'pods' || type.plural === 'services' || type.plural === 'nodes')) {
      if (sub.name === 'proxy') return proxy(this.objects, this.network, request, info, (n) => this.rng.int(n));
      if (sub.name === 'log' && type.plural === 'pods')
        return podLog(this.objects, this.network, info.query, namespace as string, name);
      if ((sub.name === 'exec' || sub.name === 'attach') && type.plural === 'pods')
        return podStream(this.objects, this.network, request, info.query, sub.name, namespace as string, name);
    }
    if (sub.name === 'token' && type.plural === 'serviceaccounts') {
      const tokenRequest = await decodeObject(request);
      const issued = issueToken(this.objects, namespace as string, name, tokenRequest, this.clock.now(), this.rng);
      return respond(request, 201, issued);
    }
    if (sub.name === 'binding' && type.plural === 'pods')
      return bindPod(this.objects, request, type, namespace, name, options);
    if (sub.name === 'eviction' && type.plural === 'pods')
      return evictPod(this.objects, request, type, namespace, name, options, this.clock);
    if (sub.name === 'finalize' && type.plural === 'namespaces') {
      const finalized = await this.objects.finalizeNamespace(type, name, await decodeObject(request), options);
      return this.reply(request, type, 200, finalized);
    }
    throw notFound({ group: type.group, resource: `${type.plural}/${sub.name}` }, name);
  }
}
