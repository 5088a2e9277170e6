import { clone, type KubeObject } from '../api/object';
import { isPodAvailable, isPodReady, type LabelSelectorSpec, type Pod } from './pods';

/** apps/v1 StatefulSet, the fields the controller reads and writes. */
export interface StatefulSet extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelectorSpec;
    serviceName?: string;
    template?: { metadata?: KubeObject['metadata']; spec?: Record<string, unknown> };
    volumeClaimTemplates?: PersistentVolumeClaim[];
    podManagementPolicy?: string;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
    revisionHistoryLimit?: number;
    minReadySeconds?: number;
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
    ordinals?: { start?: number };
  };
  status?: StatefulSetStatus;
}

/** apps/v1 StatefulSetStatus. */
export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas?: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
  conditions?: unknown[];
  availableReplicas?: number;
}

/** core/v1 PersistentVolumeClaim, as a StatefulSet's claim templates and the claims made from them. */
export interface PersistentVolumeClaim extends KubeObject {
  spec?: Record<string, unknown>;
}

/** The pod label naming the pod's revision (apps.StatefulSetRevisionLabel). */
export const STATEFULSET_REVISION_LABEL = 'controller-revision-hash';
/** The pod label holding the pod's own name (apps.StatefulSetPodNameLabel). */
export const STATEFULSET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** The pod label holding the pod's ordinal (apps.PodIndexLabel). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** getParentNameAndOrdinal: `web-2` → web, 2; ordinal −1 for a name without one. */
export function parentAndOrdinal(pod: Pod): { parent: string; ordinal: number } {
  const match = /^(.*)-([0-9]+)$/.exec(pod.metadata?.name ?? '');
  if (!match) return { parent: '', ordinal: -1 };
  const ordinal = Number(match[2]);
  return Number.isSafeInteger(ordinal) && ordinal <= 2147483647
    ? { parent: match[1], ordinal }
    : { parent: '', ordinal: -1 };
}

/** getOrdinal. */
export const ordinalOf = (pod: Pod): number => parentAndOrdinal(pod).ordinal;

/** getStartOrdinal: spec.ordinals.start (0 by default). */
export const startOrdinal = (set: StatefulSet): number => set.spec?.ordinals?.start ?? 0;

/** getEndOrdinal: the last ordinal the set's replicas cover. */
export const endOrdinal = (set: StatefulSet): number => startOrdinal(set) + (set.spec?.replicas ?? 1) - 1;

/** isMemberOf: the pod's name says it belongs to the set. */
export const isMemberOf = (set: StatefulSet, pod: Pod): boolean => parentAndOrdinal(pod).parent === set.metadata?.name;

/** getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`. */
export const claimName = (set: StatefulSet, template: PersistentVolumeClaim, ordinal: number): string =>
  `${template.metadata?.name}-${set.metadata?.name}-${ordinal}`;

/**
 * getPersistentVolumeClaims: the claims a pod of `ordinal` needs, by template name: each template
 * named for the pod, in the set's namespace, labelled with the set's selector's matchLabels.
 */
export function persistentVolumeClaims(set: StatefulSet, ordinal: number): Map<string, PersistentVolumeClaim> {
  const claims = new Map<string, PersistentVolumeClaim>();
  const selectorLabels = set.spec?.selector?.matchLabels ?? {};
  for (const template of set.spec?.volumeClaimTemplates ?? []) {
    const claim = clone(template);
    const metadata = { ...claim.metadata };
    metadata.name = claimName(set, template, ordinal);
    metadata.namespace = set.metadata?.namespace;
    metadata.labels = { ...metadata.labels, ...selectorLabels };
    claims.set(template.metadata?.name ?? '', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...claim, metadata });
  }
  return claims;
}

type Volume = { name: string; persistentVolumeClaim?: { claimName: string; readOnly?: boolean } };

