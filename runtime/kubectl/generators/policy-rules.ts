import { GeneratorError, list, type GeneratorInput } from './generator';
import { byBytes } from './go-json';

/** The verbs kubectl knows for resources (create_role.go validResourceVerbs). */
export const VALID_RESOURCE_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];

/** Verbs allowed only on certain group/resources (create_role.go specialVerbs). */
const SPECIAL_VERBS: Record<string, Array<[string, string]>> = {
  use: [
    ['policy', 'podsecuritypolicies'],
    ['extensions', 'podsecuritypolicies'],
  ],
  bind: [
    ['rbac.authorization.k8s.io', 'roles'],
    ['rbac.authorization.k8s.io', 'clusterroles'],
  ],
  escalate: [
    ['rbac.authorization.k8s.io', 'roles'],
    ['rbac.authorization.k8s.io', 'clusterroles'],
  ],
  impersonate: [
    ['', 'users'],
    ['', 'serviceaccounts'],
    ['', 'groups'],
    ['authentication.k8s.io', 'userextras'],
  ],
};

/** One `--resource` value: `resource[.group][/subresource]`. */
export interface ResourceOption {
  group: string;
  resource: string;
  subResource: string;
}

/** Unique values in first-seen order (arrayContains loops). */
export const unique = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) === i);

/** CreateRoleOptions.Complete: verbs (`*` wins), resources (a bare `*` wins) and resource names. */
export function ruleOptions(input: GeneratorInput): {
  verbs: string[];
  resources: ResourceOption[];
  resourceNames: string[];
} {
  const rawVerbs = list(input, 'verb');
  const verbs = rawVerbs.includes('*') ? ['*'] : unique(rawVerbs);
  const resources: ResourceOption[] = [];
  for (const text of list(input, 'resource')) {
    const slash = text.indexOf('/');
    const head = slash < 0 ? text : text.slice(0, slash);
    const dot = head.indexOf('.');
    const option = {
      resource: dot < 0 ? head : head.slice(0, dot),
      group: dot < 0 ? '' : head.slice(dot + 1),
      subResource: slash < 0 ? '' : text.slice(slash + 1),
    };
    if (option.resource === '*' && dot < 0 && slash < 0) {
      resources.splice(0, resources.length, option);
      break;
    }
    resources.push(option);
  }
  return { verbs, resources, resourceNames: unique(list(input, 'resource-name')) };
}

/** Warns about non-standard verbs, as Validate does. */
export function warnVerbs(input: GeneratorInput, verbs: string[]): void {
  for (const verb of verbs) {
    if (!VALID_RESOURCE_VERBS.includes(verb)) input.warn?.(`Warning: '${verb}' is not a standard resource verb`);
  }
}

/** The REST mapper's answer for a resource, or the not-found error kubectl prints bare. */
function resolve(
  input: GeneratorInput,
  r: ResourceOption,
): { group: string; resource: string; error?: GeneratorError } {
  const found = input.resolveResource?.(r.resource, r.group);
  if (found) return found;
  const message = r.group
    ? `the server doesn't have a resource type ${JSON.stringify(r.resource)} in group ${JSON.stringify(r.group)}`
    : `the server doesn't have a resource type ${JSON.stringify(r.resource)}`;
  return { group: r.group, resource: r.resource, error: new GeneratorError(message, false) };
}

/** CreateRoleOptions.validateResource. */
export function validateResources(input: GeneratorInput, verbs: string[], resources: ResourceOption[]): void {
  for (const r of resources) {
    if (!r.resource) throw new GeneratorError('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const resolved = resolve(input, r);
    let error = resolved.error;
    for (const verb of verbs) {
      const allowed = SPECIAL_VERBS[verb];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === resolved.group && res === resolved.resource)) {
        throw new GeneratorError(`can not perform '${verb}' on '${resolved.resource}' in group '${resolved.group}'`);
      }
      error = undefined;
    }
    if (error) throw error;
  }
}

/** generateResourcePolicyRules: one rule per API group (groups sorted), then the non-resource URLs. */
export function policyRules(
  input: GeneratorInput,
  verbs: string[],
  resources: ResourceOption[],
  resourceNames: string[],
  nonResourceURLs: string[],
): unknown[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const resolved = resolve(input, r);
    const name = r.subResource ? `${resolved.resource}/${r.subResource}` : resolved.resource;
    const names = byGroup.get(resolved.group) ?? [];
    if (!names.includes(name)) names.push(name);
    byGroup.set(resolved.group, names);
  }
  const rules: unknown[] = [...byGroup.keys()].sort(byBytes).map((group) => ({
    verbs,
    apiGroups: [group],
    resources: byGroup.get(group),
    ...(resourceNames.length ? { resourceNames } : {}),
  }));
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  return rules;
}
