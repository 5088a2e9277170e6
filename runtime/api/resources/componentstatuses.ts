import { resourceType, type ResourceType } from '../resource';
import { column, NAME_COLUMN } from '../table';

type Condition = { type?: string; status?: string; message?: string; error?: string };

/** v1 ComponentStatus (deprecated since v1.19, still served). Its table has no Age column. */
export const componentstatuses: ResourceType = resourceType('ComponentStatus', 'componentstatuses', 'v1', {
  namespaced: false,
  shortNames: ['cs'],
  verbs: ['get', 'list'],
  table: {
    columns: [
      NAME_COLUMN,
      column('Status', 'string', 'Status of the component conditions'),
      column('Message', 'string', 'Message of the component conditions'),
      column('Error', 'string', 'Error of the component conditions'),
    ],
    row(object) {
      // The Healthy condition decides: Healthy or Unhealthy with its message and error; Unknown without one.
      const healthy = ((object.conditions ?? []) as Condition[]).find((c) => c.type === 'Healthy');
      const status = healthy ? (healthy.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown';
      return [object.metadata?.name ?? '', status, healthy?.message ?? '', healthy?.error ?? ''];
    },
  },
});
