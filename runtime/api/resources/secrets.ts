import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType } from '../resource';

/** core/v1 Secret. */
export const secrets: ResourceType = resourceType('Secret', 'secrets', 'v1', {
  namespaced: true,
  table: {
    columns: [
      NAME_COLUMN,
      column('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
      column('Data', 'string', 'Data contains the secret data'),
      AGE_COLUMN,
    ],
    row: (secret, context) => [
      secret.metadata?.name ?? '',
      String(secret.type ?? ''),
      Object.keys((secret.data as object | undefined) ?? {}).length,
      age(secret, context),
    ],
  },
  defaults(secret) {
    secret.type ??= 'Opaque';
  },
  selectableFields: (secret) => ({ type: String(secret.type ?? '') }),
});
