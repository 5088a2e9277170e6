import type { DescribedResource } from './context';

/** The resource types the recorded cases name, as kubectl's discovery resolves them. */
const TYPES: Record<string, DescribedResource> = {};
const add = (
  names: string[],
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced = true,
): void => {
  for (const n of names) TYPES[n] = { group, version, resource, kind, namespaced };
};
add(['pod', 'pods'], '', 'v1', 'pods', 'Pod');
add(['deploy', 'deployment'], 'apps', 'v1', 'deployments', 'Deployment');
add(['rs'], 'apps', 'v1', 'replicasets', 'ReplicaSet');
add(['ds'], 'apps', 'v1', 'daemonsets', 'DaemonSet');
add(['sts'], 'apps', 'v1', 'statefulsets', 'StatefulSet');
add(['svc', 'service'], '', 'v1', 'services', 'Service');
add(['node'], '', 'v1', 'nodes', 'Node', false);
add(['ns', 'namespace'], '', 'v1', 'namespaces', 'Namespace', false);
add(['cm'], '', 'v1', 'configmaps', 'ConfigMap');
add(['secret'], '', 'v1', 'secrets', 'Secret');
add(['sa'], '', 'v1', 'serviceaccounts', 'ServiceAccount');
add(['quota'], '', 'v1', 'resourcequotas', 'ResourceQuota');
add(['limits'], '', 'v1', 'limitranges', 'LimitRange');
add(['ep'], '', 'v1', 'endpoints', 'Endpoints');
add(['pvc'], '', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim');
add(['pv'], '', 'v1', 'persistentvolumes', 'PersistentVolume', false);
add(['endpointslice'], 'discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice');
add(['job'], 'batch', 'v1', 'jobs', 'Job');
add(['cronjob'], 'batch', 'v1', 'cronjobs', 'CronJob');
add(['sc'], 'storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false);
add(['ing'], 'networking.k8s.io', 'v1', 'ingresses', 'Ingress');
add(['netpol'], 'networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy');
add(['hpa'], 'autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler');
add(['role'], 'rbac.authorization.k8s.io', 'v1', 'roles', 'Role');
add(['rolebinding'], 'rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding');
add(['clusterrole'], 'rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false);
add(['clusterrolebinding'], 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false);
add(['pdb'], 'policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget');
add(['priorityclass', 'pc'], 'scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false);
add(['lease'], 'coordination.k8s.io', 'v1', 'leases', 'Lease');

/** A recorded `kubectl describe` case, parsed: what describeObject is asked for. */
export interface ParsedCase {
  resource: DescribedResource;
  namespace: string;
  /** Undefined for a list (`describe pods`, `-l`). */
  name?: string;
  labelSelector?: string;
  showEvents: boolean;
}

/** Parses the args of a recorded case (`describe [-n ns] type[/name] [name] [-l sel] [--show-events=false]`). */
export function parseCase(args: readonly string[]): ParsedCase {
  let namespace = 'default';
  let labelSelector: string | undefined;
  let showEvents = true;
  const words: string[] = [];
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '-n') namespace = args[++i];
    else if (args[i] === '-l') labelSelector = args[++i];
    else if (args[i] === '--show-events=false') showEvents = false;
    else words.push(...args[i].split('/'));
  }
  const resource = TYPES[words[0]];
  if (!resource) throw new Error(`unknown type ${words[0]}`);
  return { resource, namespace: resource.namespaced ? namespace : '', name: words[1], labelSelector, showEvents };
}
