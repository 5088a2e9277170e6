import { accessModesText, quantityText } from '../../api/resources/printer-cells';
import { collectionPath, listAll } from './api-reads';
import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { goStringSlice, rfc1123z, timestampSince } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer';
import { claimClass } from './statefulset';
import type { Condition, KubeObject, ObjectMeta, Pod } from './types';
import { describeVolumes } from './volumes';

/** v1 PersistentVolume. */
interface PersistentVolume extends KubeObject {
  metadata: ObjectMeta & { finalizers?: string[] };
  spec?: Record<string, unknown> & {
    storageClassName?: string;
    claimRef?: { namespace?: string; name?: string };
    persistentVolumeReclaimPolicy?: string;
    accessModes?: string[];
    volumeMode?: string;
    capacity?: Record<string, string>;
    nodeAffinity?: {
      required?: {
        nodeSelectorTerms?: Array<{ matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> }>;
      };
    };
  };
  status?: { phase?: string; message?: string };
}

/** v1 PersistentVolumeClaim. */
interface PersistentVolumeClaim extends KubeObject {
  metadata: ObjectMeta & { finalizers?: string[] };
  spec?: {
    storageClassName?: string;
    volumeName?: string;
    volumeMode?: string;
    dataSource?: { apiGroup?: string; kind?: string; name?: string };
  };
  status?: { phase?: string; accessModes?: string[]; capacity?: Record<string, string>; conditions?: Condition[] };
}

function printNodeAffinity(w: PrefixWriter, affinity: NonNullable<PersistentVolume['spec']>['nodeAffinity']): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = affinity.required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) w.writeLine('<none>');
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${req.key} ${req.operator.toLowerCase()}`;
      if (req.values?.length) expr += ` [${req.values.join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

/** PersistentVolumeDescriber: class, status, claim, capacity, node affinity, source, events. */
export async function describePersistentVolume(ctx: DescribeContext): Promise<string> {
  const pv = await getDescribed<PersistentVolume>(ctx);
  const events = await objectEvents(ctx, pv);
  const spec = pv.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pv.metadata.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimClass(pv)}\n`);
    if (pv.metadata.deletionTimestamp)
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${timestampSince(pv.metadata.deletionTimestamp, ctx.options.now)})\n`,
      );
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    w.write(
      LEVEL_0,
      `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`,
    );
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesText(spec.accessModes)}\n`);
    if (spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${quantityText(spec.capacity?.storage)}\n`);
    printNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    writeSource(w, spec);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}

function writeSource(w: PrefixWriter, spec: Record<string, unknown>): void {
  const source = spec as Record<string, Record<string, unknown> | undefined>;
  if (source.local) {
    w.write(
      LEVEL_2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${String(source.local.path ?? '')}\n`,
    );
    return;
  }
  if (source.csi) {
    const c = source.csi;
    w.write(
      LEVEL_2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${String(c.driver ?? '')}\n` +
        `    FSType:\t${String(c.fsType ?? '')}\n    VolumeHandle:\t${String(c.volumeHandle ?? '')}\n    ReadOnly:\t${c.readOnly === true}\n`,
    );
    return;
  }
  describeVolumeSourceOnly(w, spec);
}

/** A pod volume source's lines (hostPath, nfs…) for a PV: describeVolumes without its two headings. */
function describeVolumeSourceOnly(w: PrefixWriter, spec: Record<string, unknown>): void {
  const skip = { skipped: 0 };
  const filtered: PrefixWriter = {
    write: (level, text) => {
      // describeVolumes writes `Volumes:` and the volume's name first: leave those two out.
      if (skip.skipped < 2) {
        skip.skipped++;
        return;
      }
      w.write(level, text);
    },
    writeLine: (text) => w.writeLine(text),
    flush: () => w.flush(),
  };
  describeVolumes([{ name: '', ...spec }], filtered, '');
}

/** getPodsForPVC: the namespace's pods that mount the claim, then pods owning it. */
async function podsForClaim(ctx: DescribeContext, pvc: PersistentVolumeClaim): Promise<Pod[]> {
  const all = await listAll<Pod>(ctx.api, collectionPath('', 'v1', 'pods', ctx.namespace), {}, ctx.options.chunkSize);
  const pods: Pod[] = [];
  for (const pod of all)
    for (const v of pod.spec?.volumes ?? [])
      if ((v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName === pvc.metadata.name)
        pods.push(pod);
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = all.find((p) => p.metadata.uid === ref.uid);
    if (owner && !pods.some((p) => p.metadata.uid === owner.metadata.uid)) pods.push(owner);
  }
  return pods;
}

/** PersistentVolumeClaimDescriber: class, status, volume, capacity, the pods using it, events. */
export async function describePersistentVolumeClaim(ctx: DescribeContext): Promise<string> {
  const pvc = await getDescribed<PersistentVolumeClaim>(ctx);
  const pods = await podsForClaim(ctx, pvc);
  const events = await objectEvents(ctx, pvc);
  const spec = pvc.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
    if (pvc.metadata.deletionTimestamp)
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${timestampSince(pvc.metadata.deletionTimestamp, ctx.options.now)})\n`,
      );
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pvc.metadata.finalizers)}\n`);
    const bound = !!spec.volumeName;
    w.write(LEVEL_0, `Capacity:\t${bound ? quantityText(pvc.status?.capacity?.storage) : ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
    if (spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    if (spec.dataSource) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (spec.dataSource.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind ?? ''}\n`);
      w.write(LEVEL_1, `Name:\t${spec.dataSource.name ?? ''}\n`);
    }
    printPodNames(w, 'Used By', pods);
    if (pvc.status?.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of pvc.status.conditions)
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
    }
    if (events) describeEvents(events, w, ctx.options.now);
  });
}

/** printPodsMultiline: pod names sorted, one a line; `<none>` for none. */
function printPodNames(w: PrefixWriter, title: string, pods: Pod[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (pods.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const names = pods.map((p) => p.metadata.name ?? '').sort();
  names.forEach((name, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${name}\n`);
  });
}
