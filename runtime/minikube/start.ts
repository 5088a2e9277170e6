import type { ApiHandler } from '../api/types';
import type { Clock } from '../clock';
import { hasStatusCode, RestClient, resourcePath } from '../client/rest-client';
import { NODES } from '../client/resources';
import { componentUserAgent } from '../client/user-agent';
import { EventRecorder } from '../controllers/events';
import { InformerFactory } from '../controllers/informer';
import { ControllerManager, type ManagerOptions } from '../controllers/manager';
import {
  DEFAULT_STORAGE_PROVISIONER_WORKERS,
  StorageProvisioner,
  storageProvisionerEventSource,
} from '../controllers/storage-provisioner';
import { randomUuid } from '../rng';
import { Kubelet } from '../kubelet/kubelet';
import type { Json } from '../kubelet/pod-types';
import type { PodNetwork } from '../network/cluster-network';
import { KubeProxy } from '../network/kube-proxy';
import type { Rng } from '../rng';
import { metricsServerObjects } from '../metrics/addon';
import { Scheduler } from '../scheduler/scheduler';
import {
  corednsObjects,
  dashboardObjects,
  kubeProxyObjects,
  PRELOADED_IMAGES,
  staticPods,
  storageObjects,
} from './addons';

/** The minikube node's address on the docker network, and its pod range. */
export const CONTROL_PLANE = { name: 'minikube', ip: '192.168.49.2', podCIDR: '10.244.0.0/24' };

/** What minikube v1.37 puts on the node's labels (its version and the primary marker). */
const MINIKUBE_LABELS = {
  'minikube.k8s.io/commit': '65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3',
  'minikube.k8s.io/name': 'minikube',
  'minikube.k8s.io/primary': 'true',
  'minikube.k8s.io/version': 'v1.37.0',
  'node-role.kubernetes.io/control-plane': '',
  'node.kubernetes.io/exclude-from-external-load-balancers': '',
};

