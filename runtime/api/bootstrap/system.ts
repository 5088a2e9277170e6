import type { KubeObject } from '../object';
import type { ApiHandler } from '../types';
import { createAsApiServer } from './create';

// What kube-apiserver creates for itself at start besides namespaces and RBAC: the two system
// PriorityClasses (post-start hook `scheduling/bootstrap-system-priority-classes`) and, from its
// bootstrap controller, the `kubernetes` Service in `default` with the Endpoints and
// EndpointSlice that point at the API server itself (minikube: 192.168.49.2:8443, ClusterIP
// 10.96.0.1, the first address of 10.96.0.0/12).

/** The API server's advertised address and secure port under minikube. */
const ADVERTISE = { address: '192.168.49.2', port: 8443 };

/** scheduling.SystemPriorityClasses() of pkg/apis/scheduling. */
const PRIORITY_CLASSES: KubeObject[] = [
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

/** The bootstrap controller's Service, Endpoints and EndpointSlice (pkg/controlplane/controller/kubernetesservice). */
const KUBERNETES_SERVICE: Array<{ path: string; object: KubeObject }> = [
  {
    path: '/api/v1/namespaces/default/services',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.1',
        ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: ADVERTISE.port }],
        sessionAffinity: 'None',
      },
    },
  },
  {
    path: '/api/v1/namespaces/default/endpoints',
    object: {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [
        {
          addresses: [{ ip: ADVERTISE.address }],
          ports: [{ name: 'https', port: ADVERTISE.port, protocol: 'TCP' }],
        },
      ],
    },
  },
  {
    path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
    object: {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ADVERTISE.address], conditions: { ready: true } }],
      ports: [{ name: 'https', port: ADVERTISE.port, protocol: 'TCP' }],
    },
  },
];

/** Creates what is missing of the API server's own objects; an existing one is left alone. */
export async function bootstrapSystem(api: ApiHandler): Promise<void> {
  const wanted = [
    ...PRIORITY_CLASSES.map((object) => ({ path: '/apis/scheduling.k8s.io/v1/priorityclasses', object })),
    ...KUBERNETES_SERVICE,
  ];
  await Promise.all(
    wanted.map(async ({ path, object }) => {
      const name = object.metadata?.name ?? '';
      const existing = await api({ method: 'GET', path: `${path}/${name}` });
      if (existing.status === 200) return;
      await createAsApiServer(api, path, object);
    }),
  );
}
