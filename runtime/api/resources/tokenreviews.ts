import { resourceType, type ResourceType } from '../resource';

/** authentication.k8s.io/v1 TokenReview: whose is this token? */
export const tokenreviews: ResourceType = resourceType('TokenReview', 'tokenreviews', 'authentication.k8s.io/v1', {
  namespaced: false,
  verbs: ['create'],
  validate: (review) =>
    (review.spec as { token?: string } | undefined)?.token
      ? []
      : [{ type: 'FieldValueRequired', field: 'spec.token', message: 'Required value' }],
  review: (object, context) => {
    const token = (object.spec as { token: string }).token;
    const found = context.authenticate(token);
    const status = found
      ? { authenticated: true, user: found.user, audiences: found.audiences }
      : { user: {}, error: '[invalid bearer token, service account token has been invalidated]' };
    return { ...object, status };
  },
});
