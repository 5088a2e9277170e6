// Emptying and finalizing a terminating namespace
// (pkg/controller/namespace/deletion/namespaced_resources_deleter.go).
import type { KubeObject } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCode, resourcePath, type RestClient } from '../client/rest-client';
import { NAMESPACES, PODS } from '../client/resources';
import { parseTime } from '../util/time';
import {
  discover,
  GroupDiscoveryFailedError,
  parseGroupVersion,
  supportsAllVerbs,
  type DiscoveredResource,
} from './garbage-collector-discovery';
import { AggregateError } from './controller-ref';
import { NamespaceConditionUpdater, type NamespaceCondition, type RemainingContent } from './namespace-conditions';
import type { Pod } from './pods';

/** core/v1 Namespace, the fields the controller reads and writes. */
export interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] };
  status?: { phase?: string; conditions?: NamespaceCondition[] };
}

/** The spec finalizer the namespace controller owns (v1.FinalizerKubernetes). */
export const FINALIZER_KUBERNETES = 'kubernetes';
/** How long to wait for content whose finalizers remain (finalizerEstimateSeconds). */
export const FINALIZER_ESTIMATE_SECONDS = 15;

/** ResourcesRemainingError: content is still going; check again after about `estimate` seconds. */
export class ResourcesRemainingError extends Error {
  constructor(readonly estimate: number) {
    super(`some content remains in the namespace, estimate ${estimate} seconds before it is removed`);
    this.name = 'ResourcesRemainingError';
  }
}

const isNotFoundOrUnsupported = (error: unknown): boolean => hasStatusCode(error, 404) || hasStatusCode(error, 405);
const gvrText = (r: DiscoveredResource): string => `${r.group}/${r.version}, Resource=${r.resource}`;

/** One resource's outcome: its estimate, and what remains of it. */
interface ResourceResult {
  estimate: number;
  remaining: number;
  byFinalizer: Map<string, number>;
  error?: Error;
}

/**
 * The namespaced resources deleter: for a namespace being deleted, deletes everything in it
 * (deletecollection per namespaced resource discovery lists, or each item), reports progress in
 * the namespace's conditions, and once nothing remains removes its finalizer token from
 * spec.finalizers through the finalize subresource.
 */
export class NamespacedResourcesDeleter {
  /** Operations a resource answered with 404 or 405 (the opCache). */
  private readonly unsupported = new Set<string>();

  constructor(
    private readonly client: RestClient,
    private readonly clock: Clock,
    private readonly finalizerToken = FINALIZER_KUBERNETES,
  ) {}

