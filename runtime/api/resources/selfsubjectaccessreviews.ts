import { decide, validateAttributes } from '../access-review';
import { resourceType, type ResourceType } from '../resource';

/** authorization.k8s.io/v1 SelfSubjectAccessReview: may I? (`kubectl auth can-i`). */
export const selfsubjectaccessreviews: ResourceType = resourceType(
  'SelfSubjectAccessReview',
  'selfsubjectaccessreviews',
  'authorization.k8s.io/v1',
  {
    namespaced: false,
    verbs: ['create'],
    validate: validateAttributes,
    review: (object, context) => decide(object, context.user, context),
  },
);
