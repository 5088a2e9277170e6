/** Graceful deletion: a delete's options and preconditions, a pod's grace period, and finalizers. */
import { clone, type KubeObject } from './object';
import type { ResourceType } from './resource';
import { errorTarget } from './store-errors';
import { conflict } from './status';
import { formatTime } from '../util/time';

/** How dependents go (the garbage collector's propagation policy). */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** DeleteOptions as the registry takes them. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditionUid?: string;
  preconditionVersion?: string;
  propagationPolicy?: PropagationPolicy;
}

/** The delete's preconditions on uid and resourceVersion (409 Conflict with the registry's texts). */
export function checkPreconditions(type: ResourceType, name: string, object: KubeObject, options: DeleteOptions): void {
  const meta = object.metadata ?? {};
  const target = errorTarget(type);
  if (options.preconditionUid && options.preconditionUid !== meta.uid) {
    throw conflict(
      target,
      name,
      `Precondition failed: UID in precondition: ${options.preconditionUid}, UID in object meta: ${meta.uid}`,
    );
  }
  if (options.preconditionVersion && options.preconditionVersion !== meta.resourceVersion) {
    throw conflict(
      target,
      name,
      `Precondition failed: ResourceVersion in precondition: ${options.preconditionVersion}, ResourceVersion in object meta: ${meta.resourceVersion}`,
    );
  }
}

/** What a delete does: remove the object now, keep it as it is, or store it marked for deletion. */
export type DeletionPlan = { action: 'remove' } | { action: 'keep' } | { action: 'mark'; next: KubeObject };

/**
 * What deleting `object` does. Finalizers or a grace period (pods on a node) make it a two-step
 * delete: deletionTimestamp is set now, and the object goes when its finalizers are gone and its
 * kubelet confirms (or the grace period is zero). An object already being deleted stays as it is
 * unless the delete adds a finalizer or shortens its grace period.
 */
export function planDeletion(
  type: ResourceType,
  object: KubeObject,
  options: DeleteOptions,
  now: number,
): DeletionPlan {
  if (type.plural === 'namespaces' && type.group === '') {
    const plan = planNamespaceDeletion(object, options, now);
    if (plan) return plan;
  }
  const meta = object.metadata ?? {};
  const grace = gracePeriod(type, object, options.gracePeriodSeconds);
  // The garbage collector's finalizers, by propagation policy (Background needs none).
  const policy = options.propagationPolicy ?? 'Background';
  const gcFinalizer = policy === 'Foreground' ? 'foregroundDeletion' : policy === 'Orphan' ? 'orphan' : undefined;
  const finalizers = [...(meta.finalizers ?? [])];
  if (gcFinalizer && !finalizers.includes(gcFinalizer)) finalizers.push(gcFinalizer);
  if (grace === 0 && finalizers.length === 0) return { action: 'remove' };
  const unchangedFinalizers = finalizers.length === (meta.finalizers ?? []).length;
  if (
    meta.deletionTimestamp &&
    unchangedFinalizers &&
    (grace === undefined || (meta.deletionGracePeriodSeconds ?? 0) <= grace)
  ) {
    return { action: 'keep' };
  }
  const next = clone(object);
  const nextMeta = next.metadata as NonNullable<KubeObject['metadata']>;
  // The first mark moves a generation on (BeforeDelete, markAsDeleting): controllers see the change.
  const generation = nextMeta.generation ?? 0;
  if (!nextMeta.deletionTimestamp && generation > 0) nextMeta.generation = generation + 1;
  nextMeta.deletionTimestamp ??= formatTime(now + (grace ?? 0) * 1000);
  nextMeta.deletionGracePeriodSeconds = grace ?? 0;
  if (finalizers.length > 0) nextMeta.finalizers = finalizers;
  delete nextMeta.resourceVersion;
  return { action: 'mark', next };
}

/**
 * A namespace's own Delete (pkg/registry/core/namespace/storage/storage.go). The first marks it
 * Terminating, with no grace period, keeping the garbage collector's finalizers the policy asks
 * for; while spec.finalizers remain, later ones change nothing and answer with the namespace (no
 * Conflict since v1.17). Once the namespace controller has finalized it, the generic delete.
 */
function planNamespaceDeletion(namespace: KubeObject, options: DeleteOptions, now: number): DeletionPlan | undefined {
  const meta = namespace.metadata ?? {};
  if (meta.deletionTimestamp) {
    return ((namespace.spec as { finalizers?: string[] })?.finalizers ?? []).length > 0
      ? { action: 'keep' }
      : undefined;
  }
  const next = clone(namespace);
  const nextMeta = next.metadata as NonNullable<KubeObject['metadata']>;
  nextMeta.deletionTimestamp = formatTime(now);
  ((next.status ??= {}) as { phase?: string }).phase = 'Terminating';
  // shouldHaveOrphanFinalizer, shouldHaveDeleteDependentsFinalizer: a policy decides, else what is there.
  const policy = options.propagationPolicy;
  const has = (finalizer: string) => (meta.finalizers ?? []).includes(finalizer);
  const want = {
    orphan: policy ? policy === 'Orphan' : has('orphan'),
    foregroundDeletion: policy ? policy === 'Foreground' : has('foregroundDeletion'),
  };
  const finalizers = (meta.finalizers ?? []).filter((f) => f !== 'orphan' && f !== 'foregroundDeletion');
  for (const [finalizer, wanted] of Object.entries(want)) if (wanted) finalizers.push(finalizer);
  if (finalizers.length > 0) nextMeta.finalizers = finalizers;
  else delete nextMeta.finalizers;
  delete nextMeta.resourceVersion;
  return { action: 'mark', next };
}

/** The grace period a delete gives: only a pod that a kubelet runs has one (its own, or the request's). */
function gracePeriod(type: ResourceType, object: KubeObject, requested: number | undefined): number | undefined {
  if (type.plural !== 'pods') return 0;
  const spec = (object.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  // A pod no kubelet runs has nothing to wait for.
  if (!spec.nodeName) return 0;
  const phase = (object.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 0;
  return requested ?? spec.terminationGracePeriodSeconds ?? 30;
}

/** namespaces/finalize: a terminating namespace left with no finalizers (spec or metadata) is removed. */
export function namespaceFinalized(namespace: KubeObject): boolean {
  const meta = namespace.metadata ?? {};
  const finalizers = (namespace.spec as { finalizers?: unknown[] } | undefined)?.finalizers ?? [];
  return !!meta.deletionTimestamp && finalizers.length === 0 && !(meta.finalizers ?? []).length;
}
