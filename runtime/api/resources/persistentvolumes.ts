import { resourceType, type ResourceType, STATUS_SUBRESOURCE } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { accessModesText, quantityText, storageClassText } from './printer-cells';

type Spec = {
  capacity?: Record<string, string>;
  accessModes?: string[];
  persistentVolumeReclaimPolicy?: string;
  claimRef?: { namespace?: string; name?: string } | null;
  storageClassName?: string;
  volumeAttributesClassName?: string | null;
  volumeMode?: string | null;
};
type Status = { phase?: string; reason?: string };

/** v1 PersistentVolume. */
export const persistentvolumes: ResourceType = resourceType('PersistentVolume', 'persistentvolumes', 'v1', {
  namespaced: false,
  shortNames: ['pv'],
  hasStatus: true,
  subresources: [STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Capacity', 'string', "The description of the persistent volume's resources and capacity."),
      column('Access Modes', 'string', 'All ways the volume can be mounted.'),
      column('Reclaim Policy', 'string', 'What happens to a persistent volume when released from its claim.'),
      column('Status', 'string', 'Phase indicates if a volume is available, bound to a claim, or released by a claim.'),
      column('Claim', 'string', 'The binding between this persistent volume and its claim.'),
      column('StorageClass', 'string', 'StorageClass of the pv'),
      column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
      column('Reason', 'string', 'A brief CamelCase string that describes any failure.'),
      AGE_COLUMN,
      column(
        'VolumeMode',
        'string',
        'Defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
        1,
      ),
    ],
    row(pv, context) {
      const spec = (pv.spec ?? {}) as Spec;
      const status = (pv.status ?? {}) as Status;
      const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
      return [
        pv.metadata?.name ?? '',
        quantityText(spec.capacity?.storage),
        accessModesText(spec.accessModes),
        spec.persistentVolumeReclaimPolicy ?? '',
        pv.metadata?.deletionTimestamp ? 'Terminating' : (status.phase ?? ''),
        claim,
        storageClassText(pv.metadata?.annotations, spec.storageClassName),
        spec.volumeAttributesClassName ?? '<unset>',
        status.reason ?? '',
        age(pv, context),
        spec.volumeMode ?? '<unset>',
      ];
    },
  },
});
