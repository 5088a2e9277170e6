import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { formatLabelSelector, type LabelSelectorSpec } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { controllerOf } from './pod';
import {
  describePodTemplate,
  describeWorkloadConditions,
  podCountsText,
  podStatusForController,
  type PodCounts,
} from './pod-template';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { Condition, KubeObject, PodTemplate } from './types';

/** apps/v1 ReplicaSet. */
export interface ReplicaSet extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelectorSpec; template?: PodTemplate };
  status?: { replicas?: number; conditions?: Condition[] };
}

/** ReplicaSetDescriber: the ReplicaSet, its pods' phases and its events. */
export async function describeReplicaSet(ctx: DescribeContext): Promise<string> {
  const rs = await getDescribed<ReplicaSet>(ctx);
  let counts: PodCounts | undefined;
  let podError = '';
  try {
    counts = await podStatusForController(ctx, rs, rs.spec?.selector);
  } catch (error) {
    podError = error instanceof Error ? error.message : String(error);
  }
  const events = await objectEvents(ctx, rs);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = controllerOf(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, counts ? `${podCountsText(counts)}\n` : `error in fetching pods: ${podError}\n`);
    describePodTemplate(rs.spec?.template, w);
    describeWorkloadConditions(rs.status?.conditions, w);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
