import { resourceType, type ResourceType, STATUS_SUBRESOURCE } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { accessModesText, quantityText, storageClassText } from './printer-cells';

type Spec = {
  volumeName?: string;
  storageClassName?: string | null;
  volumeAttributesClassName?: string | null;
  volumeMode?: string | null;
};
type Status = { phase?: string; accessModes?: string[]; capacity?: Record<string, string> };

/** v1 PersistentVolumeClaim. */
export const persistentvolumeclaims: ResourceType = resourceType(
  'PersistentVolumeClaim',
  'persistentvolumeclaims',
  'v1',
  {
    namespaced: true,
    shortNames: ['pvc'],
    hasStatus: true,
    subresources: [STATUS_SUBRESOURCE],
    table: {
      columns: [
        NAME_COLUMN,
        column('Status', 'string', 'Phase represents the current phase of PersistentVolumeClaim.'),
        column('Volume', 'string', 'The binding reference to the PersistentVolume backing this claim.'),
        column('Capacity', 'string', 'The actual resources of the underlying volume.'),
        column('Access Modes', 'string', 'The actual access modes the volume backing the PVC has.'),
        column('StorageClass', 'string', 'StorageClass of the pvc'),
        column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
        AGE_COLUMN,
        column('VolumeMode', 'string', 'What type of volume is required by the claim.', 1),
      ],
      row(pvc, context) {
        const spec = (pvc.spec ?? {}) as Spec;
        const status = (pvc.status ?? {}) as Status;
        // Capacity and access modes are only shown once the claim names its volume.
        const bound = Boolean(spec.volumeName);
        return [
          pvc.metadata?.name ?? '',
          pvc.metadata?.deletionTimestamp ? 'Terminating' : (status.phase ?? ''),
          spec.volumeName ?? '',
          bound ? quantityText(status.capacity?.storage) : '',
          bound ? accessModesText(status.accessModes) : '',
          storageClassText(pvc.metadata?.annotations, spec.storageClassName),
          spec.volumeAttributesClassName ?? '<unset>',
          age(pvc, context),
          spec.volumeMode ?? '<unset>',
        ];
      },
    },
  },
);
