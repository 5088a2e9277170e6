import type { PolicyRule } from '../rbac';
import { resourceType, type ResourceType } from '../resource';

/** What `kubectl auth can-i --list` shows: the caller's rules in a namespace. */
function splitRules(rules: PolicyRule[]) {
  const resourceRules = rules
    .filter((r) => (r.nonResourceURLs ?? []).length === 0)
    .map((r) => ({
      verbs: r.verbs ?? [],
      ...(r.apiGroups ? { apiGroups: r.apiGroups } : {}),
      ...(r.resources ? { resources: r.resources } : {}),
      ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
    }));
  const nonResourceRules = rules
    .filter((r) => (r.nonResourceURLs ?? []).length > 0)
    .map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs }));
  return { resourceRules, nonResourceRules, incomplete: false };
}

/** authorization.k8s.io/v1 SelfSubjectRulesReview. */
export const selfsubjectrulesreviews: ResourceType = resourceType(
  'SelfSubjectRulesReview',
  'selfsubjectrulesreviews',
  'authorization.k8s.io/v1',
  {
    namespaced: false,
    verbs: ['create'],
    validate: (review) =>
      (review.spec as { namespace?: string } | undefined)?.namespace
        ? []
        : [{ type: 'FieldValueRequired', field: 'spec.namespace', message: 'Required value' }],
    review: (object, context) => {
      const namespace = (object.spec as { namespace: string }).namespace;
      return { ...object, status: splitRules(context.rules(context.user, namespace)) };
    },
  },
);
