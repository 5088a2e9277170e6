import { resourceType, type ResourceType } from '../resource';

/** autoscaling/v2 HorizontalPodAutoscaler. Its own table printer is still to come: it prints Name and Age. */
export const horizontalpodautoscalers: ResourceType = resourceType(
  'HorizontalPodAutoscaler',
  'horizontalpodautoscalers',
  'autoscaling/v2',
  {
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    hasStatus: true,
    subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
  },
);
