// ReplicaSet arithmetic: sort orders, replica counts, new vs. old by template, scaling proportions (deployment/util).
import type { KubeObject } from '../api/object';
import { parseTime } from '../util/time';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  maxSurge,
  POD_TEMPLATE_HASH_LABEL,
  replicasOf,
  revisionOf,
  valueFromIntOrPercent,
  type Deployment,
} from './deployment-util';
import type { ReplicaSet } from './replicaset';

const created = (o: KubeObject): number => parseTime(o.metadata?.creationTimestamp) ?? 0;

/** controller.ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** controller.ReplicaSetsBySizeOlder: larger first, then older first. */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet): number =>
  replicasOf(a) === replicasOf(b) ? byCreationTimestamp(a, b) : replicasOf(b) - replicasOf(a);

/** controller.ReplicaSetsBySizeNewer: larger first, then newer first. */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet): number =>
  replicasOf(a) === replicasOf(b) ? byCreationTimestamp(b, a) : replicasOf(b) - replicasOf(a);

/** deploymentutil.ReplicaSetsByRevision: lower revision first, then older first. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === rb || Number.isNaN(ra) || Number.isNaN(rb)) return byCreationTimestamp(a, b);
  return ra - rb;
}

/** controller.FilterActiveReplicaSets: those with spec.replicas above 0. */
export const activeReplicaSets = (rss: ReadonlyArray<ReplicaSet | undefined>): ReplicaSet[] =>
  rss.filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0);

const sum = (rss: ReadonlyArray<ReplicaSet | undefined>, f: (rs: ReplicaSet) => number): number =>
  rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export const specReplicas = (rss: ReadonlyArray<ReplicaSet | undefined>): number => sum(rss, replicasOf);
/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export const actualReplicas = (rss: ReadonlyArray<ReplicaSet | undefined>): number =>
  sum(rss, (rs) => rs.status?.replicas ?? 0);
/** GetReadyReplicaCountForReplicaSets. */
export const readyReplicas = (rss: ReadonlyArray<ReplicaSet | undefined>): number =>
  sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
/** GetAvailableReplicaCountForReplicaSets. */
export const availableReplicas = (rss: ReadonlyArray<ReplicaSet | undefined>): number =>
  sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is; undefined if several are. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreationTimestamp(b, a));
  const active = activeReplicaSets([...oldRSs, newRS]);
  if (active.length === 0) return newRS ?? oldRSs[0];
  return active.length === 1 ? active[0] : undefined;
}

/** integer.RoundToInt32: math.Round, halves away from zero. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** GetProportion: the share of a scaling event this ReplicaSet takes. */
export function getProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const text = rs.metadata?.annotations?.[MAX_REPLICAS_ANNOTATION];
  const annotated = text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : (d.status?.replicas ?? 0);
  return roundHalfAway((replicasOf(rs) * deploymentReplicas) / annotated) - replicasOf(rs);
}

/**
 * Whether two JSON values are alike once null and undefined members and empty lists are dropped
 * (what apiequality.Semantic.DeepEqual overlooks between decoded objects), without copying them.
 */
function semanticallyEqual(x: unknown, y: unknown): boolean {
  const absentX = x === undefined || x === null || (Array.isArray(x) && x.length === 0);
  const absentY = y === undefined || y === null || (Array.isArray(y) && y.length === 0);
  if (absentX || absentY) return absentX && absentY;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!semanticallyEqual(x[i], y[i])) return false;
    return true;
  }
  if (typeof x !== 'object' || typeof y !== 'object' || Array.isArray(y)) return x === y;
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  let present = 0;
  for (const key in a) {
    if (!semanticallyEqual(a[key], b[key])) return false;
    if (!semanticallyEqual(a[key], undefined)) present++;
  }
  for (const key in b) if (!semanticallyEqual(b[key], undefined)) present--;
  return present === 0;
}

/** A template without the pod-template-hash label (copying only the path down to it). */
function withoutHashLabel(template: unknown): unknown {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = t.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return t;
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  return { ...t, metadata: { ...t.metadata, labels: rest } };
}

/**
 * EqualIgnoreHash: two pod templates are semantically equal but for the pod-template-hash label
 * (apiequality.Semantic.DeepEqual, which treats nil and empty lists and maps alike).
 */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return semanticallyEqual(withoutHashLabel(a), withoutHashLabel(b));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, rss: ReplicaSet[]): ReplicaSet | undefined {
  return [...rss].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: every other ReplicaSet (all of them, and those with replicas). */
export function findOldReplicaSets(d: Deployment, rss: ReplicaSet[]): { old: ReplicaSet[]; allOld: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rss);
  const allOld = rss.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
  return { old: allOld.filter((rs) => replicasOf(rs) !== 0), allOld };
}

/** NewRSNewReplicas: how many replicas the new ReplicaSet may have now. */
export function newRSNewReplicas(
  d: Deployment,
  allRSs: ReadonlyArray<ReplicaSet | undefined>,
  newRS: ReplicaSet,
): number {
  const type = d.spec?.strategy?.type;
  if (type === 'Recreate') return replicasOf(d);
  if (type !== 'RollingUpdate') throw new Error(`deployment type ${type} isn't supported`);
  const surge = valueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge ?? 0, replicasOf(d), true);
  const current = specReplicas(allRSs);
  const maxTotal = replicasOf(d) + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
}

/** IsSaturated: the new ReplicaSet has, wants and makes available all the Deployment's replicas. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  if (desired === undefined || !/^[+-]?\d+$/.test(desired)) return false;
  return (
    replicasOf(rs) === replicasOf(d) &&
    Number(desired) === replicasOf(d) &&
    (rs.status?.availableReplicas ?? 0) === replicasOf(d)
  );
}
