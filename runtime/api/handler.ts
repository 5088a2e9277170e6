import { contentType } from './body';
import { loadYamlParser } from './yaml-parser';
import type { Clock } from '../clock';
import type { Rng } from '../rng';
import type { Store } from '../storage/store';
import { metricsResources } from '../metrics/metrics-api';
import type { MetricsProvider } from '../metrics/types';
import { authorizeRequest } from './authorization';
import { crdSupport, crdSupportLoaded, loadCrdSupport } from './crd-support';
import { serveAggregated } from './handler-aggregated';
import { checkAccept, reply, withWarnings, type ServerContext, type VerbHandler } from './handler-context';
import { serveList, serveWatch } from './handler-list-watch';
import { serveSubresource } from './handler-subresources';
import { create, deleteCollection, deleteObject, patch, update } from './handler-writes';
import { EMPTY_NETWORK, type ClusterNetwork } from './node-connection';
import { serveNonResource } from './non-resource';
import { ObjectStore } from './object-store';
import { ResourceRegistry } from './registry';
import { requestInfo, type RequestInfo } from './request-info';
import type { ResourceType, Verb } from './resource';
import { customresourcedefinitions } from './resources/customresourcedefinitions';
import { respond } from './respond';
import { internalError, methodNotSupported, pathNotFound, StatusError } from './status';
import { errorTarget } from './store-errors';
import type { ApiHandler, ApiRequest, ApiResponse } from './types';
import { MINIKUBE_USER, requestUser } from './user';

/** What the API server is built from. */
export interface ApiServerDeps {
  store: Store;
  clock: Clock;
  rng: Rng;
  registry?: ResourceRegistry;
  /** How logs, exec, attach and proxies reach kubelets and pods (nothing answers by default). */
  network?: ClusterNetwork;
  /**
   * metrics.k8s.io's server (the metrics-server addon): served, and in discovery, only while it
   * is available. Without it the group is never served.
   */
  metrics?: MetricsProvider;
}

/** Subresources that connect to a kubelet or a pod rather than serve an object. */
const CONNECT_SUBRESOURCES = new Set(['log', 'exec', 'attach', 'proxy']);

/** The verbs on a resource (not a subresource), each served by its handler. */
const VERBS = new Map<string, VerbHandler>([
  [
    'get',
    (ctx, request, info, type, namespace) =>
      reply(ctx, request, type, 200, ctx.objects.get(type, namespace, info.name as string)),
  ],
  ['list', serveList],
  ['watch', serveWatch],
  ['create', create],
  ['update', update],
  ['patch', patch],
  ['delete', deleteObject],
  ['deletecollection', deleteCollection],
]);

/**
 * The kube-apiserver as one function: discovery, CRUD, list and watch with selectors and paging,
 * patches, the status, scale and binding subresources, Tables, and Status errors with the real
 * texts. It never throws: every failure comes back as a Status.
 *
 * This file routes a request; list and watch are served in handler-list-watch.ts, the writes in
 * handler-writes.ts, subresources in handler-subresources.ts.
 */
export function createApiHandler(deps: ApiServerDeps): ApiHandler {
  const objects = new ObjectStore(deps.store, deps.clock, deps.rng);
  const metrics = deps.metrics;
  const metricsTypes = metrics ? metricsResources(metrics, objects, deps.clock) : [];
  const server = new ApiServer(
    {
      registry: deps.registry ?? new ResourceRegistry(),
      objects,
      clock: deps.clock,
      rng: deps.rng,
      network: deps.network ?? EMPTY_NETWORK,
    },
    () => (metrics?.available() ? metricsTypes : []),
  );
  return async (request) => {
    try {
      if (request.body !== undefined && contentType(request).includes('yaml')) await loadYamlParser();
      return await server.handle(request);
    } catch (error) {
      if (error instanceof StatusError) return respond(request, error.status.code, error.status);
      const detail = error instanceof Error ? error.message : String(error);
      return respond(request, 500, internalError(detail).status);
    }
  };
}

/** The group of CustomResourceDefinitions, whose code is loaded on demand. */
const CRD_GROUP = 'apiextensions.k8s.io';
/** The verbs that run a resource's defaulting and validation. */
const WRITE_VERBS = new Set(['create', 'update', 'patch']);

