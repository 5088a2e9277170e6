import { resourceType, type ResourceType } from '../resource';

/** events.k8s.io/v1 Event. Its own table printer is still to come: it prints Name and Age. */
export const eventsK8sIo: ResourceType = resourceType('Event', 'events', 'events.k8s.io/v1', {
  namespaced: true,
  shortNames: ['ev'],
});
