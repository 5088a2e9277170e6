import type { KubeObject } from '../api/object';
import { formatTime, parseTime } from '../util/time';
import type { LabelSelectorSpec } from './pods';
import type { ReplicaSet } from './replicaset';

/** apps/v1 Deployment, the fields the controller reads and writes. */
export interface Deployment extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelectorSpec;
    template?: { metadata?: KubeObject['metadata']; spec?: Record<string, unknown> };
    strategy?: {
      type?: string;
      rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
    };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    paused?: boolean;
    progressDeadlineSeconds?: number;
  };
  status?: DeploymentStatus;
}

/** apps/v1 DeploymentStatus (field order as Go declares it, which is how it serialises). */
export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

/** apps/v1 DeploymentCondition. */
export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The Deployment's apiVersion and kind, as events and owner references name it. */
export const DEPLOYMENT_KIND = { apiVersion: 'apps/v1', kind: 'Deployment' };

// deployment_util.go constants.
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** apps.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';
const MAX_INT32 = 2147483647;

const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/** spec.replicas of a Deployment or ReplicaSet (defaulted to 1 by the API server). */
export const replicasOf = (o: { spec?: { replicas?: number } } | undefined): number => o?.spec?.replicas ?? 1;

/** NewDeploymentCondition: both times now. */
export function newCondition(now: number, type: string, status: string, reason: string, message: string) {
  const time = formatTime(now);
  return { type, status, lastUpdateTime: time, lastTransitionTime: time, reason, message };
}

/** GetDeploymentCondition. */
export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: nothing changes when one of that type has the same status and reason;
 * the transition time is kept when only the reason changes; the condition goes last.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

/** RemoveDeploymentCondition. */
export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  status.conditions = rest.length ? rest : undefined;
}

/** intstr.GetScaledValueFromIntOrPercent: a percentage of `total`, rounded up or down. */
export function valueFromIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number.parseInt(value, 10) || 0;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** IsRollingUpdate. */
export const isRollingUpdate = (d: Deployment): boolean => d.spec?.strategy?.type === 'RollingUpdate';

/** ResolveFenceposts: surge rounds up, unavailable down; both zero makes unavailable 1. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const rolling = d.spec?.strategy?.rollingUpdate ?? {};
  const desired = replicasOf(d);
  const surge = valueFromIntOrPercent(rolling.maxSurge ?? 0, desired, true);
  let unavailable = valueFromIntOrPercent(rolling.maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxUnavailable: 0 unless rolling with replicas; never more than the replicas. */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicasOf(d));
}

/** MaxSurge: 0 unless rolling. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

/** Revision: the revision annotation as a number (0 without one, NaN when unparsable). */
export function revisionOf(o: KubeObject): number {
  const text = o.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined) return 0;
  return /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** MaxRevision: the highest parsable revision. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  return rss.reduce((max, rs) => {
    const v = revisionOf(rs);
    return !Number.isNaN(v) && v > max ? v : max;
  }, 0);
}

/** SetDeploymentRevision: true if it changed. */
export function setDeploymentRevision(d: Deployment, revision: string | undefined): boolean {
  const meta = (d.metadata ??= {});
  const annotations = (meta.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === revision) return false;
  if (revision === undefined) delete annotations[REVISION_ANNOTATION];
  else annotations[REVISION_ANNOTATION] = revision;
  return true;
}

/** SetReplicasAnnotations: desired- and max-replicas; true if either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = rs.metadata?.annotations;
  return (
    !annotations ||
    annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) ||
    annotations[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations (all but the skipped ones),
 * raises the revision to `newRevision` (keeping earlier ones in revision-history, at most
 * `historyLimitChars`), and on creation sets desired- and max-replicas. True if any changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
  historyLimitChars = 2000,
): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  let oldInt = 0;
  if (had && oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  const newInt = Number(newRevision);
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (had && oldInt < newInt) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
    let old = history.split(',');
    if (old[0].length === 0) annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > historyLimitChars && start < old.length) total -= old[start++].length + 1;
      if (total <= historyLimitChars) {
        old = [...old.slice(start), oldRevision];
        annotations[REVISION_HISTORY_ANNOTATION] = old.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** DeploymentComplete: every desired replica updated and available, no old ones, generation seen. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const want = replicasOf(d);
  return (
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** HasProgressDeadline: set and not MaxInt32. */
export const hasProgressDeadline = (d: Deployment): boolean =>
  d.spec?.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;

/** HasRevisionHistoryLimit: set and not MaxInt32. */
export const hasRevisionHistoryLimit = (d: Deployment): boolean =>
  d.spec?.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;

/** DeploymentTimedOut: the Progressing condition was last updated more than the deadline ago. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(s, 'Progressing');
  if (!condition) return false;
  if (condition.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (condition.reason === TIMED_OUT_REASON) return true;
  const from = parseTime(condition.lastUpdateTime) ?? 0;
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now;
}
