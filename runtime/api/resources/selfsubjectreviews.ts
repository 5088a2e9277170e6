import { resourceType, type ResourceType } from '../resource';

/** authentication.k8s.io/v1 SelfSubjectReview: who am I? (`kubectl auth whoami`). */
export const selfsubjectreviews: ResourceType = resourceType(
  'SelfSubjectReview',
  'selfsubjectreviews',
  'authentication.k8s.io/v1',
  {
    namespaced: false,
    verbs: ['create'],
    review: (object, context) => ({ ...object, status: { userInfo: context.user } }),
  },
);
