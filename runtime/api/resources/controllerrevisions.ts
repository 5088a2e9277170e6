import type { KubeObject } from '../object';
import { resourceType, type ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';

/** CONTROLLER: the controlling owner as `kind.group/name` (`kind/name` for the core group), or `<none>`. */
function controller(object: KubeObject): string {
  const ref = object.metadata?.ownerReferences?.find((owner) => owner.controller === true);
  if (!ref) return '<none>';
  const apiVersion = ref.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = group ? `${ref.kind}.${group}` : (ref.kind ?? '');
  return kind === '' ? ref.name : `${kind.toLowerCase()}/${ref.name}`;
}

/** apps/v1 ControllerRevision. */
export const controllerrevisions: ResourceType = resourceType('ControllerRevision', 'controllerrevisions', 'apps/v1', {
  namespaced: true,
  table: {
    columns: [
      NAME_COLUMN,
      column('Controller', 'string', 'Controller of the object'),
      column('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
      AGE_COLUMN,
    ],
    row: (object, context) => [
      object.metadata?.name ?? '',
      controller(object),
      (object.revision as number | undefined) ?? 0,
      age(object, context),
    ],
  },
});