/** updateStorage: a volume per claim template pointing at the pod's claim, then the template's other volumes. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const spec = (pod.spec ??= {}) as { volumes?: Volume[] };
  const claims = persistentVolumeClaims(set, ordinalOf(pod));
  if (claims.size === 0) return;
  const volumes: Volume[] = [...claims].map(([name, claim]) => ({
    name,
    persistentVolumeClaim: { claimName: claim.metadata?.name ?? '' },
  }));
  for (const volume of spec.volumes ?? []) if (!claims.has(volume.name)) volumes.push(volume);
  spec.volumes = volumes;
}

/** updateIdentity: the pod's name, namespace and its pod-name and pod-index labels. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = ordinalOf(pod);
  const meta = (pod.metadata ??= {});
  meta.name = `${set.metadata?.name}-${ordinal}`;
  meta.namespace = set.metadata?.namespace;
  meta.labels = { ...meta.labels, [STATEFULSET_POD_NAME_LABEL]: meta.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** identityMatches: the pod is the set's, named and labelled for its ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod);
  const meta = pod.metadata ?? {};
  return (
    ordinal >= 0 &&
    set.metadata?.name === parent &&
    meta.name === `${set.metadata?.name}-${ordinal}` &&
    meta.namespace === set.metadata?.namespace &&
    meta.labels?.[STATEFULSET_POD_NAME_LABEL] === meta.name
  );
}

/** storageMatches: every claim template has a volume pointing at the pod's claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map(((pod.spec?.volumes ?? []) as Volume[]).map((v) => [v.name, v]));
  return (set.spec?.volumeClaimTemplates ?? []).every((template) => {
    const volume = volumes.get(template.metadata?.name ?? '');
    return volume?.persistentVolumeClaim?.claimName === claimName(set, template, ordinal);
  });
}

/**
 * newStatefulSetPod: the pod of `ordinal` from the set's template (GetPodFromTemplate: labels,
 * annotations, finalizers, generateName `<set>-`, the controller reference), named `<set>-<ordinal>`
 * with hostname the name and subdomain the service, and volumes for its claims.
 */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const meta = set.metadata ?? {};
  const template = set.spec?.template ?? {};
  const templateMeta = template.metadata ?? {};
  const metadata: KubeObject['metadata'] = { name: `${meta.name}-${ordinal}`, generateName: `${meta.name}-` };
  metadata.labels = { ...templateMeta.labels };
  if (templateMeta.annotations) metadata.annotations = { ...templateMeta.annotations };
  if (templateMeta.finalizers?.length) metadata.finalizers = [...templateMeta.finalizers];
  metadata.ownerReferences = [
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: meta.name ?? '',
      uid: meta.uid ?? '',
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  const pod: Pod = { metadata, spec: clone(template.spec ?? {}) };
  updateIdentity(set, pod);
  (pod.spec as Record<string, unknown>).hostname = metadata.name;
  if (set.spec?.serviceName) (pod.spec as Record<string, unknown>).subdomain = set.spec.serviceName;
  updateStorage(set, pod);
  return pod;
}

/**
 * newVersionedStatefulSetPod: below the partition (or, without rollingUpdate, below the current
 * replicas) a RollingUpdate set keeps making pods at the current revision; otherwise the update one.
 */
export function newVersionedStatefulSetPod(
  currentSet: StatefulSet,
  updateSet: StatefulSet,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): Pod {
  const strategy = currentSet.spec?.updateStrategy;
  const start = startOrdinal(currentSet);
  const keepCurrent =
    strategy?.type === 'RollingUpdate' &&
    ((strategy.rollingUpdate === undefined && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
      (strategy.rollingUpdate !== undefined && ordinal < start + (strategy.rollingUpdate.partition ?? 0)));
  const pod = newStatefulSetPod(keepCurrent ? currentSet : updateSet, ordinal);
  pod.metadata = {
    ...pod.metadata,
    labels: { ...pod.metadata?.labels, [STATEFULSET_REVISION_LABEL]: keepCurrent ? currentRevision : updateRevision },
  };
  return pod;
}

/** getPodRevision. */
export const podRevision = (pod: Pod): string | undefined => pod.metadata?.labels?.[STATEFULSET_REVISION_LABEL];

/** isCreated: the pod has a phase (a pod only planned has none). */
export const isCreated = (pod: Pod): boolean => !!pod.status?.phase;
/** isPending. */
export const isPending = (pod: Pod): boolean => pod.status?.phase === 'Pending';
/** isFailed. */
export const isFailed = (pod: Pod): boolean => pod.status?.phase === 'Failed';
/** isSucceeded. */
export const isSucceeded = (pod: Pod): boolean => pod.status?.phase === 'Succeeded';
/** isTerminating. */
export const isTerminating = (pod: Pod): boolean => !!pod.metadata?.deletionTimestamp;
/** isRunningAndReady. */
export const isRunningAndReady = (pod: Pod): boolean => pod.status?.phase === 'Running' && isPodReady(pod);
/** isRunningAndAvailable. */
export const isRunningAndAvailable = (pod: Pod, minReadySeconds: number, now: number): boolean =>
  pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
/** isHealthy: running, ready and not being deleted. */
export const isHealthy = (pod: Pod): boolean => isRunningAndReady(pod) && !isTerminating(pod);

/** updateStatus/computeReplicaStatus: the counts over every list of pods. */
export function computeReplicaStatus(
  status: StatefulSetStatus,
  minReadySeconds: number,
  now: number,
  ...lists: Pod[][]
): void {
  status.replicas = 0;
  status.readyReplicas = 0;
  status.availableReplicas = 0;
  status.currentReplicas = 0;
  status.updatedReplicas = 0;
  for (const pod of lists.flat()) {
    if (isCreated(pod)) status.replicas++;
    if (isRunningAndReady(pod)) {
      status.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, now)) status.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = podRevision(pod);
      if (revision === status.currentRevision) status.currentReplicas++;
      if (revision === status.updateRevision) status.updatedReplicas++;
    }
  }
}

/** A status as Go serialises apps/v1 StatefulSetStatus: replicas and availableReplicas always, other zeros left out. */
export function serializeStatefulSetStatus(status: StatefulSetStatus): StatefulSetStatus {
  const out: StatefulSetStatus = {};
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  out.replicas = status.replicas ?? 0;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.currentReplicas) out.currentReplicas = status.currentReplicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.currentRevision) out.currentRevision = status.currentRevision;
  if (status.updateRevision) out.updateRevision = status.updateRevision;
  if (status.collisionCount !== undefined) out.collisionCount = status.collisionCount;
  if (status.conditions?.length) out.conditions = status.conditions;
  out.availableReplicas = status.availableReplicas ?? 0;
  return out;
}
