import { StatusError } from '../api/status';
import type { RestClient } from '../client/rest-client';
import { CONTROLLERREVISIONS, DAEMONSETS, PODS } from '../client/resources';
import {
  ControllerHistory,
  revisionRaw,
  sortControllerRevisions,
  templatePatch,
  type ControllerRevision,
} from './controller-history';
import type { ControllerKind } from './controller-ref';
import { DAEMONSET_UNIQUE_LABEL, type DaemonSet } from './daemonset-util';
import { computeHash } from './pod-template-hash';
import type { Pod } from './pods';

/** The DaemonSet's revisions: the one matching its template, and the others. */
export interface DaemonSetHistory {
  current: ControllerRevision;
  old: ControllerRevision[];
}

/** What the history functions work with: the controller's client, its history and kind. */
export interface DaemonSetHistoryDeps {
  client: RestClient;
  history: ControllerHistory;
  kind: ControllerKind;
}

/** Match: the revision's data is exactly the DaemonSet's getPatch. */
export function matchesRevision(ds: DaemonSet, revision: ControllerRevision): boolean {
  return revisionRaw(revision) === templatePatch(ds).raw;
}

const revisionOf = (r: ControllerRevision): number => r.revision ?? 0;

/**
 * constructHistory (update.go): labels unlabelled revisions with their name as hash, splits them
 * into the current one (its data is the DaemonSet's template) and old ones, then creates the
 * current revision if there is none (numbered past the old ones) or dedups and renumbers it.
 */
export async function constructHistory(
  deps: DaemonSetHistoryDeps,
  ds: DaemonSet,
  histories: ControllerRevision[],
): Promise<DaemonSetHistory> {
  const revisions = deps.client.resource<ControllerRevision>(CONTROLLERREVISIONS, ds.metadata?.namespace);
  const currents: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let history of histories) {
    if (history.metadata?.labels?.[DAEMONSET_UNIQUE_LABEL] === undefined) {
      // The name stands for the hash, so that no collision needs handling.
      const labels = { ...history.metadata?.labels, [DAEMONSET_UNIQUE_LABEL]: history.metadata?.name ?? '' };
      history = await revisions.update({ ...history, metadata: { ...history.metadata, labels } });
    }
    (matchesRevision(ds, history) ? currents : old).push(history);
  }
  const currRevision = Math.max(0, ...old.map(revisionOf)) + 1;
  if (currents.length === 0) return { current: await snapshot(deps, ds, currRevision), old };
  let current = await dedupCurHistories(deps, ds, currents);
  if (revisionOf(current) < currRevision) current = await revisions.update({ ...current, revision: currRevision });
  return { current, old };
}

/**
 * dedupCurHistories: keeps the current revision with the highest number, relabels pods of the
 * duplicates with its hash and deletes the duplicates.
 */
async function dedupCurHistories(
  deps: DaemonSetHistoryDeps,
  ds: DaemonSet,
  currents: ControllerRevision[],
): Promise<ControllerRevision> {
  if (currents.length === 1) return currents[0];
  const keep = currents.reduce((best, r) => (revisionOf(r) > revisionOf(best) ? r : best));
  const keepHash = keep.metadata?.labels?.[DAEMONSET_UNIQUE_LABEL] ?? '';
  const namespace = ds.metadata?.namespace;
  const pods = deps.client.resource<Pod>(PODS, namespace);
  for (const duplicate of currents) {
    if (duplicate === keep) continue;
    const hash = duplicate.metadata?.labels?.[DAEMONSET_UNIQUE_LABEL];
    const selector = `${DAEMONSET_UNIQUE_LABEL}=${hash}`;
    for (const pod of (await pods.list({ labelSelector: selector })).items) {
      const patch = { metadata: { labels: { [DAEMONSET_UNIQUE_LABEL]: keepHash } } };
      await pods.patch(pod.metadata?.name ?? '', 'strategic', patch);
    }
    await deps.history.delete(duplicate);
  }
  return keep;
}

/**
 * snapshot: creates the revision `<ds>-<hash>` of the template (the hash as for pod templates,
 * with the collision count), labelled as the template plus its hash, annotated as the DaemonSet.
 * A name taken by other data raises status.collisionCount and fails, to be retried.
 */
async function snapshot(deps: DaemonSetHistoryDeps, ds: DaemonSet, revision: number): Promise<ControllerRevision> {
  const meta = ds.metadata ?? {};
  const hash = computeHash(ds.spec?.template ?? {}, ds.status?.collisionCount);
  const name = `${meta.name}-${hash}`;
  const revisions = deps.client.resource<ControllerRevision>(CONTROLLERREVISIONS, meta.namespace);
  const history: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: meta.namespace,
      labels: { ...ds.spec?.template?.metadata?.labels, [DAEMONSET_UNIQUE_LABEL]: hash },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [
        { ...deps.kind, name: meta.name ?? '', uid: meta.uid ?? '', controller: true, blockOwnerDeletion: true },
      ],
    },
    data: templatePatch(ds).data,
    revision,
  };
  try {
    return await revisions.create(history);
  } catch (error) {
    if (!(error instanceof StatusError && error.status.code === 409)) throw error;
    const existing = await revisions.get(name);
    if (matchesRevision(ds, existing)) return existing;
    const sets = deps.client.resource<DaemonSet>(DAEMONSETS, meta.namespace);
    const current = await sets.get(meta.name ?? '');
    if ((current.status?.collisionCount ?? undefined) !== (ds.status?.collisionCount ?? undefined)) {
      throw new Error(
        `found a stale collision count (${ds.status?.collisionCount ?? 0}, expected ${current.status?.collisionCount ?? 0}) of DaemonSet "${meta.name}" while processing; will retry until it is updated`,
        { cause: error },
      );
    }
    const collisionCount = (current.status?.collisionCount ?? 0) + 1;
    await sets.updateStatus({ ...current, status: { ...current.status, collisionCount } });
    throw error;
  }
}

/**
 * cleanupHistory: deletes the oldest old revisions past revisionHistoryLimit, sparing any whose
 * hash a live pod still carries.
 */
export async function cleanupHistory(
  deps: DaemonSetHistoryDeps,
  ds: DaemonSet,
  old: ControllerRevision[],
  pods: Pod[],
): Promise<void> {
  let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return;
  const liveHashes = new Set(pods.map((p) => p.metadata?.labels?.[DAEMONSET_UNIQUE_LABEL]).filter(Boolean));
  for (const history of sortControllerRevisions([...old])) {
    if (toKill <= 0) break;
    if (liveHashes.has(history.metadata?.labels?.[DAEMONSET_UNIQUE_LABEL])) continue;
    await deps.history.delete(history);
    toKill--;
  }
}
