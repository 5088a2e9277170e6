import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { formatLabels, selectorString, type LabelSelectorSpec } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { describePodTemplate, podCountsText, podStatusForController } from './pod-template';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { KubeObject, PodTemplate } from './types';

/** apps/v1 DaemonSet. */
interface DaemonSet extends KubeObject {
  spec?: { selector?: LabelSelectorSpec; template?: PodTemplate };
  status?: Record<string, number | undefined>;
}

/** DaemonSetDescriber: the DaemonSet, its scheduling counts, its pods' phases and its events. */
export async function describeDaemonSet(ctx: DescribeContext): Promise<string> {
  const ds = await getDescribed<DaemonSet>(ctx);
  const counts = await podStatusForController(ctx, ds, ds.spec?.selector);
  const events = await objectEvents(ctx, ds);
  const s = ds.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podCountsText(counts)}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
