import type { Json } from '../kubelet/pod-types';

/** The image minikube v1.37's metrics-server addon runs. */
export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.8.0';

const ADDON_LABELS = {
  'kubernetes.io/minikube-addons': 'metrics-server',
  'addonmanager.kubernetes.io/mode': 'Reconcile',
};

/**
 * What `minikube addons enable metrics-server` applies (deploy/addons/metrics-server): its
 * ServiceAccount, RBAC, Service and Deployment in kube-system. The APIService
 * v1beta1.metrics.k8s.io is `metricsApiService()`: kubeplay serves no apiregistration.k8s.io yet.
 */
export function metricsServerObjects(): Json[] {
  const reconcile = { 'addonmanager.kubernetes.io/mode': 'Reconcile' };
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'metrics-server',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'metrics-server', ...reconcile },
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: 'system:aggregated-metrics-reader',
        labels: {
          'k8s-app': 'metrics-server',
          'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
          'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
          'rbac.authorization.k8s.io/aggregate-to-view': 'true',
          ...reconcile,
        },
      },
      rules: [{ apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'system:metrics-server', labels: { 'k8s-app': 'metrics-server', ...reconcile } },
      rules: [
        { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
        { apiGroups: [''], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'system:metrics-server', labels: { 'k8s-app': 'metrics-server', ...reconcile } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:metrics-server' },
      subjects: [{ kind: 'ServiceAccount', name: 'metrics-server', namespace: 'kube-system' }],
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'metrics-server',
        namespace: 'kube-system',
        labels: {
          'kubernetes.io/name': 'Metrics-server',
          'kubernetes.io/minikube-addons-endpoint': 'metrics-server',
          ...ADDON_LABELS,
        },
      },
      spec: {
        selector: { 'k8s-app': 'metrics-server' },
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'metrics-server',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'metrics-server', ...ADDON_LABELS },
      },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'metrics-server' } },
        strategy: { rollingUpdate: { maxUnavailable: 0 } },
        template: {
          metadata: { name: 'metrics-server', labels: { 'k8s-app': 'metrics-server' } },
          spec: {
            serviceAccountName: 'metrics-server',
            priorityClassName: 'system-cluster-critical',
            volumes: [{ name: 'tmp-dir', emptyDir: {} }],
            containers: [
              {
                name: 'metrics-server',
                image: METRICS_SERVER_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '--cert-dir=/tmp',
                  '--secure-port=4443',
                  '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
                  '--kubelet-use-node-status-port',
                  '--metric-resolution=60s',
                  '--kubelet-insecure-tls',
                ],
                resources: { requests: { cpu: '100m', memory: '200Mi' } },
                ports: [{ name: 'https', containerPort: 4443, protocol: 'TCP' }],
                readinessProbe: {
                  httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' },
                  periodSeconds: 10,
                  failureThreshold: 3,
                  initialDelaySeconds: 20,
                },
                livenessProbe: {
                  httpGet: { path: '/livez', port: 'https', scheme: 'HTTPS' },
                  periodSeconds: 10,
                  failureThreshold: 3,
                },
                securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000 },
                volumeMounts: [{ name: 'tmp-dir', mountPath: '/tmp' }],
              },
            ],
          },
        },
      },
    },
  ];
}

/** The addon's APIService (apiregistration.k8s.io/v1), for when kubeplay serves that group. */
export function metricsApiService(): Json {
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: 'v1beta1.metrics.k8s.io', labels: ADDON_LABELS },
    spec: {
      service: { name: 'metrics-server', namespace: 'kube-system' },
      group: 'metrics.k8s.io',
      version: 'v1beta1',
      insecureSkipTLSVerify: true,
      groupPriorityMinimum: 100,
      versionPriority: 100,
    },
  };
}

/**
 * True when a metrics-server pod (`k8s-app=metrics-server` in kube-system) is Running and Ready:
 * what makes the APIService Available. For `MetricsServer`'s `serving`, over a pod cache.
 */
export function metricsServerReady(pods: readonly Json[]): boolean {
  return pods.some(
    (pod) =>
      pod.metadata?.namespace === 'kube-system' &&
      pod.metadata?.labels?.['k8s-app'] === 'metrics-server' &&
      !pod.metadata?.deletionTimestamp &&
      pod.status?.phase === 'Running' &&
      (pod.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True'),
  );
}
