import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { formatLabels } from './go-format';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** storage/v1 StorageClass. */
interface StorageClass extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
  allowVolumeExpansion?: boolean;
  mountOptions?: string[];
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowedTopologies?: Array<{ matchLabelExpressions?: Array<{ key: string; values?: string[] }> }>;
}

/** IsDefaultAnnotationText: `Yes` when annotated as the default class (GA or beta), else `No`. */
function isDefaultText(sc: StorageClass): string {
  const a = sc.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
    ? 'Yes'
    : 'No';
}

/** StorageClassDescriber: provisioner, parameters, policies, topologies and events. */
export async function describeStorageClass(ctx: DescribeContext): Promise<string> {
  const sc = await getDescribed<StorageClass>(ctx);
  const events = await objectEvents(ctx, sc);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultText(sc)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    const expansion = sc.allowVolumeExpansion;
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${expansion === undefined ? '<unset>' : expansion ? 'True' : 'False'}\n`);
    if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const option of sc.mountOptions) w.write(LEVEL_1, `${option}\n`);
    }
    if (sc.reclaimPolicy !== undefined) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode !== undefined) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = term.matchLabelExpressions ?? [];
          if (reqs.length === 0) w.writeLine('<none>');
          reqs.forEach((req, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            w.write(LEVEL_0, `${req.key} in [${(req.values ?? []).join(', ')}]\n`);
          });
        });
      }
    }
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
