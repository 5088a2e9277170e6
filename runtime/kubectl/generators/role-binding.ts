import {
  checkRequired,
  GeneratorError,
  list,
  nameFromArgs,
  namespaceOf,
  str,
  type Generator,
  type GeneratorInput,
} from './generator';

const RBAC = 'rbac.authorization.k8s.io';

/** Subjects from --user, --group and --serviceaccount (`namespace:name`), in that order. */
function subjects(input: GeneratorInput): unknown[] | undefined {
  const out: unknown[] = [
    ...list(input, 'user').map((name) => ({ kind: 'User', apiGroup: RBAC, name })),
    ...list(input, 'group').map((name) => ({ kind: 'Group', apiGroup: RBAC, name })),
  ];
  for (const sa of list(input, 'serviceaccount')) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || !tokens[0] || !tokens[1])
      throw new GeneratorError('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0] });
  }
  return out.length ? out : undefined;
}

const SUBJECT_FLAGS = [
  { name: 'user', type: 'stringArray' },
  { name: 'group', type: 'stringArray' },
  { name: 'serviceaccount', type: 'stringArray' },
] as const;

/** `kubectl create rolebinding NAME --clusterrole=…|--role=… [--user] [--group] [--serviceaccount]`. */
export const roleBindingGenerator: Generator = {
  name: 'rolebinding',
  aliases: [],
  commandPath: 'kubectl create rolebinding',
  flags: [{ name: 'clusterrole', type: 'string' }, { name: 'role', type: 'string' }, ...SUBJECT_FLAGS],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const role = str(input, 'role');
    const clusterRole = str(input, 'clusterrole');
    if (!role === !clusterRole) throw new GeneratorError('exactly one of clusterrole or role must be specified');
    const list = subjects(input);
    return {
      kind: 'RoleBinding',
      apiVersion: `${RBAC}/v1`,
      metadata: { name, ...namespaceOf(input) },
      ...(list ? { subjects: list } : {}),
      roleRef: { apiGroup: RBAC, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole },
    };
  },
};

/** `kubectl create clusterrolebinding NAME --clusterrole=… [--user] [--group] [--serviceaccount]`. */
export const clusterRoleBindingGenerator: Generator = {
  name: 'clusterrolebinding',
  aliases: [],
  commandPath: 'kubectl create clusterrolebinding',
  flags: [{ name: 'clusterrole', type: 'string' }, ...SUBJECT_FLAGS],
  required: ['clusterrole'],
  build(input) {
    checkRequired(input, this.required);
    const name = nameFromArgs(input, this.commandPath);
    const list = subjects(input);
    return {
      kind: 'ClusterRoleBinding',
      apiVersion: `${RBAC}/v1`,
      metadata: { name },
      ...(list ? { subjects: list } : {}),
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: str(input, 'clusterrole') },
    };
  },
};
