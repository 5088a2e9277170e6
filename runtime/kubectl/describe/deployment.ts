import { collectionPath, listAll } from './api-reads';
import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { rfc1123z, selectorString, type LabelSelectorSpec } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { describePodTemplate, describeWorkloadConditions } from './pod-template';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { ReplicaSet } from './replicaset';
import type { Condition, KubeObject, PodTemplate } from './types';

/** apps/v1 Deployment. */
interface Deployment extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelectorSpec;
    template?: PodTemplate;
    minReadySeconds?: number;
    strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  };
  status?: {
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: Condition[];
  };
}

const HASH_LABEL = 'pod-template-hash';

/** apiequality.Semantic.DeepEqual on JSON: missing, null, empty maps and empty lists are alike. */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown): boolean =>
    v === undefined ||
    v === null ||
    (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => semanticEqual(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    return [...keys].every((k) => semanticEqual(ra[k], rb[k]));
  }
  return a === b;
}

/** equalIgnoreHash: templates equal once the pod-template-hash label is dropped from both. */
function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  const strip = (t: PodTemplate | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels[HASH_LABEL];
    return { ...t, metadata: { ...t?.metadata, labels } };
  };
  return semanticEqual(strip(a), strip(b));
}

const created = (rs: ReplicaSet): string => rs.metadata.creationTimestamp ?? '';

/**
 * GetAllReplicaSetsInChunks: the ReplicaSets matching the selector that the Deployment
 * controls; the new one is the oldest whose template matches; every other one is old.
 */
async function replicaSetsOf(ctx: DescribeContext, d: Deployment): Promise<{ old: ReplicaSet[]; new?: ReplicaSet }> {
  const path = collectionPath('apps', 'v1', 'replicasets', d.metadata.namespace);
  const all = await listAll<ReplicaSet>(
    ctx.api,
    path,
    { labelSelector: selectorString(d.spec?.selector) },
    ctx.options.chunkSize,
  );
  const owned = all
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === d.metadata.uid))
    .sort((a, b) =>
      created(a) === created(b)
        ? (a.metadata.name ?? '') < (b.metadata.name ?? '')
          ? -1
          : 1
        : Date.parse(created(a)) - Date.parse(created(b)),
    );
  const newRs = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { old: owned.filter((rs) => rs !== newRs), new: newRs };
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, comma-joined, or `<none>`. */
function replicaSetsText(list: ReplicaSet[]): string {
  return (
    list
      .map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`)
      .join(', ') || '<none>'
  );
}

/** DeploymentDescriber: the Deployment, its old and new ReplicaSets and its events. */
export async function describeDeployment(ctx: DescribeContext): Promise<string> {
  const d = await getDescribed<Deployment>(ctx);
  const events = await objectEvents(ctx, d);
  const sets = await replicaSetsOf(ctx, d).catch(() => ({ old: [] as ReplicaSet[], new: undefined }));
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru)
      w.write(
        LEVEL_0,
        `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '<nil>'} max unavailable, ${ru.maxSurge ?? '<nil>'} max surge\n`,
      );
    describePodTemplate(spec.template, w);
    describeWorkloadConditions(status.conditions, w);
    if (sets.old.length > 0 || sets.new) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(sets.old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(sets.new ? [sets.new] : [])}\n`);
    }
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
