// Scaling and sync helpers: the new ReplicaSet, proportional scaling, cleanup of old ReplicaSets (sync.go).
import { clone } from '../api/object';
import { StatusError } from '../api/status';
import { hasStatusCause } from '../client/rest-client';
import type { DeploymentContext } from './deployment';
import { syncDeploymentStatus } from './deployment-progress';
import {
  activeReplicaSets,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  equalIgnoreHash,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getProportion,
  isSaturated,
  newRSNewReplicas,
  specReplicas,
} from './deployment-replicas';
import {
  DEPLOYMENT_KIND,
  DESIRED_REPLICAS_ANNOTATION,
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  maxRevision,
  maxSurge,
  NEW_REPLICA_SET_REASON,
  newCondition,
  POD_TEMPLATE_HASH_LABEL,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  REVISION_ANNOTATION,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  type Deployment,
} from './deployment-util';
import { computeHash } from './pod-template-hash';
import { controllerOf } from './pods';
import type { ReplicaSet } from './replicaset';

/** getAllReplicaSetsAndSyncRevision. */
export async function allReplicaSetsAndSyncRevision(
  ctx: DeploymentContext,
  d: Deployment,
  rsList: ReplicaSet[],
  createIfNotExisted: boolean,
): Promise<{ newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }> {
  const { allOld } = findOldReplicaSets(d, rsList);
  const newRS = await getNewReplicaSet(ctx, d, rsList, allOld, createIfNotExisted);
  return { newRS, oldRSs: allOld };
}

