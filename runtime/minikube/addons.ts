import type { Json } from '../kubelet/pod-types';

/** Kubernetes v1.34 images on minikube v1.37 (kubeadm's defaults, minikube's storage provisioner). */
export const IMAGES = {
  apiserver: 'registry.k8s.io/kube-apiserver:v1.34.0',
  controllerManager: 'registry.k8s.io/kube-controller-manager:v1.34.0',
  scheduler: 'registry.k8s.io/kube-scheduler:v1.34.0',
  proxy: 'registry.k8s.io/kube-proxy:v1.34.0',
  etcd: 'registry.k8s.io/etcd:3.6.4-0',
  coredns: 'registry.k8s.io/coredns/coredns:v1.12.1',
  pause: 'registry.k8s.io/pause:3.10.1',
  storageProvisioner: 'gcr.io/k8s-minikube/storage-provisioner:v5',
};

/** What minikube's preload puts on every node. */
export const PRELOADED_IMAGES = Object.values(IMAGES);

const CRITICAL_TOLERATIONS = [
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
];

const COREFILE = `.:53 {
    log
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    hosts {
       192.168.49.1 host.minikube.internal
       fallthrough
    }
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

const sa = (name: string): Json => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: 'kube-system' },
});

/** What kubeadm's CoreDNS addon creates (cmd/kubeadm/app/phases/addons/dns), with minikube's replica count and hosts block. */
export function corednsObjects(): Json[] {
  return [
    sa('coredns'),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coredns', namespace: 'kube-system' },
      data: { Corefile: COREFILE },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'system:coredns' },
      rules: [
        { apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'system:coredns' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:coredns' },
      subjects: [{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }],
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 1,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 100,
                    podAffinityTerm: {
                      labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
                      topologyKey: 'kubernetes.io/hostname',
                    },
                  },
                ],
              },
            },
            tolerations: CRITICAL_TOLERATIONS,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            containers: [
              {
                name: 'coredns',
                image: IMAGES.coredns,
                imagePullPolicy: 'IfNotPresent',
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                args: ['-conf', '/etc/coredns/Corefile'],
                volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                  { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
                  { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
                ],
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                  readOnlyRootFilesystem: true,
                },
                livenessProbe: {
                  httpGet: { path: '/health', port: 'liveness-probe', scheme: 'HTTP' },
                  initialDelaySeconds: 60,
                  timeoutSeconds: 5,
                  successThreshold: 1,
                  failureThreshold: 5,
                },
                readinessProbe: { httpGet: { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' } },
              },
            ],
            dnsPolicy: 'Default',
            volumes: [
              { name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
  ];
}

/** kubeadm's kube-proxy addon: its ServiceAccount, ConfigMap, binding and DaemonSet. */
export function kubeProxyObjects(): Json[] {
  return [
    sa('kube-proxy'),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
      data: {
        'config.conf':
          'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\nclusterCIDR: 10.244.0.0/16\nkind: KubeProxyConfiguration\nmetricsBindAddress: 0.0.0.0:10249\nmode: ""\n',
        'kubeconfig.conf':
          'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/lib/minikube/certs/ca.crt\n    server: https://control-plane.minikube.internal:8443\n  name: default\n',
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubeadm:node-proxier' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:node-proxier' },
      subjects: [{ kind: 'ServiceAccount', name: 'kube-proxy', namespace: 'kube-system' }],
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        updateStrategy: { type: 'RollingUpdate' },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-proxy' } },
          spec: {
            priorityClassName: 'system-node-critical',
            containers: [
              {
                name: 'kube-proxy',
                image: IMAGES.proxy,
                imagePullPolicy: 'IfNotPresent',
                command: [
                  '/usr/local/bin/kube-proxy',
                  '--config=/var/lib/kube-proxy/config.conf',
                  '--hostname-override=$(NODE_NAME)',
                ],
                securityContext: { privileged: true },
                volumeMounts: [
                  { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                  { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                  { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
                ],
                env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
              },
            ],
            hostNetwork: true,
            serviceAccountName: 'kube-proxy',
            volumes: [
              { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
              { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
              { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
            ],
            tolerations: [{ operator: 'Exists' }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
          },
        },
      },
    },
  ];
}

/** minikube's storage-provisioner and default-storageclass addons (deploy/addons/storage-provisioner, storageclass). */
export function storageObjects(): Json[] {
  const reconcile = { 'addonmanager.kubernetes.io/mode': 'Reconcile' };
  return [
    {
      ...sa('storage-provisioner'),
      metadata: { name: 'storage-provisioner', namespace: 'kube-system', labels: reconcile },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'storage-provisioner', labels: reconcile },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'system:persistent-volume-provisioner',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'storage-provisioner', namespace: 'kube-system' }],
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'storage-provisioner',
        namespace: 'kube-system',
        labels: { ...reconcile, 'integration-test': 'storage-provisioner' },
      },
      spec: {
        serviceAccountName: 'storage-provisioner',
        hostNetwork: true,
        containers: [
          {
            name: 'storage-provisioner',
            image: IMAGES.storageProvisioner,
            command: ['/storage-provisioner'],
            imagePullPolicy: 'IfNotPresent',
            volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
          },
        ],
        volumes: [{ name: 'tmp', hostPath: { path: '/tmp', type: 'Directory' } }],
      },
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
      },
      provisioner: 'k8s.io/minikube-hostpath',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    },
  ];
}

const staticPod = (component: string, image: string, command: string[], extra: Json = {}): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' } },
  spec: {
    containers: [
      {
        name: component,
        image,
        imagePullPolicy: 'IfNotPresent',
        command,
        resources: { requests: extra.requests ?? { cpu: '100m' } },
      },
    ],
    hostNetwork: true,
    priority: 2000001000,
    priorityClassName: 'system-node-critical',
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
  },
});

/** kubeadm's control-plane static pods (/etc/kubernetes/manifests on the minikube node). */
export function staticPods(nodeIP: string): Json[] {
  return [
    staticPod(
      'etcd',
      IMAGES.etcd,
      [
        'etcd',
        `--advertise-client-urls=https://${nodeIP}:2379`,
        '--data-dir=/var/lib/minikube/etcd',
        '--name=minikube',
      ],
      {
        requests: { cpu: '100m', memory: '100Mi' },
      },
    ),
    staticPod(
      'kube-apiserver',
      IMAGES.apiserver,
      [
        'kube-apiserver',
        `--advertise-address=${nodeIP}`,
        '--secure-port=8443',
        '--service-cluster-ip-range=10.96.0.0/12',
      ],
      {
        requests: { cpu: '250m' },
      },
    ),
    staticPod(
      'kube-controller-manager',
      IMAGES.controllerManager,
      [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--cluster-cidr=10.244.0.0/16',
        '--use-service-account-credentials=true',
      ],
      {
        requests: { cpu: '200m' },
      },
    ),
    staticPod('kube-scheduler', IMAGES.scheduler, [
      'kube-scheduler',
      '--bind-address=127.0.0.1',
      '--leader-elect=false',
    ]),
  ];
}

