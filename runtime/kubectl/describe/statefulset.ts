import { quantityText } from '../../api/resources/printer-cells';
import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { goStringSlice, rfc1123z, selectorString, type LabelSelectorSpec } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { describePodTemplate, podCountsText, podStatusForController } from './pod-template';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import type { KubeObject, ObjectMeta, PodTemplate } from './types';

/** A PersistentVolumeClaim (template) as JSON. */
export interface ClaimSpecHolder {
  metadata?: ObjectMeta;
  spec?: { storageClassName?: string; accessModes?: string[]; resources?: { requests?: Record<string, string> } };
}

/** GetPersistentVolumeClaimClass: the beta annotation when present, else spec.storageClassName. */
export function claimClass(pvc: ClaimSpecHolder): string {
  const beta = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  return beta !== undefined ? beta : (pvc.spec?.storageClassName ?? '');
}

/** apps/v1 StatefulSet. */
interface StatefulSet extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelectorSpec;
    template?: PodTemplate;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
    volumeClaimTemplates?: ClaimSpecHolder[];
  };
  status?: { replicas?: number };
}

function describeClaimTemplates(templates: ClaimSpecHolder[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage === undefined ? '<default>' : quantityText(storage)}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goStringSlice(pvc.spec?.accessModes)}\n`);
  }
}

/** StatefulSetDescriber: the StatefulSet, its pods' phases, its claim templates and its events. */
export async function describeStatefulSet(ctx: DescribeContext): Promise<string> {
  const ss = await getDescribed<StatefulSet>(ctx);
  const counts = await podStatusForController(ctx, ss, ss.spec?.selector);
  const events = await objectEvents(ctx, ss);
  const spec = ss.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru?.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podCountsText(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeClaimTemplates(spec.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