class ApiServer {
  private customResourcesRevision = -1;
  /** Whether a CustomResourceDefinition changed since the served custom resources were worked out. */
  private customResourcesChanged = true;

  constructor(
    private readonly ctx: ServerContext,
    /** The resources of the aggregated APIs available now. */
    private readonly aggregated: () => readonly ResourceType[] = () => [],
  ) {
    // The store tells of every CRD write before the write's reply goes out.
    ctx.objects.watch(customresourcedefinitions, {}, ctx.objects.revision(), () => {
      this.customResourcesChanged = true;
    });
  }

  async handle(request: ApiRequest): Promise<ApiResponse> {
    // Awaited only while the CRD code loads: an await on every request would reorder concurrent ones.
    const loading = this.refreshCustomResources();
    if (loading) await loading;
    this.ctx.registry.setAggregatedResources(this.aggregated());
    const { registry, objects } = this.ctx;
    const info = requestInfo(request.method, request.path);
    if (info.group === CRD_GROUP && WRITE_VERBS.has(info.verb) && !crdSupportLoaded()) await loadCrdSupport();
    // minikube-user is in system:masters; only an impersonated user can be refused.
    const user = requestUser(request);
    if (user !== MINIKUBE_USER) authorizeRequest(objects, user, info, request.method);
    if (!info.isResourceRequest) return serveNonResource(registry, request, info);
    const type = registry.lookup(info.group, info.version, info.resource ?? '');
    if (!type) throw pathNotFound();
    if (info.resource === 'namespaces' && info.name === undefined) delete info.namespace;
    if (!type.namespaced && info.namespace && info.resource !== 'namespaces') throw pathNotFound();
    if (type.deprecation) return this.serveDeprecated(request, info, type, type.deprecation);
    return this.serveResource(request, info, type);
  }

  /** A deprecated resource answers as usual, failures included, with its deprecation warning. */
  private async serveDeprecated(
    request: ApiRequest,
    info: RequestInfo,
    type: ResourceType,
    warning: string,
  ): Promise<ApiResponse> {
    try {
      return withWarnings(await this.serveResource(request, info, type), [warning]);
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      return withWarnings(respond(request, error.status.code, error.status), [warning]);
    }
  }

  private async serveResource(request: ApiRequest, info: RequestInfo, type: ResourceType): Promise<ApiResponse> {
    // Refuse what cannot be answered before doing anything: a write must not happen unanswered.
    // Logs, streams and proxies answer in their backend's own types.
    if (!CONNECT_SUBRESOURCES.has(info.subresource ?? '')) checkAccept(request);
    if (type.aggregated)
      return serveAggregated(this.ctx, request, info, type, type.namespaced ? info.namespace : undefined);
    if (info.subresource) return serveSubresource(this.ctx, request, info, type);
    if (!type.verbs.includes(info.verb as Verb)) throw methodNotSupported(errorTarget(type), info.verb);
    const serve = VERBS.get(info.verb);
    if (!serve) throw methodNotSupported(errorTarget(type), info.verb);
    return serve(this.ctx, request, info, type, type.namespaced ? info.namespace : undefined);
  }

  /**
   * Serves what the stored CustomResourceDefinitions define, as of the latest CRD change. With
   * CRDs and the CRD code not loaded yet, it loads it and returns the promise to wait for (the
   * caller then comes back); otherwise it is done at once.
   */
  private refreshCustomResources(): Promise<void> | undefined {
    if (!this.customResourcesChanged) return undefined;
    const crds = this.ctx.objects.list(customresourcedefinitions, {}).items;
    if (crds.length && !crdSupportLoaded()) return loadCrdSupport().then(() => this.refreshCustomResources());
    this.customResourcesChanged = false;
    const revision = Math.max(0, ...crds.map((crd) => Number(crd.metadata?.resourceVersion ?? 0)));
    const key = revision * 1000 + crds.length;
    if (key === this.customResourcesRevision) return undefined;
    this.customResourcesRevision = key;
    this.ctx.registry.setCustomResources(crds.length ? crdSupport().customResourceTypes(crds) : []);
    return undefined;
  }
}
