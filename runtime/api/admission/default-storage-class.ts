import type { KubeObject } from '../object';
import type { ObjectStore } from '../object-store';
import { storageclasses } from '../resources/storageclasses';

/** storageutil.IsDefaultAnnotation: either annotation set to "true" marks the default class. */
const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];
/** The beta annotation a claim may still name its class with (PersistentVolumeClaimHasClass). */
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * The DefaultStorageClass admission plugin (plugin/pkg/admission/storage/storageclass/setdefault),
 * on CREATE of a PersistentVolumeClaim that names no class: it gets the default StorageClass —
 * the newest of those marked default, by name when equally new (volume util GetDefaultClass).
 * A claim with `storageClassName: ""` asked for no class and keeps it; without a default class
 * the claim is left as it is.
 */
export function admitDefaultStorageClass(objects: ObjectStore, claim: KubeObject): void {
  const spec = (claim.spec ??= {}) as { storageClassName?: string | null };
  if (typeof spec.storageClassName === 'string') return;
  if (claim.metadata?.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return;
  const defaults = objects
    .list(storageclasses, {})
    .items.filter((c) => DEFAULT_ANNOTATIONS.some((a) => c.metadata?.annotations?.[a] === 'true'));
  if (defaults.length === 0) return;
  const created = (c: KubeObject) => Date.parse(c.metadata?.creationTimestamp ?? '') || 0;
  defaults.sort((a, b) => created(b) - created(a) || ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  spec.storageClassName = defaults[0].metadata?.name;
}
