import { decide, subjectOf, validateSubject } from '../access-review';
import type { KubeObject } from '../object';
import { resourceType, type FieldError, type ResourceType } from '../resource';

/** The namespace of the attributes must be the review's own (ValidateLocalSubjectAccessReview). */
function validateLocal(review: KubeObject): FieldError[] {
  const errors = validateSubject(review);
  const spec = (review.spec ?? {}) as { resourceAttributes?: { namespace?: string } | null };
  const namespace = review.metadata?.namespace ?? '';
  if (spec.resourceAttributes && (spec.resourceAttributes.namespace ?? '') !== namespace) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'spec.resourceAttributes.namespace',
      message: `Invalid value: ${JSON.stringify(spec.resourceAttributes.namespace ?? '')}: must match metadata.namespace`,
    });
  }
  return errors;
}

/** authorization.k8s.io/v1 LocalSubjectAccessReview: a SubjectAccessReview within one namespace. */
export const localsubjectaccessreviews: ResourceType = resourceType(
  'LocalSubjectAccessReview',
  'localsubjectaccessreviews',
  'authorization.k8s.io/v1',
  {
    namespaced: true,
    verbs: ['create'],
    validate: validateLocal,
    review: (object, context) => decide(object, subjectOf(object), context),
  },
);
