// The sections of the workloads' detail pages: how each runs its pods, and what it owns.
import type { Json } from './api';
import { conditionsTable, kindTable } from './detail-helpers';
import { ago } from './format';
import { card, chips, escapeHtml, fields } from './html';
import { byPlural, collectionPath, type Kind } from './kinds';
import type { View } from './page';

/** The objects of `plural` in `namespace` that `owner` controls (by owner reference). */
export async function ownedBy(view: View, plural: string, namespace: string, owner: Json): Promise<Json[]> {
  const items = await view.api.list(collectionPath(byPlural(plural) as Kind, namespace));
  return items.filter((item) =>
    ((item.metadata?.ownerReferences ?? []) as Json[]).some((ref) => ref.uid === owner.metadata?.uid),
  );
}

const value = (v: unknown): string => escapeHtml(v ?? '-');
const selector = (object: Json): string => chips(object.spec?.selector?.matchLabels ?? object.spec?.selector);
const images = (spec: Json): string =>
  ((spec?.containers ?? []) as Json[]).map((c) => `<span class="chip">${escapeHtml(c.image)}</span>`).join('') || '-';

/** A card of the pods `owner` controls. */
async function podsCard(view: View, object: Json, owners: Json[] = [object]): Promise<string> {
  const namespace = object.metadata.namespace;
  const pods = (await Promise.all(owners.map((owner) => ownedBy(view, 'pods', namespace, owner)))).flat();
  return card('Pods', kindTable('pods', pods, { ...view, namespace }));
}

async function deployment(object: Json, view: View): Promise<string[]> {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  const namespace = object.metadata.namespace;
  const rolling = spec.strategy?.rollingUpdate ?? {};
  const info = fields([
    ['Strategy', value(spec.strategy?.type ?? 'RollingUpdate')],
    ['Min ready seconds', value(spec.minReadySeconds ?? 0)],
    ['Revision history limit', value(spec.revisionHistoryLimit ?? 10)],
    ['Selector', selector(object)],
    ['Images', images(spec.template?.spec)],
  ]);
  const strategy = fields([
    ['Max surge', value(rolling.maxSurge ?? '25%')],
    ['Max unavailable', value(rolling.maxUnavailable ?? '25%')],
  ]);
  const pods = fields([
    ['Desired', value(spec.replicas ?? 1)],
    ['Updated', value(status.updatedReplicas ?? 0)],
    ['Total', value(status.replicas ?? 0)],
    ['Available', value(status.availableReplicas ?? 0)],
    ['Unavailable', value(status.unavailableReplicas ?? 0)],
  ]);
  const sets = await ownedBy(view, 'replicasets', namespace, object);
  const revision = (rs: Json): string => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '';
  const current = object.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  const isNew = (rs: Json): boolean =>
    current ? revision(rs) === current : (rs.spec?.replicas ?? 0) > 0 || sets.length === 1;
  const scoped = { ...view, namespace };
  return [
    card('Resource information', info),
    card('Rolling update strategy', strategy),
    card('Pods status', pods),
    card('Conditions', conditionsTable(status.conditions, view)),
    card('New Replica Set', kindTable('replicasets', sets.filter(isNew), scoped)),
    card(
      'Old Replica Sets',
      kindTable(
        'replicasets',
        sets.filter((rs) => !isNew(rs)),
        scoped,
      ),
    ),
    await podsCard(view, object, sets),
  ];
}

/** ReplicaSets, StatefulSets and DaemonSets: selector, images, pod counts, their pods. */
async function podSet(object: Json, view: View): Promise<string[]> {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  const daemon = object.kind === 'DaemonSet';
  const info = fields([
    ['Selector', selector(object)],
    ['Images', images(spec.template?.spec)],
    ['Desired', value(daemon ? status.desiredNumberScheduled : (spec.replicas ?? 1))],
    ['Current', value(daemon ? status.currentNumberScheduled : (status.replicas ?? 0))],
    ['Ready', value((daemon ? status.numberReady : status.readyReplicas) ?? 0)],
  ]);
  return [card('Resource information', info), await podsCard(view, object)];
}

async function job(object: Json, view: View): Promise<string[]> {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  const info = fields([
    ['Selector', selector(object)],
    ['Images', images(spec.template?.spec)],
    ['Completions', value(spec.completions ?? 1)],
    ['Parallelism', value(spec.parallelism ?? 1)],
    ['Active', value(status.active ?? 0)],
    ['Succeeded', value(status.succeeded ?? 0)],
    ['Failed', value(status.failed ?? 0)],
  ]);
  return [
    card('Resource information', info),
    card('Conditions', conditionsTable(status.conditions, view)),
    await podsCard(view, object),
  ];
}

async function cronJob(object: Json, view: View): Promise<string[]> {
  const spec = object.spec ?? {};
  const namespace = object.metadata.namespace;
  const info = fields([
    ['Schedule', value(spec.schedule)],
    ['Suspend', value(spec.suspend ?? false)],
    ['Concurrency policy', value(spec.concurrencyPolicy ?? 'Allow')],
    ['Last schedule', value(ago(view.now, object.status?.lastScheduleTime))],
    ['Images', images(spec.jobTemplate?.spec?.template?.spec)],
  ]);
  const jobs = await ownedBy(view, 'jobs', namespace, object);
  return [card('Resource information', info), card('Jobs', kindTable('jobs', jobs, { ...view, namespace }))];
}

/** The workloads' sections by plural. */
export const WORKLOAD_SECTIONS: Record<string, (object: Json, view: View) => Promise<string[]>> = {
  deployments: deployment,
  replicasets: podSet,
  statefulsets: podSet,
  daemonsets: podSet,
  jobs: job,
  cronjobs: cronJob,
};
