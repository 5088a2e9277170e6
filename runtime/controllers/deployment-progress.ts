// Status and conditions: Available, Progressing against the deadline, paused, ReplicaFailure (progress.go).
import type { ResourceClient } from '../client/rest-client';
import { parseTime } from '../util/time';
import type { DeploymentContext } from './deployment';
import { actualReplicas, availableReplicas, readyReplicas, specReplicas } from './deployment-replicas';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  maxUnavailable,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NEW_RS_AVAILABLE_REASON,
  newCondition,
  PAUSED_DEPLOY_REASON,
  removeCondition,
  REPLICA_SET_UPDATED_REASON,
  replicasOf,
  RESUMED_DEPLOY_REASON,
  REVISION_ANNOTATION,
  setCondition,
  TIMED_OUT_REASON,
  type Deployment,
  type DeploymentCondition,
  type DeploymentStatus,
} from './deployment-util';
import { objectKey } from './informer';
import type { ReplicaSet } from './replicaset';

/** checkPausedConditions: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
export async function checkPausedConditions(ctx: DeploymentContext, d: Deployment): Promise<void> {
  if (!hasProgressDeadline(d)) return;
  const status = (d.status ??= {});
  const cond = getCondition(status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedExists = cond?.reason === PAUSED_DEPLOY_REASON;
  const now = ctx.clock.now();
  if (d.spec?.paused && !pausedExists) {
    setCondition(status, newCondition(now, 'Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused'));
  } else if (!d.spec?.paused && pausedExists) {
    setCondition(status, newCondition(now, 'Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed'));
  } else return;
  await ctx.updateStatus(d);
}

/** calculateStatus: counts over the ReplicaSets and the Available condition. */
function calculateStatus(
  ctx: DeploymentContext,
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet | undefined,
  d: Deployment,
) {
  const available = availableReplicas(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation,
    replicas: actualReplicas(allRSs),
    updatedReplicas: actualReplicas([newRS]),
    readyReplicas: readyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicas(allRSs) - available),
    collisionCount: d.status?.collisionCount,
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
  };
  const now = ctx.clock.now();
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    const msg = 'Deployment has minimum availability.';
    setCondition(status, newCondition(now, 'Available', 'True', MINIMUM_REPLICAS_AVAILABLE, msg));
  } else {
    const msg = 'Deployment does not have minimum availability.';
    setCondition(status, newCondition(now, 'Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE, msg));
  }
  return status;
}

/** syncDeploymentStatus: writes the calculated status if it differs. */
export async function syncDeploymentStatus(
  ctx: DeploymentContext,
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Promise<void> {
  const status = calculateStatus(ctx, allRSs, newRS, d);
  if (sameStatus(d.status, status)) return;
  d.status = status;
  await ctx.updateStatus(d);
}

/** syncRolloutStatus: the status with the Progressing condition, then a requeue if stuck. */
export async function syncRolloutStatus(
  ctx: DeploymentContext,
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet | undefined,
  d: Deployment,
): Promise<void> {
  const status = calculateStatus(ctx, allRSs, newRS, d);
  const now = ctx.clock.now();
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const isComplete = status.replicas === status.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isComplete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata?.name}"` : `Deployment "${d.metadata?.name}"`;
    if (deploymentComplete(d, status)) {
      const msg = `${subject} has successfully progressed.`;
      setCondition(status, newCondition(now, 'Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg));
    } else if (deploymentProgressing(d, status)) {
      const condition: DeploymentCondition = newCondition(
        now,
        'Progressing',
        'True',
        REPLICA_SET_UPDATED_REASON,
        `${subject} is progressing.`,
      );
      if (current) {
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (deploymentTimedOut(d, status, now)) {
      const msg = `${subject} has timed out progressing.`;
      setCondition(status, newCondition(now, 'Progressing', 'False', TIMED_OUT_REASON, msg));
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures.length > 0) setCondition(status, failures[0]);
  else removeCondition(status, 'ReplicaFailure');
  if (sameStatus(d.status, status)) {
    requeueStuckDeployment(ctx, d, status);
    return;
  }
  d.status = status;
  await ctx.updateStatus(d);
}

/** requeueStuckDeployment: a progress check when the deadline would pass. */
function requeueStuckDeployment(ctx: DeploymentContext, d: Deployment, status: DeploymentStatus): void {
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, status) || current.reason === TIMED_OUT_REASON) return;
  const lastUpdate = parseTime(current.lastUpdateTime) ?? 0;
  const after = lastUpdate + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - ctx.clock.now();
  if (after < 1000) ctx.queue.addRateLimited(objectKey(d));
  // A second more, against milliseconds of skew (kubernetes#39785).
  else ctx.queue.addAfter(objectKey(d), after + 1000);
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions, else the others'. */
function replicaFailures(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const convert = (rs: ReplicaSet | undefined): DeploymentCondition[] =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map((c) => ({
        type: c.type,
        status: c.status,
        lastUpdateTime: c.lastTransitionTime,
        lastTransitionTime: c.lastTransitionTime,
        reason: c.reason,
        message: c.message,
      }));
  const own = convert(newRS);
  return own.length ? own : allRSs.flatMap(convert);
}

/** A status as Go serialises apps/v1 DeploymentStatus: zeros and empty lists left out. */
export function serializeStatus(status: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  if (status.replicas) out.replicas = status.replicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.availableReplicas) out.availableReplicas = status.availableReplicas;
  if (status.unavailableReplicas) out.unavailableReplicas = status.unavailableReplicas;
  if (status.conditions?.length) {
    out.conditions = status.conditions.map((c) => ({
      type: c.type,
      status: c.status,
      lastUpdateTime: c.lastUpdateTime,
      lastTransitionTime: c.lastTransitionTime,
      reason: c.reason,
      message: c.message,
    }));
  }
  if (status.collisionCount !== undefined) out.collisionCount = status.collisionCount;
  return out;
}

/** reflect.DeepEqual of two statuses as they serialise. */
function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return JSON.stringify(serializeStatus(a ?? {})) === JSON.stringify(serializeStatus(b));
}

/**
 * PUT of the Deployment's status as it now stands in `d` (UpdateStatus), through the
 * Deployments `client` of its namespace.
 */
export async function updateStatus(client: ResourceClient<Deployment>, d: Deployment): Promise<Deployment> {
  const written = await client.updateStatus({ ...d, status: serializeStatus(d.status ?? {}) });
  // Kubernetes' deployment status strategy resets only spec and labels, so the revision
  // annotation travels with UpdateStatus; kubeplay's status subresource keeps all metadata,
  // so the annotation goes in a patch of its own.
  const revision = d.metadata?.annotations?.[REVISION_ANNOTATION];
  if (revision === undefined || written.metadata?.annotations?.[REVISION_ANNOTATION] === revision) return written;
  const patch = { metadata: { annotations: { [REVISION_ANNOTATION]: revision } } };
  return client.patch(d.metadata?.name ?? '', 'merge', patch);
}
