import type { ResourceRef } from './rest-client';

/** The resources the cluster's components speak to, as client-go's typed clients name them. */
export const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true };
export const EVENTS: ResourceRef = { group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true };
export const CONFIGMAPS: ResourceRef = {
  group: '',
  version: 'v1',
  resource: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
};
export const RESOURCEQUOTAS: ResourceRef = {
  group: '',
  version: 'v1',
  resource: 'resourcequotas',
  kind: 'ResourceQuota',
  namespaced: true,
};
export const NAMESPACES: ResourceRef = {
  group: '',
  version: 'v1',
  resource: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
};
export const NODES: ResourceRef = { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false };
export const REPLICASETS: ResourceRef = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
};
export const DEPLOYMENTS: ResourceRef = {
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  kind: 'Deployment',
  namespaced: true,
};

/** The apiVersion of a resource's objects (`v1`, `apps/v1`). */
export function apiVersionOf(ref: ResourceRef): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version;
}

/** Shorthand for the refs below: `group/version`, resource, kind, scope. */
function ref(groupVersion: string, resource: string, kind: string, namespaced = true): ResourceRef {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return { group, version, resource, kind, namespaced };
}

export const SERVICES = ref('v1', 'services', 'Service');
export const ENDPOINTS = ref('v1', 'endpoints', 'Endpoints');
export const SERVICEACCOUNTS = ref('v1', 'serviceaccounts', 'ServiceAccount');
export const SECRETS = ref('v1', 'secrets', 'Secret');
export const PERSISTENTVOLUMECLAIMS = ref('v1', 'persistentvolumeclaims', 'PersistentVolumeClaim');
export const PERSISTENTVOLUMES = ref('v1', 'persistentvolumes', 'PersistentVolume', false);
export const LIMITRANGES = ref('v1', 'limitranges', 'LimitRange');
export const REPLICATIONCONTROLLERS = ref('v1', 'replicationcontrollers', 'ReplicationController');
export const ENDPOINTSLICES = ref('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice');
export const DAEMONSETS = ref('apps/v1', 'daemonsets', 'DaemonSet');
export const STATEFULSETS = ref('apps/v1', 'statefulsets', 'StatefulSet');
export const CONTROLLERREVISIONS = ref('apps/v1', 'controllerrevisions', 'ControllerRevision');
export const JOBS = ref('batch/v1', 'jobs', 'Job');
export const CRONJOBS = ref('batch/v1', 'cronjobs', 'CronJob');
export const HORIZONTALPODAUTOSCALERS = ref('autoscaling/v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler');
export const PODDISRUPTIONBUDGETS = ref('policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget');
export const LEASES = ref('coordination.k8s.io/v1', 'leases', 'Lease');
export const STORAGECLASSES = ref('storage.k8s.io/v1', 'storageclasses', 'StorageClass', false);