/** The running components of a minikube cluster. */
export interface MinikubeComponents {
  manager: ControllerManager;
  scheduler: Scheduler;
  kubelets: Kubelet[];
  /** Adds a worker node (`minikube node add`): minikube-m02, minikube-m03, … */
  addNode(): Promise<Kubelet>;
  /** Enables an addon (`minikube addons enable dashboard`): creates what it is made of. */
  enableAddon(name: 'dashboard' | 'metrics-server'): Promise<void>;
  /** Disables an addon (`minikube addons disable`): deletes what it is made of, as `kubectl delete -f`. */
  disableAddon(name: 'dashboard' | 'metrics-server'): Promise<void>;
  /** Removes a joined node (`minikube node delete`): its pods, its kubelet, its Node object. */
  removeNode(name: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** How the components run. */
export interface StartOptions {
  manager?: ManagerOptions;
  /** The metrics-server the API server serves metrics.k8s.io from (see `createMetricsServer`). */
  metrics?: { server: { stop(): void }; attach(components: MinikubeComponents): void };
  onError?: (component: string, error: unknown) => void;
}

/** Maps an object to its resource path for a create (the few kinds minikube's addons have). */
const PLURALS: Record<string, string> = {
  ServiceAccount: 'serviceaccounts',
  ConfigMap: 'configmaps',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  Deployment: 'deployments',
  DaemonSet: 'daemonsets',
  Service: 'services',
  Pod: 'pods',
  StorageClass: 'storageclasses',
  Namespace: 'namespaces',
  Secret: 'secrets',
};

/** The resource reference and path of one addon object. */
function objectPath(object: Json, withName: boolean): string {
  const [group, version] = String(object.apiVersion).includes('/')
    ? String(object.apiVersion).split('/')
    : ['', object.apiVersion];
  const namespace = object.metadata.namespace;
  const ref = { group, version, resource: PLURALS[object.kind], kind: object.kind, namespaced: !!namespace };
  return withName ? resourcePath(ref, namespace, object.metadata.name) : resourcePath(ref, namespace);
}

/** Deletes `objects`, last first, ignoring those already gone (`kubectl delete --ignore-not-found -f`). */
async function remove(client: RestClient, objects: Json[]): Promise<void> {
  for (const object of [...objects].reverse()) {
    if (!PLURALS[object.kind]) continue;
    try {
      await client.request('DELETE', objectPath(object, true), {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        propagationPolicy: 'Background',
      });
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
  }
}

/** Creates `objects` that do not exist yet, as `client` (kubeadm or minikube's addon manager). */
async function ensure(client: RestClient, objects: Json[]): Promise<void> {
  for (const object of objects) {
    const [group, version] = String(object.apiVersion).includes('/')
      ? String(object.apiVersion).split('/')
      : ['', object.apiVersion];
    const namespace = object.metadata.namespace;
    const ref = { group, version, resource: PLURALS[object.kind], kind: object.kind, namespaced: !!namespace };
    // Create only what is missing: a second POST of a Service with a fixed ClusterIP is refused
    // as a conflicting allocation (422), not as AlreadyExists.
    try {
      await client.request('GET', resourcePath(ref, namespace, object.metadata.name));
      continue;
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
    try {
      await client.request('POST', resourcePath(ref, namespace), object);
    } catch (error) {
      if (!hasStatusCode(error, 409)) throw error;
    }
  }
}

/**
 * Boots what makes the API server a minikube cluster: on first boot, what `kubeadm init` and
 * minikube's default addons create (CoreDNS, kube-proxy, the storage provisioner and the
 * `standard` StorageClass); then kube-controller-manager's controllers, the scheduler and the
 * control-plane node's kubelet with its static pods. Returns once they are started, without
 * waiting for pods to run.
 */
export async function startMinikube(
  api: ApiHandler,
  network: PodNetwork,
  clock: Clock,
  rng: Rng,
  options: StartOptions = {},
): Promise<MinikubeComponents> {
  const kubeadm = new RestClient(api, { userAgent: componentUserAgent('kubeadm'), fieldValidation: 'Ignore' });
  const addons = new RestClient(api, {
    userAgent: 'kubectl-client-side-apply/v1.34.0 (linux/amd64) kubernetes/f28b4c9',
    fieldValidation: 'Ignore',
  });
  const onError = options.onError ?? (() => {});
  const manager = new ControllerManager(api, clock, rng, {
    ...options.manager,
    onError: (name, key, error) => {
      options.manager?.onError?.(name, key, error);
      onError(name, error);
    },
  });
  const scheduler = new Scheduler(api, clock, rng, { onError: (_key, error) => onError('scheduler', error) });
  // kube-proxy's rules are the same on every node: one instance routes for all of them.
  const proxy = new KubeProxy(api, clock);
  const unroute = network.setServiceRouting(proxy);
  const kubelets: Kubelet[] = [];
  const startKubelet = async (name: string, ip: string, podCIDR: string, primary: boolean): Promise<Kubelet> => {
    const labels = primary
      ? MINIKUBE_LABELS
      : { ...MINIKUBE_LABELS, 'minikube.k8s.io/name': 'minikube', 'minikube.k8s.io/primary': 'false' };
    if (!primary) {
      delete (labels as Record<string, string>)['node-role.kubernetes.io/control-plane'];
      delete (labels as Record<string, string>)['node.kubernetes.io/exclude-from-external-load-balancers'];
    }
    const kubelet = new Kubelet(
      api,
      clock,
      rng,
      network,
      {
        name,
        ip,
        podCIDR,
        labels,
        annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock' },
        preloadedImages: PRELOADED_IMAGES,
        staticPods: primary ? staticPods(ip) : [],
      },
      (error) => onError(`kubelet ${name}`, error),
    );
    kubelets.push(kubelet);
    await kubelet.start();
    return kubelet;
  };
  await startKubelet(CONTROL_PLANE.name, CONTROL_PLANE.ip, CONTROL_PLANE.podCIDR, true);
  // Nodes that joined before a reload run on: their kubelets start again with their addresses.
  for (const node of await joinedNodes(kubeadm)) await startKubelet(node.name, node.ip, node.podCIDR, false);
  await ensure(kubeadm, [...corednsObjects(), ...kubeProxyObjects()]);
  await ensure(addons, storageObjects());
  manager.start();
  scheduler.start();
  proxy.start();
  // minikube's storage-provisioner pod: a client of its own, as the separate program it is.
  const provisionerClient = new RestClient(api, {
    userAgent: 'storage-provisioner/v0.0.0 (linux/amd64) kubernetes/$Format',
    fieldValidation: 'Ignore',
  });
  const provisionerInformers = new InformerFactory(provisionerClient, clock, rng, { resyncPeriodMs: 0 });
  const provisionerEvents = new EventRecorder(provisionerClient, clock, rng, {
    component: storageProvisionerEventSource(rng),
  });
  const provisioner = new StorageProvisioner({
    client: provisionerClient,
    informers: provisionerInformers,
    clock,
    recorder: provisionerEvents,
    identity: randomUuid(rng),
    onError: (_key, error) => onError('storage-provisioner', error),
  });
  const provisionerDone = provisioner.run(DEFAULT_STORAGE_PROVISIONER_WORKERS);
  provisionerInformers.start();
  const components: MinikubeComponents = {
    manager,
    scheduler,
    kubelets,
    async enableAddon(name) {
      await ensure(addons, name === 'dashboard' ? dashboardObjects() : metricsServerObjects());
    },
    async disableAddon(name) {
      await remove(addons, name === 'dashboard' ? dashboardObjects() : metricsServerObjects());
    },
    async removeNode(name) {
      const at = kubelets.findIndex((k) => k.nodeName === name);
      if (at <= 0) return false;
      // drain.DrainNode deletes the node's pods (--force --ignore-daemonsets), then the machine goes.
      const pods = await kubeadm.request<{ items: Json[] }>(
        'GET',
        `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${name}`)}`,
      );
      for (const pod of pods.items) {
        try {
          await kubeadm.request('DELETE', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`);
        } catch (error) {
          if (!hasStatusCode(error, 404)) throw error;
        }
      }
      kubelets[at].stop();
      kubelets.splice(at, 1);
      try {
        await kubeadm.request('DELETE', `/api/v1/nodes/${name}`);
      } catch (error) {
        if (!hasStatusCode(error, 404)) throw error;
      }
      return true;
    },
    async addNode() {
      // node.Name(lastID + 1): the number after the last node's.
      const n = Math.max(1, ...kubelets.map((k) => nodeNumber(k.nodeName) ?? 1)) + 1;
      return startKubelet(
        `minikube-m${String(n).padStart(2, '0')}`,
        `192.168.49.${n + 1}`,
        `10.244.${n - 1}.0/24`,
        false,
      );
    },
    async stop() {
      options.metrics?.server.stop();
      provisioner.stop();
      provisionerInformers.shutdown();
      provisionerEvents.shutdown();
      await provisionerDone;
      for (const kubelet of kubelets) kubelet.stop();
      unroute();
      proxy.stop();
      await scheduler.stop();
      await manager.stop();
    },
  };
  options.metrics?.attach(components);
  return components;
}

/** The number of a joined node `minikube-mNN` (undefined for the control plane). */
function nodeNumber(name: string): number | undefined {
  const match = /^minikube-m(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** The joined nodes the API server has, by number, with their InternalIP and pod CIDR. */
async function joinedNodes(client: RestClient): Promise<Array<{ name: string; ip: string; podCIDR: string }>> {
  const list = await client.resource<Json>(NODES).list();
  return list.items
    .filter((node) => nodeNumber(node.metadata?.name ?? '') !== undefined)
    .sort((a, b) => (nodeNumber(a.metadata?.name ?? '') ?? 0) - (nodeNumber(b.metadata?.name ?? '') ?? 0))
    .map((node) => ({
      name: node.metadata?.name ?? '',
      ip: node.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '',
      podCIDR: node.spec?.podCIDR ?? '',
    }));
}
