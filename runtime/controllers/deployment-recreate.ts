// Recreate: every old ReplicaSet to zero, their pods gone, then the new one up (recreate.go).
import type { DeploymentContext } from './deployment';
import { syncRolloutStatus } from './deployment-progress';
import { activeReplicaSets, actualReplicas } from './deployment-replicas';
import { allReplicaSetsAndSyncRevision, cleanupDeployment, scaleReplicaSetAndRecordEvent } from './deployment-sync';
import { deploymentComplete, replicasOf, type Deployment } from './deployment-util';
import type { Pod } from './pods';
import type { ReplicaSet } from './replicaset';

/** rolloutRecreate: every old ReplicaSet to 0, wait for their pods to go, then the new one up. */
export async function rolloutRecreate(
  ctx: DeploymentContext,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): Promise<void> {
  let { newRS, oldRSs } = await allReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    if ((await scaleReplicaSetAndRecordEvent(ctx, rs, 0, d)).scaled) scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap)) {
    await syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = await allReplicaSetsAndSyncRevision(ctx, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) await scaleReplicaSetAndRecordEvent(ctx, newRS, replicasOf(d), d);
  if (deploymentComplete(d, d.status ?? {})) await cleanupDeployment(ctx, oldRSs, d);
  await syncRolloutStatus(ctx, allRSs, newRS, d);
}

/** oldPodsRunning: old ReplicaSets still report replicas, or hold pods not yet terminal. */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: Map<string, Pod[]>): boolean {
  if (actualReplicas(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}