/** The dashboard addon's images (minikube v1.37's pins). */
export const DASHBOARD_IMAGES = {
  dashboard:
    'docker.io/kubernetesui/dashboard:v2.7.0@sha256:2e500d29e9d5f4a086b908eb8dfe7ecac57d2ab09d65b24f588b1d449841ef93',
  metricsScraper:
    'docker.io/kubernetesui/metrics-scraper:v1.0.8@sha256:76049887f07a0476dc93efc2d3569b9529bf982b22d29f356092ce206e98765c',
};

/** minikube's dashboard addon (deploy/addons/dashboard): namespace, accounts, RBAC, two Deployments and their Services. */
export function dashboardObjects(): Json[] {
  const ns = 'kubernetes-dashboard';
  const labels = (app: string): Json => ({
    'addonmanager.kubernetes.io/mode': 'Reconcile',
    'k8s-app': app,
    'kubernetes.io/minikube-addons': 'dashboard',
  });
  const deployment = (name: string, image: string, port: number, args?: string[]): Json => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels: labels(name) },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'k8s-app': name } },
      template: {
        metadata:
          name === 'kubernetes-dashboard'
            ? { labels: { 'k8s-app': name, 'gcp-auth-skip-secret': 'true' } }
            : {
                labels: { 'k8s-app': name },
                // dashboard-dp.yaml.tmpl keeps this long-retired annotation on the scraper.
                annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' },
              },
        spec: {
          containers: [
            {
              name,
              image,
              ports: [{ containerPort: port, protocol: 'TCP' }],
              ...(args ? { args } : {}),
              volumeMounts: [{ mountPath: '/tmp', name: 'tmp-volume' }],
              livenessProbe: {
                httpGet: { path: '/', port, scheme: 'HTTP' },
                initialDelaySeconds: 30,
                timeoutSeconds: 30,
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsUser: 1001,
                runAsGroup: 2001,
              },
            },
          ],
          volumes: [{ name: 'tmp-volume', emptyDir: {} }],
          serviceAccountName: 'kubernetes-dashboard',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
        },
      },
    },
  });
  const service = (name: string, port: number, targetPort: number): Json => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, labels: labels(name) },
    spec: { ports: [{ port, targetPort }], selector: { 'k8s-app': name } },
  });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', 'kubernetes.io/minikube-addons': 'dashboard' },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'kubernetes-dashboard', namespace: ns, labels: labels('kubernetes-dashboard') },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: {
        name: 'kubernetes-dashboard',
        labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', 'k8s-app': 'kubernetes-dashboard' },
      },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'kubernetes-dashboard', namespace: ns }],
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kubernetes-dashboard-settings', namespace: ns, labels: labels('kubernetes-dashboard') },
    },
    ...['kubernetes-dashboard-certs', 'kubernetes-dashboard-csrf', 'kubernetes-dashboard-key-holder'].map((name) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace: ns, labels: labels('kubernetes-dashboard') },
      type: 'Opaque',
    })),
    service('kubernetes-dashboard', 80, 9090),
    service('dashboard-metrics-scraper', 8000, 8000),
    deployment('dashboard-metrics-scraper', DASHBOARD_IMAGES.metricsScraper, 8000),
    deployment('kubernetes-dashboard', DASHBOARD_IMAGES.dashboard, 9090, [
      '--namespace=kubernetes-dashboard',
      '--enable-skip-login',
      '--disable-settings-authorizer',
    ]),
  ];
}
