import { resourceType, type ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';

type StorageClass = {
  provisioner?: string;
  reclaimPolicy?: string | null;
  volumeBindingMode?: string | null;
  allowVolumeExpansion?: boolean | null;
};

/** The annotations that mark the default StorageClass (GA, then beta). */
const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/**
 * storage.k8s.io/v1 StorageClass. Each class annotated as default gets ` (default)` after its
 * name, as v1.34 prints it (only the newest such class does from v1.36 on).
 */
export const storageclasses: ResourceType = resourceType('StorageClass', 'storageclasses', 'storage.k8s.io/v1', {
  namespaced: false,
  shortNames: ['sc'],
  table: {
    columns: [
      NAME_COLUMN,
      column('Provisioner', 'string', 'The type of the provisioner.'),
      column(
        'ReclaimPolicy',
        'string',
        'The reclaim policy of dynamically provisioned volumes: Delete (default) or Retain.',
      ),
      column(
        'VolumeBindingMode',
        'string',
        'How PersistentVolumeClaims should be provisioned and bound: Immediate (default) or WaitForFirstConsumer.',
      ),
      column('AllowVolumeExpansion', 'string', 'Whether the storage class allows volume expand.'),
      AGE_COLUMN,
    ],
    row(object, context) {
      const sc = object as StorageClass;
      const annotations = object.metadata?.annotations ?? {};
      const isDefault = DEFAULT_ANNOTATIONS.some((key) => annotations[key] === 'true');
      return [
        `${object.metadata?.name ?? ''}${isDefault ? ' (default)' : ''}`,
        sc.provisioner ?? '',
        sc.reclaimPolicy ?? 'Delete',
        sc.volumeBindingMode ?? 'Immediate',
        sc.allowVolumeExpansion ?? false,
        age(object, context),
      ];
    },
  },
});
