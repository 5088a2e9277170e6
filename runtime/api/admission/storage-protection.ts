import type { KubeObject } from '../object';
import type { ResourceType } from '../resource';

/** volumeutil.PVCProtectionFinalizer: the PVC protection controller removes it once no pod uses the claim. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
/** volumeutil.PVProtectionFinalizer: the PV protection controller removes it once the volume is not Bound. */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** The finalizer for each core resource the plugin handles (it matches the group/resource, not the kind). */
const FINALIZERS: Record<string, string> = {
  persistentvolumeclaims: PVC_PROTECTION_FINALIZER,
  persistentvolumes: PV_PROTECTION_FINALIZER,
};

/** The finalizer StorageObjectInUseProtection adds to a new object of `type`, if it handles it. */
export function storageProtectionFinalizer(type: ResourceType): string | undefined {
  return type.group === '' ? FINALIZERS[type.plural] : undefined;
}

/**
 * The StorageObjectInUseProtection admission plugin (plugin/pkg/admission/storage/
 * storageobjectinuseprotection), on CREATE only: appends `kubernetes.io/pvc-protection` to a new
 * PersistentVolumeClaim and `kubernetes.io/pv-protection` to a new PersistentVolume, unless the
 * object already carries it. Other resources pass untouched.
 */
export function admitStorageProtection(type: ResourceType, object: KubeObject): void {
  const finalizer = storageProtectionFinalizer(type);
  if (!finalizer) return;
  const meta = (object.metadata ??= {});
  if (meta.finalizers?.includes(finalizer)) return;
  meta.finalizers = [...(meta.finalizers ?? []), finalizer];
}