  /** Delete: one pass over `name`; throws ResourcesRemainingError to be called again later. */
  async delete(name: string): Promise<void> {
    const namespaces = this.client.resource<Namespace>(NAMESPACES);
    let namespace: Namespace;
    try {
      namespace = await namespaces.get(name);
    } catch (error) {
      if (hasStatusCode(error, 404)) return;
      throw error;
    }
    if (!namespace.metadata?.deletionTimestamp) return;
    try {
      namespace = await this.retryOnConflict(namespace, (ns) => this.markTerminating(ns));
    } catch (error) {
      if (hasStatusCode(error, 404)) return;
      throw error;
    }
    if (!namespace.metadata?.deletionTimestamp) return;
    if (!(namespace.spec?.finalizers ?? []).includes(this.finalizerToken)) return;
    const estimate = await this.deleteAllContent(namespace);
    if (estimate > 0) throw new ResourcesRemainingError(estimate);
    try {
      await this.retryOnConflict(namespace, (ns) => this.finalize(ns));
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
  }

  /** updateNamespaceStatusFunc: phase Terminating, if it is not already. */
  private async markTerminating(namespace: Namespace): Promise<Namespace> {
    if (!namespace.metadata?.deletionTimestamp || namespace.status?.phase === 'Terminating') return namespace;
    const next = { ...namespace, status: { ...namespace.status, phase: 'Terminating' } };
    return this.client.resource<Namespace>(NAMESPACES).updateStatus(next);
  }

  /** finalizeNamespace: spec.finalizers without the token (sorted, as a set), through /finalize. */
  private async finalize(namespace: Namespace): Promise<Namespace> {
    const finalizers = [...new Set(namespace.spec?.finalizers ?? [])].filter((f) => f !== this.finalizerToken).sort();
    const body: Namespace = { metadata: namespace.metadata, spec: { ...namespace.spec, finalizers } };
    const path = resourcePath(NAMESPACES, undefined, namespace.metadata?.name ?? '', 'finalize');
    return this.client.request<Namespace>('PUT', path + this.client.writeQuery(), body);
  }

  /** retryOnConflictError: `fn` again on a fresh read after each conflict, while the UID stays. */
  private async retryOnConflict(namespace: Namespace, fn: (ns: Namespace) => Promise<Namespace>): Promise<Namespace> {
    let latest = namespace;
    for (;;) {
      try {
        return await fn(latest);
      } catch (error) {
        if (!hasStatusCode(error, 409)) throw error;
      }
      const previous = latest;
      latest = await this.client.resource<Namespace>(NAMESPACES).get(latest.metadata?.name ?? '');
      if (previous.metadata?.uid !== latest.metadata?.uid) throw new Error('namespace uid has changed across retries');
    }
  }

  /**
   * deleteAllContent: deletes every namespaced resource's content, records what failed and what
   * remains in the conditions, and resolves the longest estimate; throws what failed.
   */
  private async deleteAllContent(namespace: Namespace): Promise<number> {
    const name = namespace.metadata?.name ?? '';
    const deletedAt = parseTime(namespace.metadata?.deletionTimestamp) ?? this.clock.now();
    const errors: Error[] = [];
    const conditions = new NamespaceConditionUpdater(this.clock.now());
    let resources: DiscoveredResource[] = [];
    try {
      const found = await discover(this.client);
      resources = found.preferred.filter((r) => r.namespaced);
      if (found.failed.size > 0) {
        const error = new GroupDiscoveryFailedError(found.failed);
        errors.push(error);
        conditions.discoveryFailed(error, found.failed.size);
      }
    } catch (error) {
      errors.push(error as Error);
      conditions.discoveryFailed(error as Error);
    }
    const deletable = resources.filter((r) => supportsAllVerbs(r, ['delete']));
    const unparsable = deletable.filter((r) => !parseGroupVersion(r.group ? `${r.group}/${r.version}` : r.version));
    if (unparsable.length > 0) {
      const error = new Error(`couldn't parse GroupVersion of ${unparsable.map(gvrText).join(', ')}`);
      errors.push(error);
      conditions.groupVersionFailed(error);
    }
    let estimate = 0;
    const remaining: RemainingContent = { byResource: new Map(), byFinalizer: new Map() };
    for (const resource of deletable) {
      const result = await this.deleteAllContentFor(resource, name, deletedAt);
      if (result.error) {
        errors.push(result.error);
        conditions.deleteContentFailed(result.error);
      }
      estimate = Math.max(estimate, result.estimate);
      if (result.remaining > 0) {
        remaining.byResource.set(`${resource.resource}.${resource.group}`, result.remaining);
        for (const [finalizer, n] of result.byFinalizer) {
          remaining.byFinalizer.set(finalizer, (remaining.byFinalizer.get(finalizer) ?? 0) + n);
        }
      }
    }
    conditions.contentTotals(remaining);
    const { conditions: next, changed } = conditions.update(namespace.status?.conditions);
    if (changed) {
      try {
        await this.client.resource<Namespace>(NAMESPACES).updateStatus({
          ...namespace,
          status: { ...namespace.status, conditions: next },
        });
      } catch {
        // Upstream only logs a failed condition write; the next pass writes them again.
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
    return estimate;
  }

  /** deleteAllContentForGroupVersionResource. */
  private async deleteAllContentFor(
    resource: DiscoveredResource,
    namespace: string,
    deletedAt: number,
  ): Promise<ResourceResult> {
    const none = { remaining: 0, byFinalizer: new Map<string, number>() };
    let estimate: number;
    try {
      estimate = await this.estimateGracefulTermination(resource, namespace, deletedAt);
    } catch (error) {
      return { estimate: 0, ...none, error: error as Error };
    }
    const client = this.client.resource(resource, namespace);
    try {
      if (!(await this.deleteCollection(resource, namespace))) await this.deleteEachItem(resource, namespace);
    } catch (error) {
      return { estimate, ...none, error: error as Error };
    }
    let items: KubeObject[];
    try {
      if (!this.supports(resource, 'list')) return { estimate, ...none };
      items = (await client.list()).items;
    } catch (error) {
      if (!isNotFoundOrUnsupported(error)) return { estimate, ...none, error: error as Error };
      this.unsupported.add(`list ${gvrText(resource)}`);
      return { estimate, ...none };
    }
    if (items.length === 0) return { estimate: 0, ...none };
    const byFinalizer = new Map<string, number>();
    for (const item of items) {
      for (const finalizer of item.metadata?.finalizers ?? [])
        byFinalizer.set(finalizer, (byFinalizer.get(finalizer) ?? 0) + 1);
    }
    const remaining = items.length;
    if (estimate !== 0) return { estimate, remaining, byFinalizer };
    // Finalizers are a normal wait: give whoever owns them time.
    if (byFinalizer.size > 0) return { estimate: FINALIZER_ESTIMATE_SECONDS, remaining, byFinalizer };
    return {
      estimate,
      remaining,
      byFinalizer,
      error: new Error(`unexpected items still remain in namespace: ${namespace} for gvr: ${gvrText(resource)}`),
    };
  }

  /** estimateGracefulTermination: for pods, the longest grace period not yet over since the deletion. */
  private async estimateGracefulTermination(
    resource: DiscoveredResource,
    namespace: string,
    deletedAt: number,
  ): Promise<number> {
    if (resource.group !== '' || resource.resource !== 'pods') return 0;
    let estimate = 0;
    for (const pod of (await this.client.resource<Pod>(PODS, namespace).list()).items) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const grace = (pod.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds;
      if (grace !== undefined && grace > estimate) estimate = grace;
    }
    return this.clock.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
  }

  /** deleteCollection: false when the resource has no deletecollection (then items go one by one). */
  private async deleteCollection(resource: DiscoveredResource, namespace: string): Promise<boolean> {
    if (!this.supports(resource, 'deletecollection')) return false;
    try {
      // Background: the collector must not add orphan finalizers to what the namespace takes down.
      await this.client.resource(resource, namespace).deleteCollection({ propagationPolicy: 'Background' });
      return true;
    } catch (error) {
      if (!isNotFoundOrUnsupported(error)) throw error;
      this.unsupported.add(`deletecollection ${gvrText(resource)}`);
      return false;
    }
  }

  /** deleteEachItem: a list, then a Background delete of each item. */
  private async deleteEachItem(resource: DiscoveredResource, namespace: string): Promise<void> {
    if (!this.supports(resource, 'list')) return;
    const client = this.client.resource(resource, namespace);
    let items: KubeObject[];
    try {
      items = (await client.list()).items;
    } catch (error) {
      if (isNotFoundOrUnsupported(error)) return;
      throw error;
    }
    for (const item of items) {
      try {
        await client.delete(item.metadata?.name ?? '', { propagationPolicy: 'Background' });
      } catch (error) {
        if (!isNotFoundOrUnsupported(error)) throw error;
      }
    }
  }

  private supports(resource: DiscoveredResource, verb: 'list' | 'deletecollection'): boolean {
    return resource.verbs.includes(verb) && !this.unsupported.has(`${verb} ${gvrText(resource)}`);
  }
}
