import { decide, subjectOf, validateSubject } from '../access-review';
import { resourceType, type ResourceType } from '../resource';

/** authorization.k8s.io/v1 SubjectAccessReview: may this user or group? */
export const subjectaccessreviews: ResourceType = resourceType(
  'SubjectAccessReview',
  'subjectaccessreviews',
  'authorization.k8s.io/v1',
  {
    namespaced: false,
    verbs: ['create'],
    validate: validateSubject,
    review: (object, context) => decide(object, subjectOf(object), context),
  },
);
