import type { ApiHandler } from '../api/types';
import type { CancelSignal } from '../cancel';
import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import type { EventRecorder } from '../controllers/events';
import type { Volume } from '../shell/fs/volume';
import type { ContainerNetwork, Listener } from '../images/types';
import type { Rng } from '../rng';
import type { ServiceEnvSource } from './env';
import type { ImageManager } from './image-manager';
import type { ObjectSources } from './object-sources';

/** What every pod worker of one kubelet shares. */
export interface KubeletContext {
  nodeName: string;
  nodeIP: string;
  client: RestClient;
  clock: Clock;
  rng: Rng;
  recorder: EventRecorder;
  /** The ConfigMaps and Secrets the node's pods use. */
  sources: ObjectSources;
  images: ImageManager;
  hostFs: Volume;
  /** The node's allocatable resources as numbers (cpu in cores, memory in bytes). */
  allocatable: Record<string, number>;
  /** A free pod IP from the node's podCIDR. */
  allocateIp(): string;
  releaseIp(ip: string): void;
  /** Marks `ip` as taken (a pod that was running before a reload). */
  reserveIp(ip: string): void;
  /** Services whose variables a pod in `namespace` gets. */
  servicesFor(namespace: string): ServiceEnvSource[];
  /** Listens on `ip:port` in the cluster network. */
  listen(ip: string, port: number, listener: Listener): () => void;
  /** The listener on `ip:port`, if any. */
  listener(ip: string, port: number): Listener | undefined;
  /** A pod sandbox holds `ip` on the cluster network; the result releases it. */
  addHost(ip: string): () => void;
  /** The network a container with address `ip` sees (connections, DNS, service routing). */
  containerNetwork(ip: string, ended?: CancelSignal): ContainerNetwork;
  /** The API server as pods reach it (in-cluster clients such as CoreDNS). */
  api: ApiHandler;
  /** The pod worker is done with the pod (deleted from the API, or gone). */
  forget(uid: string): void;
  /** Tells of failures that are retried (utilruntime.HandleError). */
  onError(error: unknown): void;
}