/** getNewReplicaSet: syncs the new ReplicaSet's annotations, or creates it. */
async function getNewReplicaSet(
  ctx: DeploymentContext,
  d: Deployment,
  rsList: ReplicaSet[],
  oldRSs: ReplicaSet[],
  createIfNotExisted: boolean,
): Promise<ReplicaSet | undefined> {
  const namespace = d.metadata?.namespace ?? '';
  const now = ctx.clock.now();
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const status = (d.status ??= {});
  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReadyNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyNeedsUpdate) {
      (rsCopy.spec ??= {}).minReadySeconds = d.spec?.minReadySeconds;
      return ctx.rsClient(namespace).update(rsCopy);
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata?.annotations?.[REVISION_ANNOTATION]);
    if (hasProgressDeadline(d) && !getCondition(status, 'Progressing')) {
      const msg = `Found new replica set "${rsCopy.metadata?.name}"`;
      setCondition(status, newCondition(now, 'Progressing', 'True', FOUND_NEW_RS_REASON, msg));
      needsUpdate = true;
    }
    if (needsUpdate) await ctx.updateStatus(d);
    return rsCopy;
  }
  if (!createIfNotExisted) return undefined;

  const template = clone(d.spec?.template ?? {});
  const hash = computeHash(template, status.collisionCount);
  const templateMeta = (template.metadata ??= {});
  templateMeta.labels = { ...templateMeta.labels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const rsName = `${d.metadata?.name}-${hash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace,
      labels: { ...templateMeta.labels },
      ownerReferences: [
        {
          ...DEPLOYMENT_KIND,
          name: d.metadata?.name ?? '',
          uid: d.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  (newRS.spec ??= {}).replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);
  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = await ctx.rsClient(namespace).create(newRS);
  } catch (error) {
    if (error instanceof StatusError && error.status.code === 409) {
      alreadyExists = true;
      const rs = ctx.rsInformer.get(namespace, rsName);
      if (!rs) throw error;
      const ref = controllerOf(rs);
      if (!(ref?.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template))) {
        // A hash collision: bump collisionCount and try again with the next hash.
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        await ctx.updateStatus(d).catch(() => undefined);
        throw error;
      }
      created = rs;
    } else if (hasStatusCause(error, 'NamespaceTerminating')) {
      throw error;
    } else {
      const msg = `Failed to create new replica set "${rsName}": ${(error as Error).message}`;
      if (hasProgressDeadline(d)) {
        setCondition(status, newCondition(now, 'Progressing', 'False', FAILED_RS_CREATE_REASON, msg));
        await ctx.updateStatus(d).catch(() => undefined);
      }
      ctx.record(d, 'Warning', FAILED_RS_CREATE_REASON, msg);
      throw error;
    }
  }
  if (!alreadyExists && replicas > 0) {
    ctx.record(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${created.metadata?.name} from 0 to ${replicas}`,
    );
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set "${created.metadata?.name}"`;
    setCondition(status, newCondition(now, 'Progressing', 'True', NEW_REPLICA_SET_REASON, msg));
    needsUpdate = true;
  }
  if (needsUpdate) await ctx.updateStatus(d);
  return created;
}

/** sync: proportional scaling (paused Deployments and scaling events), cleanup when paused. */
export async function syncScale(ctx: DeploymentContext, d: Deployment, rsList: ReplicaSet[]): Promise<void> {
  const { newRS, oldRSs } = await allReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  await scale(ctx, d, newRS, oldRSs);
  if (d.spec?.paused) await cleanupDeployment(ctx, oldRSs, d);
  await syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** syncStatusOnly: only the status, for a Deployment being deleted. */
export async function syncStatusOnly(ctx: DeploymentContext, d: Deployment, rsList: ReplicaSet[]): Promise<void> {
  const { newRS, oldRSs } = await allReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  await syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** isScalingEvent: an active ReplicaSet's desired-replicas differs from spec.replicas. */
export async function isScalingEvent(ctx: DeploymentContext, d: Deployment, rsList: ReplicaSet[]): Promise<boolean> {
  const { newRS, oldRSs } = await allReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const text = rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (text === undefined || !/^[+-]?\d+$/.test(text)) continue;
    if (Number(text) !== replicasOf(d)) return true;
  }
  return false;
}

/** scale: the one active ReplicaSet to spec.replicas, or all of them in proportion. */
async function scale(
  ctx: DeploymentContext,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): Promise<void> {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === replicasOf(d)) return;
    await scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicasOf(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) await scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = activeReplicaSets([...oldRSs, newRS]);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - specReplicas(allRSs);
  let operation = '';
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of allRSs) {
    const name = rs.metadata?.name ?? '';
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      sizes.set(name, replicasOf(rs) + proportion);
      added += proportion;
    } else sizes.set(name, replicasOf(rs));
  }
  for (const [i, rs] of allRSs.entries()) {
    const name = rs.metadata?.name ?? '';
    if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
    await scaleReplicaSet(ctx, rs, sizes.get(name) ?? 0, d, operation);
  }
}

/** scaleReplicaSetAndRecordEvent: scaleReplicaSet, when the size differs, up or down. */
export async function scaleReplicaSetAndRecordEvent(
  ctx: DeploymentContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): Promise<{ scaled: boolean; rs: ReplicaSet }> {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ctx, rs, newScale, d, replicasOf(rs) < newScale ? 'up' : 'down');
}

/** scaleReplicaSet: a PUT of the new size and the replicas annotations, and the event. */
async function scaleReplicaSet(
  ctx: DeploymentContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
  operation: string,
): Promise<{ scaled: boolean; rs: ReplicaSet }> {
  const sizeNeedsUpdate = replicasOf(rs) !== newScale;
  const max = replicasOf(d) + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicasOf(d), max)) return { scaled: false, rs };
  const oldScale = replicasOf(rs);
  const copy = clone(rs);
  (copy.spec ??= {}).replicas = newScale;
  setReplicasAnnotations(copy, replicasOf(d), max);
  const updated = await ctx.rsClient(rs.metadata?.namespace ?? '').update(copy);
  if (sizeNeedsUpdate) {
    const message = `Scaled ${operation} replica set ${updated.metadata?.name} from ${oldScale} to ${newScale}`;
    ctx.record(d, 'Normal', 'ScalingReplicaSet', message);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}

/** cleanupDeployment: deletes the oldest idle ReplicaSets beyond revisionHistoryLimit. */
export async function cleanupDeployment(ctx: DeploymentContext, oldRSs: ReplicaSet[], d: Deployment): Promise<void> {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    if (
      (rs.status?.replicas ?? 0) !== 0 ||
      replicasOf(rs) !== 0 ||
      (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      rs.metadata?.deletionTimestamp
    ) {
      continue;
    }
    try {
      await ctx.rsClient(rs.metadata?.namespace ?? '').delete(rs.metadata?.name ?? '');
    } catch (error) {
      if (!(error instanceof StatusError && error.status.code === 404)) throw error;
    }
  }
}
