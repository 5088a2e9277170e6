// The garbage collector's API calls: reads, patches, deletes and finalizer removal
// (pkg/controller/garbagecollector: operations.go, patch.go, garbagecollector.go's removeFinalizer).
import type { KubeObject, OwnerReference } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCode, type ResourceClient, type RestClient } from '../client/rest-client';
import type { RestMapper } from './garbage-collector-discovery';
import { identityText, type GraphNode, type ObjectIdentity } from './garbage-collector-graph';

/** A propagation policy of metav1.DeleteOptions. */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** A cluster-scoped object names a namespaced owner: retrying cannot help. */
export const NAMESPACED_OWNER_OF_CLUSTER_SCOPED_OBJECT = new Error(
  'cluster-scoped objects cannot refer to namespaced owners',
);

/** retry.DefaultBackoff: 4 tries, 10 ms growing fivefold (without its 10% jitter). */
const CONFLICT_RETRY_DELAYS_MS = [10, 50, 250];

/** The garbage collector's verbs on any resource, mapped through discovery. */
export class GarbageCollectorOperations {
  constructor(
    private readonly client: RestClient,
    private readonly mapper: () => RestMapper,
    private readonly clock: Clock,
  ) {}

  /** The client for an identity's resource in its namespace (none for a cluster-scoped kind). */
  resourceClient(id: ObjectIdentity): ResourceClient {
    const resource = this.mapper().resourceFor(id.apiVersion, id.kind);
    if (resource.namespaced && !id.namespace) throw NAMESPACED_OWNER_OF_CLUSTER_SCOPED_OBJECT;
    return this.client.resource(resource, resource.namespaced ? id.namespace : undefined);
  }

  /** getObject: a live read. */
  getObject(id: ObjectIdentity): Promise<KubeObject> {
    return this.resourceClient(id).get(id.name);
  }

  /**
   * deleteObject: a delete with the object's uid (and resourceVersion when known) as
   * preconditions. A conflict over a change that kept the owner references is retried without
   * the resourceVersion, so busy objects are still collected.
   */
  async deleteObject(
    id: ObjectIdentity,
    resourceVersion: string | undefined,
    owners: readonly OwnerReference[] | undefined,
    propagationPolicy: PropagationPolicy,
  ): Promise<void> {
    const resource = this.resourceClient(id);
    const preconditions = { uid: id.uid, ...(resourceVersion ? { resourceVersion } : {}) };
    try {
      await resource.delete(id.name, { preconditions, propagationPolicy });
    } catch (error) {
      if (!hasStatusCode(error, 409) || !resourceVersion) throw error;
      let live: KubeObject;
      try {
        live = await resource.get(id.name);
      } catch (liveError) {
        if (hasStatusCode(liveError, 404)) return;
        throw liveError;
      }
      const meta = live.metadata ?? {};
      const sameOwners = JSON.stringify(meta.ownerReferences ?? []) === JSON.stringify(owners ?? []);
      if (meta.uid !== id.uid || meta.resourceVersion === resourceVersion || !sameOwners) throw error;
      await resource.delete(id.name, { preconditions: { uid: id.uid }, propagationPolicy });
    }
  }

  /**
   * patch: a strategic merge patch, or — where the resource does not take one (415, custom
   * resources) — the JSON merge patch `mergePatch` builds from the live object.
   */
  async patch(item: GraphNode, strategic: unknown, mergePatch: (live: KubeObject) => unknown): Promise<KubeObject> {
    const resource = this.resourceClient(item.identity);
    try {
      return await resource.patch(item.identity.name, 'strategic', strategic);
    } catch (error) {
      if (!hasStatusCode(error, 415)) throw error;
    }
    const live = await resource.get(item.identity.name);
    return resource.patch(item.identity.name, 'merge', mergePatch(live));
  }

  /** Removes owner references by uid from a dependent (GenerateDeleteOwnerRefStrategicMergeBytes). */
  deleteOwnerRefs(item: GraphNode, ownerUids: readonly string[]): Promise<KubeObject> {
    const strategic = {
      metadata: { uid: item.identity.uid, ownerReferences: ownerUids.map((uid) => ({ $patch: 'delete', uid })) },
    };
    return this.patch(item, strategic, (live) => ({
      metadata: {
        resourceVersion: live.metadata?.resourceVersion,
        ownerReferences: (live.metadata?.ownerReferences ?? []).filter((ref) => !ownerUids.includes(ref.uid)),
      },
    }));
  }

  /** unblockOwnerReferences: every blocking reference of `item` set to blockOwnerDeletion=false. */
  unblockOwnerRefs(item: GraphNode): Promise<KubeObject> {
    const blocking = item.owners
      .filter((ref) => ref.blockOwnerDeletion === true)
      .map((ref) => ({ ...ref, blockOwnerDeletion: false }));
    const strategic = { metadata: { uid: item.identity.uid, ownerReferences: blocking } };
    return this.patch(item, strategic, (live) => ({
      metadata: {
        resourceVersion: live.metadata?.resourceVersion,
        ownerReferences: item.owners.map((ref) => ({ ...ref, blockOwnerDeletion: false })),
      },
    }));
  }

  /**
   * removeFinalizer: a merge patch of the owner's finalizers without `finalizer`, pinned to the
   * version read; conflicts retried (retry.DefaultBackoff). An owner already gone is done.
   */
  async removeFinalizer(owner: GraphNode, finalizer: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let live: KubeObject;
      try {
        live = await this.getObject(owner.identity);
      } catch (error) {
        if (hasStatusCode(error, 404)) return;
        throw new Error(
          `cannot finalize owner ${identityText(owner.identity)}, because cannot get it: ${(error as Error).message}. The garbage collector will retry later`,
          { cause: error },
        );
      }
      const finalizers = live.metadata?.finalizers ?? [];
      if (!finalizers.includes(finalizer)) return;
      const rest = finalizers.filter((f) => f !== finalizer);
      // objectForFinalizersPatch: an empty list is sent as null.
      const patch = {
        metadata: { resourceVersion: live.metadata?.resourceVersion, finalizers: rest.length ? rest : null },
      };
      try {
        await this.resourceClient(owner.identity).patch(owner.identity.name, 'merge', patch);
        return;
      } catch (error) {
        if (!hasStatusCode(error, 409)) throw error;
        if (attempt >= CONFLICT_RETRY_DELAYS_MS.length) {
          throw new Error(
            `updateMaxRetries(${CONFLICT_RETRY_DELAYS_MS.length + 1}) has reached. The garbage collector will retry later for owner ${identityText(owner.identity)}`,
            { cause: error },
          );
        }
      }
      await new Promise<void>((resolve) => this.clock.setTimer(CONFLICT_RETRY_DELAYS_MS[attempt], resolve));
    }
  }
}
