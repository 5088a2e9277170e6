import type { KubeObject, OwnerReference } from '../api/object';
import { StatusError } from '../api/status';
import type { ResourceClient } from '../client/rest-client';
import type { Informer } from './informer';
import { controllerOf, isEmptySelector, labelSelectorMatcher, type LabelSelectorSpec, type Pod } from './pods';

/** The kind a controller owns its pods as (its GroupVersionKind). */
export interface ControllerKind {
  apiVersion: string;
  kind: string;
}

/**
 * Whether two controller references are the same (reflect.DeepEqual). An update that leaves
 * metadata alone (every status write) shares them, so identity answers most calls.
 */
export function sameControllerRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Whether two label maps hold the same labels (identity first: most updates keep them). */
export function sameLabels(a: Record<string, string> = {}, b: Record<string, string> = {}): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** The object of `kind` a controller reference names, if it is that very object (same UID). */
export function resolveControllerRef<T extends KubeObject>(
  informer: Informer<T>,
  kind: string,
  namespace: string,
  ref: { kind: string; name: string; uid: string },
): T | undefined {
  if (ref.kind !== kind) return undefined;
  const owner = informer.get(namespace, ref.name);
  return owner && owner.metadata?.uid === ref.uid ? owner : undefined;
}

/**
 * The objects of `namespace` whose non-empty selector matches `labels` (the listers'
 * GetPodReplicaSets, getDeploymentsForReplicaSet): who might adopt an orphan.
 */
export function selectorsMatching<T extends KubeObject & { spec?: { selector?: LabelSelectorSpec } }>(
  informer: Informer<T>,
  namespace: string,
  labels: Record<string, string> | undefined,
): T[] {
  if (!labels || Object.keys(labels).length === 0) return [];
  return informer.list(namespace).filter((owner) => {
    const selector = owner.spec?.selector;
    return !isEmptySelector(selector) && labelSelectorMatcher(selector)(labels);
  });
}

/** utilerrors.NewAggregate's text: one error as itself, several as `[a, b]`. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.length === 1 ? errors[0].message : `[${errors.map((e) => e.message).join(', ')}]`);
    this.name = 'AggregateError';
  }
}

/** A time as Go's %v prints a metav1.Time (`2026-01-01 00:00:00 +0000 UTC`). */
function goTime(text: string | undefined): string {
  if (!text) return '<nil>';
  return `${text.replace('T', ' ').replace('Z', '')} +0000 UTC`;
}

/**
 * controller.RecheckDeletionTimestamp: before the first adoption of a sync, a live read of the
 * owner; adoption is refused if the owner is gone, replaced or being deleted.
 */
export function recheckDeletionTimestamp(getFresh: () => Promise<KubeObject>): () => Promise<void> {
  return async () => {
    let fresh: KubeObject;
    try {
      fresh = await getFresh();
    } catch (error) {
      throw new Error(`can't recheck DeletionTimestamp: ${(error as Error).message}`, { cause: error });
    }
    const meta = fresh.metadata ?? {};
    if (meta.deletionTimestamp) {
      throw new Error(`${meta.namespace}/${meta.name} has just been deleted at ${goTime(meta.deletionTimestamp)}`);
    }
  };
}

const isNotFound = (error: unknown): boolean => error instanceof StatusError && error.status.code === 404;
const isInvalid = (error: unknown): boolean => error instanceof StatusError && error.status.code === 422;

/**
 * controller.PodControllerRefManager: claims the pods a controller should own. Pods it owns that
 * still match stay; pods it owns that no longer match are released (a strategic merge patch
 * deleting its ownerReference); orphans that match are adopted (a patch adding a controller
 * ownerReference), unless the owner is being deleted. Pods owned by another controller are left
 * alone. Both patches carry the pod's UID, so they apply only to the pod that was read.
 */
export class PodControllerRefManager {
  private canAdoptResult: Promise<void> | undefined;

  constructor(
    private readonly pods: ResourceClient<Pod>,
    private readonly controller: KubeObject,
    private readonly controllerKind: ControllerKind,
    private readonly match: (pod: Pod) => boolean,
    private readonly canAdoptCheck: () => Promise<void>,
  ) {}

  /** The pods this controller owns once adoption and release are done; failures are aggregated. */
  async claimPods(pods: readonly Pod[]): Promise<Pod[]> {
    const claimed: Pod[] = [];
    const errors: Error[] = [];
    for (const pod of pods) {
      // Most pods need no request: decide those without waiting.
      const action = this.decide(pod);
      if (action === 'claimed') claimed.push(pod);
      if (action !== 'adopt' && action !== 'release') continue;
      try {
        await (action === 'adopt' ? this.adopt(pod) : this.release(pod));
        if (action === 'adopt') claimed.push(pod);
      } catch (error) {
        // A pod that is gone is neither claimed nor an error.
        if (!isNotFound(error)) errors.push(error as Error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
    return claimed;
  }

  /** ClaimObject's decision for `pod`, before any request. */
  private decide(pod: Pod): 'claimed' | 'ignored' | 'adopt' | 'release' {
    const ownerMeta = this.controller.metadata ?? {};
    const ref = controllerOf(pod);
    if (ref) {
      // Owned by another controller; or ours and still matching (claimed even while we are deleted).
      if (ref.uid !== ownerMeta.uid) return 'ignored';
      if (this.match(pod)) return 'claimed';
      // Ours but no longer matching: released, unless we are being deleted.
      return ownerMeta.deletionTimestamp ? 'ignored' : 'release';
    }
    // An orphan: adopted if it matches and neither it nor we are being deleted.
    if (ownerMeta.deletionTimestamp || !this.match(pod)) return 'ignored';
    if (pod.metadata?.deletionTimestamp) return 'ignored';
    if (ownerMeta.namespace && ownerMeta.namespace !== pod.metadata?.namespace) return 'ignored';
    return 'adopt';
  }

  /** AdoptPod. */
  private async adopt(pod: Pod): Promise<void> {
    const meta = pod.metadata ?? {};
    try {
      this.canAdoptResult ??= this.canAdoptCheck();
      await this.canAdoptResult;
    } catch (error) {
      throw new Error(`can't adopt Pod ${meta.namespace}/${meta.name} (${meta.uid}): ${(error as Error).message}`, {
        cause: error,
      });
    }
    const owner = this.controller.metadata ?? {};
    // ownerRefControllerPatch: the fields in metav1.OwnerReference's order, then the pod's UID.
    const patch = {
      metadata: {
        ownerReferences: [
          {
            apiVersion: this.controllerKind.apiVersion,
            kind: this.controllerKind.kind,
            name: owner.name,
            uid: owner.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
        uid: meta.uid,
      },
    };
    await this.pods.patch(meta.name ?? '', 'strategic', patch);
  }

  /** ReleasePod: a pod that is gone or changed (404, 422) is released already. */
  private async release(pod: Pod): Promise<void> {
    const meta = pod.metadata ?? {};
    // GenerateDeleteOwnerRefStrategicMergeBytes.
    const patch = {
      metadata: { uid: meta.uid, ownerReferences: [{ $patch: 'delete', uid: this.controller.metadata?.uid }] },
    };
    try {
      await this.pods.patch(meta.name ?? '', 'strategic', patch);
    } catch (error) {
      if (isNotFound(error) || isInvalid(error)) return;
      throw error;
    }
  }
}
