// RollingUpdate: the new ReplicaSet up and old ones down within maxSurge/maxUnavailable (rolling.go).
import type { DeploymentContext } from './deployment';
import { syncRolloutStatus } from './deployment-progress';
import {
  activeReplicaSets,
  availableReplicas,
  byCreationTimestamp,
  newRSNewReplicas,
  specReplicas,
} from './deployment-replicas';
import { allReplicaSetsAndSyncRevision, cleanupDeployment, scaleReplicaSetAndRecordEvent } from './deployment-sync';
import { deploymentComplete, maxUnavailable, replicasOf, type Deployment } from './deployment-util';
import type { ReplicaSet } from './replicaset';

/** rolloutRolling: scale the new ReplicaSet up, then old ones down, within the fenceposts. */
export async function rolloutRolling(ctx: DeploymentContext, d: Deployment, rsList: ReplicaSet[]): Promise<void> {
  const { newRS, oldRSs } = await allReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const allRSs = [...oldRSs, newRS];
  if (newRS && (await reconcileNewReplicaSet(ctx, allRSs, newRS, d))) {
    await syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (newRS && (await reconcileOldReplicaSets(ctx, allRSs, activeReplicaSets(oldRSs), newRS, d))) {
    await syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (deploymentComplete(d, d.status ?? {})) await cleanupDeployment(ctx, oldRSs, d);
  await syncRolloutStatus(ctx, allRSs, newRS, d);
}

async function reconcileNewReplicaSet(
  ctx: DeploymentContext,
  allRSs: Array<ReplicaSet | undefined>,
  newRS: ReplicaSet,
  d: Deployment,
): Promise<boolean> {
  if (replicasOf(newRS) === replicasOf(d)) return false;
  if (replicasOf(newRS) > replicasOf(d)) {
    return (await scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(d), d)).scaled;
  }
  return (await scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(d, allRSs, newRS), d)).scaled;
}

async function reconcileOldReplicaSets(
  ctx: DeploymentContext,
  allRSs: Array<ReplicaSet | undefined>,
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): Promise<boolean> {
  if (specReplicas(oldRSs) === 0) return false;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  let cleaned: { oldRSs: ReplicaSet[]; count: number };
  let scaledDown: number;
  try {
    cleaned = await cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
    scaledDown = await scaleDownOldReplicaSetsForRollingUpdate(ctx, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  } catch {
    // Upstream drops these errors and reports no scaling; the next sync retries.
    return false;
  }
  return cleaned.count + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable replicas first. */
async function cleanupUnhealthyReplicas(
  ctx: DeploymentContext,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanup: number,
): Promise<{ oldRSs: ReplicaSet[]; count: number }> {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (const [i, rs] of oldRSs.entries()) {
    if (total >= maxCleanup) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const count = Math.min(maxCleanup - total, replicasOf(rs) - available);
    const result = await scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - count, d);
    total += count;
    oldRSs[i] = result.rs;
  }
  return { oldRSs, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: as far as availability above minAvailable allows. */
async function scaleDownOldReplicaSetsForRollingUpdate(
  ctx: DeploymentContext,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): Promise<number> {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = availableReplicas(allRSs);
  if (available <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  const totalToScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= totalToScaleDown) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), totalToScaleDown - total);
    await scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - count, d);
    total += count;
  }
  return total;
}
