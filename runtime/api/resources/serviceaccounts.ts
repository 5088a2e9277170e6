import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType } from '../resource';

/** core/v1 ServiceAccount. */
export const serviceaccounts: ResourceType = resourceType('ServiceAccount', 'serviceaccounts', 'v1', {
  namespaced: true,
  shortNames: ['sa'],
  subresources: [
    { name: 'token', kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] },
  ],
  table: {
    columns: [
      NAME_COLUMN,
      column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace'),
      AGE_COLUMN,
    ],
    row: (sa, context) => [
      sa.metadata?.name ?? '',
      Array.isArray(sa.secrets) ? sa.secrets.length : 0,
      age(sa, context),
    ],
  },
});
