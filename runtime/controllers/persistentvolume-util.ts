import type { KubeObject } from '../api/object';
import { parseQuantity } from '../api/quantity';
import type { ObjectReference } from './events';
import { labelSelectorMatcher, type LabelSelectorSpec } from './pods';

// storagehelpers annotations.
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** core/v1 PersistentVolume, the fields the controllers read and write. */
export interface PersistentVolume extends KubeObject {
  spec?: {
    capacity?: Record<string, string>;
    accessModes?: string[];
    claimRef?: ObjectReference;
    persistentVolumeReclaimPolicy?: string;
    storageClassName?: string;
    volumeMode?: string;
    [field: string]: unknown;
  };
  status?: { phase?: string; message?: string; reason?: string; lastPhaseTransitionTime?: string };
}

/** core/v1 PersistentVolumeClaim, the fields the controllers read and write. */
export interface PersistentVolumeClaim extends KubeObject {
  spec?: {
    accessModes?: string[];
    selector?: LabelSelectorSpec;
    resources?: { requests?: Record<string, string> };
    volumeName?: string;
    storageClassName?: string | null;
    volumeMode?: string;
    [field: string]: unknown;
  };
  status?: { phase?: string; accessModes?: string[]; capacity?: Record<string, string>; [field: string]: unknown };
}

/** storage.k8s.io/v1 StorageClass. */
export interface StorageClass extends KubeObject {
  provisioner?: string;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  mountOptions?: string[];
}

/** `namespace/name` of a claim (claimToClaimKey). */
export const claimKey = (claim: KubeObject): string => `${claim.metadata?.namespace}/${claim.metadata?.name}`;

/** claimrefToClaimKey. */
export const claimRefKey = (ref: ObjectReference): string => `${ref.namespace}/${ref.name}`;

/** storagehelpers.GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName. */
export function claimClass(claim: PersistentVolumeClaim): string {
  return claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? claim.spec?.storageClassName ?? '';
}

/** storagehelpers.GetPersistentVolumeClass. */
export function volumeClass(volume: PersistentVolume): string {
  return volume.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? volume.spec?.storageClassName ?? '';
}

/** IsVolumeBoundToClaim: claimRef names the claim (and its UID, once set). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata?.name || ref.namespace !== claim.metadata?.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata?.uid;
}

/** ref.GetReference of a claim, as claimRef carries it. */
export function claimReference(claim: PersistentVolumeClaim): ObjectReference {
  const meta = claim.metadata ?? {};
  return {
    kind: 'PersistentVolumeClaim',
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid,
    apiVersion: 'v1',
    resourceVersion: meta.resourceVersion,
  };
}

/** The storage of a resource list in thousandths of a byte (Quantity.Cmp's order). */
const storageBytes = (list: Record<string, string> | undefined): number | undefined => {
  const text = list?.storage;
  const quantity = text === undefined ? undefined : parseQuantity(text);
  return quantity ? Number(quantity.milli) : undefined;
};

/** checkVolumeModeMismatches: Filesystem unless said otherwise, and both must agree. */
const volumeModeMismatch = (claim: PersistentVolumeClaim, volume: PersistentVolume): boolean =>
  (claim.spec?.volumeMode ?? 'Filesystem') !== (volume.spec?.volumeMode ?? 'Filesystem');

/**
 * findBestMatchForClaim (FindMatchingVolume over the access-mode index): a volume pre-bound to
 * the claim wins; otherwise the smallest Available, unclaimed volume with all the claim's access
 * modes (fewest extra modes first), enough capacity, the same class, a matching selector and
 * volume mode. Delayed binding matches only pre-bound volumes (the scheduler binds the rest).
 */
export function findBestMatch(
  claim: PersistentVolumeClaim,
  volumes: PersistentVolume[],
  delayBinding: boolean,
): PersistentVolume | undefined {
  const requested = storageBytes(claim.spec?.resources?.requests) ?? 0;
  const modes = claim.spec?.accessModes ?? [];
  const selector = claim.spec?.selector;
  const matches = selector ? labelSelectorMatcher(selector) : () => true;
  const requestedClass = claimClass(claim);
  const candidates = volumes
    .filter((v) => modes.every((m) => v.spec?.accessModes?.includes(m)))
    .sort(
      (a, b) =>
        (a.spec?.accessModes?.length ?? 0) - (b.spec?.accessModes?.length ?? 0) ||
        (storageBytes(a.spec?.capacity) ?? 0) - (storageBytes(b.spec?.capacity) ?? 0),
    );
  let best: PersistentVolume | undefined;
  for (const volume of candidates) {
    const size = storageBytes(volume.spec?.capacity) ?? 0;
    if (size < requested || volumeModeMismatch(claim, volume) || volume.metadata?.deletionTimestamp) continue;
    if (volume.spec?.claimRef && isVolumeBoundToClaim(volume, claim)) return volume;
    if (delayBinding) continue;
    if (volume.status?.phase !== 'Available' || volume.spec?.claimRef) continue;
    if (!matches(volume.metadata?.labels) || volumeClass(volume) !== requestedClass) continue;
    if (!best || (storageBytes(best.spec?.capacity) ?? 0) > size) best = volume;
  }
  return best;
}

/** The numeric resourceVersion of an object, for storeObjectUpdate's comparisons. */
export const versionOf = (object: KubeObject | undefined): number => Number(object?.metadata?.resourceVersion ?? 0);
