import { resourceType, type ResourceType } from '../resource';
import { CREATED_AT_TABLE } from './created-at-table';

/** v1 LimitRange. It has no printer: the default Name and Created At table. */
export const limitranges: ResourceType = resourceType('LimitRange', 'limitranges', 'v1', {
  namespaced: true,
  shortNames: ['limits'],
  table: CREATED_AT_TABLE,
});
