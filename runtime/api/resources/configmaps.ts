import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType } from '../resource';

const count = (value: unknown): number => Object.keys((value as object | undefined) ?? {}).length;

/** core/v1 ConfigMap. */
export const configmaps: ResourceType = resourceType('ConfigMap', 'configmaps', 'v1', {
  namespaced: true,
  shortNames: ['cm'],
  table: {
    columns: [NAME_COLUMN, column('Data', 'string', 'Data contains the configuration data'), AGE_COLUMN],
    row: (cm, context) => [cm.metadata?.name ?? '', count(cm.data) + count(cm.binaryData), age(cm, context)],
  },
});
