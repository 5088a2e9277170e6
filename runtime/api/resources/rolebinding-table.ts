import type { KubeObject } from '../object';
import type { PrintContext, ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';

type Subject = { kind?: string; name?: string; namespace?: string };
type Binding = { roleRef?: { kind?: string; name?: string }; subjects?: Subject[] };

/** The users, groups and service accounts (`namespace/name`) a binding names, each `, `-joined. */
function subjectCells(subjects: Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const subject of subjects ?? []) {
    if (subject.kind === 'User') users.push(subject.name ?? '');
    else if (subject.kind === 'Group') groups.push(subject.name ?? '');
    else if (subject.kind === 'ServiceAccount')
      serviceAccounts.push(`${subject.namespace ?? ''}/${subject.name ?? ''}`);
  }
  return [users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}

/** The table of RoleBindings and ClusterRoleBindings (`what` names the kind in the descriptions). */
export function bindingTable(what: string): NonNullable<ResourceType['table']> {
  return {
    columns: [
      NAME_COLUMN,
      column(
        'Role',
        'string',
        'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.',
      ),
      AGE_COLUMN,
      column('Users', 'string', `Users in the ${what}`, 1),
      column('Groups', 'string', `Groups in the ${what}`, 1),
      column('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, 1),
    ],
    row(object: KubeObject, context: PrintContext) {
      const binding = object as Binding;
      return [
        object.metadata?.name ?? '',
        `${binding.roleRef?.kind ?? ''}/${binding.roleRef?.name ?? ''}`,
        age(object, context),
        ...subjectCells(binding.subjects),
      ];
    },
  };
}
