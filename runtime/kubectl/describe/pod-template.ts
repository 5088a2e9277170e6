import { collectionPath, listAll } from './api-reads';
import { describeContainers } from './containers';
import type { DescribeContext } from './context';
import { selectorString, type LabelSelectorSpec } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './meta-lines';
import { describeTopologySpread } from './pod';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import type { KubeObject, Pod, PodTemplate } from './types';
import { describeVolumes } from './volumes';

/** DescribePodTemplate: the `Pod Template:` section of a workload. */
export function describePodTemplate(template: PodTemplate | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length)
    describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpread(spec, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

/** Pods of a controller by phase: getPodStatusForController's counts. */
export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * getPodStatusForController: lists the pods matching `selector` in the controller's namespace
 * (chunked) and counts, by phase, those it controls (its UID in their controller reference).
 */
export async function podStatusForController(
  ctx: DescribeContext,
  owner: KubeObject,
  selector: LabelSelectorSpec | undefined,
): Promise<PodCounts> {
  const query: Record<string, string> = {};
  const text = selectorString(selector);
  if (text) query.labelSelector = text;
  const path = collectionPath('', 'v1', 'pods', owner.metadata.namespace);
  const pods = await listAll<Pod>(ctx.api, path, query, ctx.options.chunkSize);
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

/** The `Pods Status:` value of a controller. */
export function podCountsText(c: PodCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

/** The conditions table of a Deployment, ReplicaSet or ReplicationController. */
export function describeWorkloadConditions(
  conditions: Array<{ type: string; status: string; reason?: string }> | undefined,
  w: PrefixWriter,
): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}
