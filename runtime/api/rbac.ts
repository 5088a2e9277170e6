import type { KubeObject } from './object';
import type { ObjectStore } from './object-store';
import { clusterrolebindings } from './resources/clusterrolebindings';
import { clusterroles } from './resources/clusterroles';
import { rolebindings } from './resources/rolebindings';
import { roles } from './resources/roles';
import { PRIVILEGED_GROUP, type UserInfo } from './user';

// The authorizers of kube-apiserver as minikube runs them: the privileged group (system:masters
// may do anything), then RBAC over the stored roles and bindings
// (plugin/pkg/auth/authorizer/rbac/rbac.go and pkg/registry/rbac/validation/rule.go).

/** What a request asks to do (authorizer.Attributes). */
export type Attributes =
  | {
      kind: 'resource';
      verb: string;
      namespace: string;
      group: string;
      resource: string;
      subresource: string;
      name: string;
    }
  | { kind: 'nonResource'; verb: string; path: string };

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface Binding extends KubeObject {
  subjects?: Subject[];
  roleRef?: { kind: string; name: string };
}

const has = (list: string[] | undefined, value: string): boolean =>
  (list ?? []).some((item) => item === '*' || item === value);

function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (r) => r === '*' || r === combined || (subresource !== '' && r === `*/${subresource}`),
  );
}

function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (url) => url === '*' || url === path || (url.endsWith('*') && path.startsWith(url.slice(0, -1))),
  );
}

/** True when `rule` allows the request (rbac.RuleAllows). */
export function ruleAllows(attributes: Attributes, rule: PolicyRule): boolean {
  if (!has(rule.verbs, attributes.verb)) return false;
  if (attributes.kind === 'nonResource') return nonResourceURLMatches(rule, attributes.path);
  return (
    has(rule.apiGroups, attributes.group) &&
    resourceMatches(rule, attributes.resource, attributes.subresource) &&
    ((rule.resourceNames ?? []).length === 0 || (rule.resourceNames ?? []).includes(attributes.name))
  );
}

function appliesTo(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.username === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount':
      return user.username === `system:serviceaccount:${subject.namespace || bindingNamespace}:${subject.name}`;
    default:
      return false;
  }
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    return `${subject.kind} ${JSON.stringify(`${subject.name}/${subject.namespace || bindingNamespace}`)}`;
  }
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}

/** A binding that applies to the user, with the rules of the role it grants. */
interface Grant {
  source: string;
  rules: PolicyRule[];
}

/** The rules of the binding's role; a missing role is an error the authorizer reports. */
function roleRules(
  objects: ObjectStore,
  binding: Binding,
  namespace: string | undefined,
  errors: string[],
): PolicyRule[] {
  const ref = binding.roleRef;
  if (!ref) return [];
  const isCluster = ref.kind === 'ClusterRole';
  try {
    const role = isCluster ? objects.get(clusterroles, undefined, ref.name) : objects.get(roles, namespace, ref.name);
    return ((role as KubeObject & { rules?: PolicyRule[] }).rules ?? []) as PolicyRule[];
  } catch {
    // The listers' NotFound names the resource in the singular.
    errors.push(
      `${isCluster ? 'clusterrole' : 'role'}.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`,
    );
    return [];
  }
}

/** Every grant the user holds in `namespace` (cluster-wide ones first), in RBAC's visiting order. */
function grants(objects: ObjectStore, user: UserInfo, namespace: string, errors: string[] = []): Grant[] {
  const found: Grant[] = [];
  for (const binding of objects.list(clusterrolebindings, {}).items as Binding[]) {
    const subject = (binding.subjects ?? []).find((s) => appliesTo(user, s, ''));
    if (!subject) continue;
    const ref = binding.roleRef ?? { kind: '', name: '' };
    found.push({
      source: `ClusterRoleBinding ${JSON.stringify(binding.metadata?.name)} of ${ref.kind} ${JSON.stringify(ref.name)} to ${describeSubject(subject, '')}`,
      rules: roleRules(objects, binding, undefined, errors),
    });
  }
  if (namespace === '') return found;
  for (const binding of objects.list(rolebindings, { namespace }).items as Binding[]) {
    const subject = (binding.subjects ?? []).find((s) => appliesTo(user, s, namespace));
    if (!subject) continue;
    const ref = binding.roleRef ?? { kind: '', name: '' };
    found.push({
      source: `RoleBinding ${JSON.stringify(`${binding.metadata?.name}/${namespace}`)} of ${ref.kind} ${JSON.stringify(ref.name)} to ${describeSubject(subject, namespace)}`,
      rules: roleRules(objects, binding, namespace, errors),
    });
  }
  return found;
}

/** The decision on a request: allowed, with the reason the authorizer gives. */
export function authorize(
  objects: ObjectStore,
  user: UserInfo,
  attributes: Attributes,
): { allowed: boolean; reason?: string } {
  if (user.groups.includes(PRIVILEGED_GROUP)) return { allowed: true };
  const namespace = attributes.kind === 'resource' ? attributes.namespace : '';
  const errors: string[] = [];
  for (const grant of grants(objects, user, namespace, errors)) {
    if (grant.rules.some((rule) => ruleAllows(attributes, rule))) {
      return { allowed: true, reason: `RBAC: allowed by ${grant.source}` };
    }
  }
  // utilerrors.NewAggregate: one error as it is, several in brackets.
  if (errors.length === 0) return { allowed: false };
  return { allowed: false, reason: `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}` };
}

/** Every rule the user holds in `namespace` (what SelfSubjectRulesReview lists). */
export function rulesFor(objects: ObjectStore, user: UserInfo, namespace: string): PolicyRule[] {
  return grants(objects, user, namespace).flatMap((grant) => grant.rules);
}
