import type { KubeObject } from '../api/object';
import { hasStatusCause, hasStatusCode, type RestClient } from '../client/rest-client';
import { DAEMONSETS, PODS } from '../client/resources';
import type { ControllerKind } from './controller-ref';
import type { Node } from '../scheduler/types';
import {
  isPodUpdated,
  nodeShouldRunDaemonPod,
  podByCreationTimestampAndPhase,
  templateGeneration,
  type DaemonSet,
  type DaemonSetStatus,
} from './daemonset-util';
import type { EventRecorder } from './events';
import { isPodAvailable, isPodReady, type Pod } from './pods';

/** What the pod writes need: the controller's client and event recorder. */
export interface PodControlDeps {
  client: RestClient;
  recorder: EventRecorder;
}

/** How often a failed status write is retried on a fresh read (daemon.StatusUpdateRetries). */
const STATUS_UPDATE_RETRIES = 1;

const record =
  (deps: PodControlDeps, owner: KubeObject, kind: ControllerKind, type: 'Normal' | 'Warning') =>
  (reason: string, message: string): void =>
    deps.recorder.event({ ...owner, ...kind }, type, reason, message);

/**
 * RealPodControl.CreatePods: a pod `<owner>-<random>` from `template`, owned by `owner`; the
 * events SuccessfulCreate `Created pod: x` or FailedCreate `Error creating: …`.
 */
export async function createDaemonPod(
  deps: PodControlDeps,
  owner: KubeObject,
  kind: ControllerKind,
  template: { metadata?: KubeObject['metadata']; spec: Record<string, unknown> },
): Promise<Pod> {
  const templateMeta = template.metadata ?? {};
  const labels = { ...templateMeta.labels };
  if (Object.keys(labels).length === 0) throw new Error('unable to create pods, no labels');
  const meta = owner.metadata ?? {};
  const prefix = `${meta.name}-`.length <= 253 ? `${meta.name}-` : (meta.name ?? '');
  const metadata: KubeObject['metadata'] = { generateName: prefix, labels };
  if (templateMeta.annotations && Object.keys(templateMeta.annotations).length > 0) {
    metadata.annotations = { ...templateMeta.annotations };
  }
  metadata.ownerReferences = [
    { ...kind, name: meta.name ?? '', uid: meta.uid ?? '', controller: true, blockOwnerDeletion: true },
  ];
  if (templateMeta.finalizers?.length) metadata.finalizers = [...templateMeta.finalizers];
  try {
    const created = await deps.client.resource<Pod>(PODS, meta.namespace).create({ metadata, spec: template.spec });
    record(deps, owner, kind, 'Normal')('SuccessfulCreate', `Created pod: ${created.metadata?.name}`);
    return created;
  } catch (error) {
    if (!hasStatusCause(error, 'NamespaceTerminating')) {
      record(deps, owner, kind, 'Warning')('FailedCreate', `Error creating: ${(error as Error).message}`);
    }
    throw error;
  }
}

/** RealPodControl.DeletePod: SuccessfulDelete `Deleted pod: x`; a pod already gone throws its 404 quietly. */
export async function deleteDaemonPod(deps: PodControlDeps, ds: DaemonSet, name: string): Promise<void> {
  const kind = { apiVersion: 'apps/v1', kind: 'DaemonSet' };
  try {
    await deps.client.resource<Pod>(PODS, ds.metadata?.namespace).delete(name);
  } catch (error) {
    if (hasStatusCode(error, 404)) throw error;
    record(deps, ds, kind, 'Warning')('FailedDelete', `Error deleting: ${(error as Error).message}`);
    throw new Error(`unable to delete pods: ${(error as Error).message}`, { cause: error });
  }
  record(deps, ds, kind, 'Normal')('SuccessfulDelete', `Deleted pod: ${name}`);
}

/** updateDaemonSetStatus's counts over the nodes that want a daemon pod and those that have one. */
export function calculateStatus(
  ds: DaemonSet,
  nodes: Node[],
  nodeToPods: Map<string, Pod[]>,
  hash: string,
  now: number,
): DaemonSetStatus {
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  const status: DaemonSetStatus = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    updatedNumberScheduled: 0,
    numberAvailable: 0,
  };
  const inc = (field: keyof DaemonSetStatus): void => {
    (status[field] as number)++;
  };
  for (const node of nodes) {
    const pods = [...(nodeToPods.get(node.metadata?.name ?? '') ?? [])];
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (pods.length > 0) inc('numberMisscheduled');
      continue;
    }
    inc('desiredNumberScheduled');
    if (pods.length === 0) continue;
    inc('currentNumberScheduled');
    const pod = pods.sort(podByCreationTimestampAndPhase)[0];
    if (isPodReady(pod)) {
      inc('numberReady');
      if (isPodAvailable(pod, minReadySeconds, now)) inc('numberAvailable');
    }
    if (isPodUpdated(pod, hash, generation)) inc('updatedNumberScheduled');
  }
  status.numberUnavailable = (status.desiredNumberScheduled ?? 0) - (status.numberAvailable ?? 0);
  return status;
}

/** A status as Go serialises apps/v1 DaemonSetStatus: the four counts always, other zeros left out. */
function serializeStatus(status: DaemonSetStatus): DaemonSetStatus {
  const out: DaemonSetStatus = {
    currentNumberScheduled: status.currentNumberScheduled ?? 0,
    numberMisscheduled: status.numberMisscheduled ?? 0,
    desiredNumberScheduled: status.desiredNumberScheduled ?? 0,
    numberReady: status.numberReady ?? 0,
  };
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  if (status.updatedNumberScheduled) out.updatedNumberScheduled = status.updatedNumberScheduled;
  if (status.numberAvailable) out.numberAvailable = status.numberAvailable;
  if (status.numberUnavailable) out.numberUnavailable = status.numberUnavailable;
  if (status.collisionCount !== undefined) out.collisionCount = status.collisionCount;
  if (status.conditions?.length) out.conditions = status.conditions;
  return out;
}

const COUNTS = [
  'desiredNumberScheduled',
  'currentNumberScheduled',
  'numberMisscheduled',
  'numberReady',
  'updatedNumberScheduled',
  'numberAvailable',
  'numberUnavailable',
] as const;

/**
 * storeDaemonSetStatus: nothing to write when the counts agree and observedGeneration is current;
 * otherwise a PUT of the status, retried once on a fresh read.
 */
export async function storeDaemonSetStatus(
  client: RestClient,
  ds: DaemonSet,
  counts: DaemonSetStatus,
  updateObservedGen: boolean,
): Promise<void> {
  const current = ds.status ?? {};
  const generation = ds.metadata?.generation ?? 0;
  const same = COUNTS.every((field) => (current[field] ?? 0) === (counts[field] ?? 0));
  if (same && (current.observedGeneration ?? 0) >= generation) return;
  const sets = client.resource<DaemonSet>(DAEMONSETS, ds.metadata?.namespace);
  let target = ds;
  for (let attempt = 0; ; attempt++) {
    const status = { ...target.status, ...counts };
    if (updateObservedGen) status.observedGeneration = generation;
    try {
      await sets.updateStatus({ ...target, status: serializeStatus(status) });
      return;
    } catch (error) {
      if (attempt >= STATUS_UPDATE_RETRIES) throw error;
      target = await sets.get(ds.metadata?.name ?? '');
    }
  }
}
