import { resourceType, type ResourceType } from '../resource';

/** coordination.k8s.io/v1 Lease. Its own table printer is still to come: it prints Name and Age. */
export const leases: ResourceType = resourceType('Lease', 'leases', 'coordination.k8s.io/v1', {
  namespaced: true,
});
