import { resourceType, type ResourceType } from '../resource';

/** policy/v1 PodDisruptionBudget. Its own table printer is still to come: it prints Name and Age. */
export const poddisruptionbudgets: ResourceType = resourceType(
  'PodDisruptionBudget',
  'poddisruptionbudgets',
  'policy/v1',
  {
    namespaced: true,
    shortNames: ['pdb'],
    hasStatus: true,
    subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
  },
);
