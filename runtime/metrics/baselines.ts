/**
 * What a container uses when nothing asks anything of it, by image repository: idle CPU in
 * millicores and a memory working set range in bytes (a container picks its own point in the
 * range), plus what one HTTP request served costs in CPU time. Values are what `kubectl top`
 * shows for these images on an idle minikube node.
 */
export interface UsageBaseline {
  /** Idle CPU, millicores. */
  cpuMillicores: number;
  /** Idle working set, bytes: the lowest and highest a container of this image settles at. */
  memoryBytes: readonly [number, number];
  /** CPU time one HTTP request costs, milliseconds (1 ms a request at 100 req/s is 100m). */
  requestCpuMs: number;
}

const Ki = 1024;
const Mi = 1024 * Ki;

const baseline = (cpuMillicores: number, lowMi: number, highMi: number, requestCpuMs = 0): UsageBaseline => ({
  cpuMillicores,
  memoryBytes: [Math.round(lowMi * Mi), Math.round(highMi * Mi)],
  requestCpuMs,
});

/** Baselines by normalised repository (`docker.io/library/nginx`, `registry.k8s.io/etcd`). */
export const BASELINES: Readonly<Record<string, UsageBaseline>> = {
  'docker.io/library/nginx': baseline(1, 3, 8, 1),
  'docker.io/library/redis': baseline(2, 3.5, 4.5),
  'docker.io/library/busybox': baseline(0, 0.4, 0.6),
  'docker.io/library/alpine': baseline(0, 0.5, 0.8),
  'docker.io/kicbase/echo-server': baseline(0, 1.5, 2.5, 0.5),
  'registry.k8s.io/kube-apiserver': baseline(40, 240, 260),
  'registry.k8s.io/etcd': baseline(20, 38, 44),
  'registry.k8s.io/kube-controller-manager': baseline(15, 44, 50),
  'registry.k8s.io/kube-scheduler': baseline(3, 19, 23),
  'registry.k8s.io/kube-proxy': baseline(1, 14, 17),
  'registry.k8s.io/coredns/coredns': baseline(2, 14, 17, 0.2),
  'registry.k8s.io/pause': baseline(0, 0.2, 0.3),
  'registry.k8s.io/metrics-server/metrics-server': baseline(4, 17, 21),
  'gcr.io/k8s-minikube/storage-provisioner': baseline(1, 8, 10),
  'docker.io/kubernetesui/dashboard': baseline(1, 14, 18, 0.5),
  'docker.io/kubernetesui/metrics-scraper': baseline(1, 6, 8),
};

/** What an image not in the table uses. */
export const DEFAULT_BASELINE: UsageBaseline = baseline(1, 3, 5, 0.5);

/** The baseline of `repository`. */
export function baselineFor(repository: string): UsageBaseline {
  return BASELINES[repository] ?? DEFAULT_BASELINE;
}

/**
 * What the node itself uses besides its containers (kubelet, dockerd, containerd, systemd):
 * added to the node's metrics.
 */
export const NODE_OVERHEAD = { cpuMillicores: 85, memoryBytes: 420 * Mi };
