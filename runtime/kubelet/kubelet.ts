import type { ApiHandler } from '../api/types';
import type { Clock, TimerHandle } from '../clock';
import { hasStatusCode, RestClient } from '../client/rest-client';
import { LEASES, NODES, PODS, SERVICES } from '../client/resources';
import { componentUserAgent } from '../client/user-agent';
import { EventRecorder } from '../controllers/events';
import { Informer, InformerFactory, tombstoneObject } from '../controllers/informer';
import { lookupImage } from '../images/catalog';
import { Volume } from '../shell/fs/volume';
import type { NodeUsageReport } from '../metrics/types';
import type { PodNetwork } from '../network/cluster-network';
import { createContainerNetwork } from '../network/container-network';
import type { Container } from './container';
import { randomString, type Rng } from '../rng';
import { formatTime } from '../util/time';
import type { ServiceEnvSource } from './env';
import { ImageManager } from './image-manager';
import { WatchingObjectSources } from './object-sources';
import type { KubeletContext } from './kubelet-context';
import { KubeletHttpServer } from './kubelet-server';
import { nodeObject, type NodeSpec } from './node-object';
import { PodWorker } from './pod-worker';
import type { Json, Pod } from './pod-types';

/** The lease a kubelet renews (nodeLeaseDurationSeconds 40, renewed every quarter of it). */
const LEASE_DURATION_S = 40;
const LEASE_RENEW_MS = 10_000;
/** nodeStatusReportFrequency: a full status report at least this often. */
const STATUS_REPORT_MS = 5 * 60_000;

/** How a kubelet is set up. */
export interface KubeletOptions extends Omit<NodeSpec, 'machineID' | 'bootID'> {
  /** Images on the node before any pull (minikube's preload). */
  preloadedImages?: readonly string[];
  /** Static pod manifests (/etc/kubernetes/manifests): run here, mirrored into the API. */
  staticPods?: Pod[];
}

const HEX = '0123456789abcdef';

/** Milliseconds as a Lease's MicroTime (`2025-01-01T00:00:00.000000Z`). */
const microTime = (ms: number): string => new Date(ms).toISOString().replace(/Z$/, '000Z');

/**
 * A node's kubelet: registers its Node, renews its Lease, watches the pods bound to it and runs
 * each through a PodWorker, mirrors its static pods into the API, and serves logs, exec and
 * attach on the node's address, port 10250. An API client like any other, on the injected clock.
 */
export class Kubelet {
  private readonly client: RestClient;
  private readonly informers: InformerFactory;
  private readonly podInformer: Informer<Pod>;
  private readonly serviceInformer: Informer<Json>;
  private readonly recorder: EventRecorder;
  private readonly workers = new Map<string, PodWorker>();
  private readonly byName = new Map<string, PodWorker>();
  private readonly usedIps = new Set<string>();
  private lastIp = 1;
  private readonly context: KubeletContext;
  private readonly spec: NodeSpec;
  private timers: TimerHandle[] = [];
  private stopped = false;
  private unlisten: (() => void) | undefined;
  private readonly sources: WatchingObjectSources;
  private nodeUid = '';
  private lastReport = 0;

  constructor(
    api: ApiHandler,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly network: PodNetwork,
    private readonly options: KubeletOptions,
    onError: (error: unknown) => void = () => {},
  ) {
    this.client = new RestClient(api, {
      userAgent: componentUserAgent('kubelet'),
      fieldValidation: 'Ignore',
      sharedResults: true,
    });
    this.informers = new InformerFactory(this.client, clock, rng, { resyncPeriodMs: 0 });
    this.podInformer = new Informer<Pod>(this.client, PODS, clock, rng, {
      fieldSelector: `spec.nodeName=${options.name}`,
    });
    this.serviceInformer = this.informers.informerFor<Json>(SERVICES);
    this.recorder = new EventRecorder(this.client, clock, rng, { component: 'kubelet', host: options.name });
    this.sources = new WatchingObjectSources(this.client, clock, rng);
    this.spec = {
      ...options,
      machineID: randomString(rng, 32, HEX),
      bootID: `${randomString(rng, 8, HEX)}-${randomString(rng, 4, HEX)}-${randomString(rng, 4, HEX)}-${randomString(rng, 4, HEX)}-${randomString(rng, 12, HEX)}`,
    };
    const images = new ImageManager(clock, rng, options.preloadedImages ?? []);
    this.context = {
      nodeName: options.name,
      nodeIP: options.ip,
      client: this.client,
      clock,
      rng,
      recorder: this.recorder,
      sources: this.sources,
      images,
      hostFs: new Volume(),
      allocatable: { cpu: 2, memory: 4010032 * 1024, 'ephemeral-storage': 102625208 * 1024 },
      allocateIp: () => this.allocateIp(),
      releaseIp: (ip) => this.usedIps.delete(ip),
      reserveIp: (ip) => this.usedIps.add(ip),
      servicesFor: (namespace) => this.servicesFor(namespace),
      listen: (ip, port, listener) => network.listen(ip, port, listener),
      listener: (ip, port) => network.listener(ip, port),
      addHost: (ip) => network.addHost(ip),
      containerNetwork: (ip, ended) => createContainerNetwork({ pods: network, address: ip, clock, ended }),
      api,
      forget: (uid) => this.forget(uid),
      onError,
    };
  }

  /** The container `name` of pod `namespace/pod` on this node as it runs now (tests reach its processes' view). */
  container(namespace: string, pod: string, name: string): Container | undefined {
    return this.byName.get(`${namespace}/${pod}`)?.record(name)?.current;
  }

  get nodeName(): string {
    return this.options.name;
  }

  /** Registers the node, starts the lease and the pod watch, and mirrors the static pods. */
  async start(): Promise<void> {
    await this.register();
    const server = new KubeletHttpServer(
      (target) => this.byName.get(`${target.namespace}/${target.pod}`)?.record(target.container),
      () => this.clock.now(),
      () => JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: this.podInformer.list() }),
    );
    this.unlisten = this.network.addKubelet(this.options.ip, 10250, server);
    this.podInformer.addEventHandler({
      add: (pod) => this.podChanged(pod),
      update: (_old, pod) => this.podChanged(pod),
      delete: (object) => this.podDeleted(tombstoneObject(object)),
    });
    this.informers.start();
    this.podInformer.start();
    await this.renewLease();
    this.every(LEASE_RENEW_MS, () => this.heartbeat());
    await this.mirrorStaticPods();
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) timer.cancel();
    this.timers = [];
    this.informers.shutdown();
    this.podInformer.stop();
    this.recorder.shutdown();
    this.sources.stop();
    this.unlisten?.();
    for (const worker of this.workers.values()) worker.remove();
  }

  /** Resolves once queued events are written. */
  flushEvents(): Promise<void> {
    return this.recorder.flush();
  }

  /**
   * The resource metrics endpoint (`/metrics/resource`): every running container's CPU counter
   * and working set, by pod. What metrics-server scrapes.
   */
  resourceUsage(): NodeUsageReport {
    const pods: NodeUsageReport['pods'] = [];
    for (const [key, worker] of this.byName) {
      const [namespace, name] = key.split('/');
      const containers: NodeUsageReport['pods'][number]['containers'] = [];
      const spec = this.podInformer.get(namespace, name)?.spec;
      for (const container of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
        const point = worker.record(container.name)?.current?.usage.point();
        if (point) containers.push({ name: container.name, point });
      }
      if (containers.length) pods.push({ namespace, name, containers });
    }
    return { node: this.options.name, pods };
  }

  private every(ms: number, fn: () => Promise<void>): void {
    const tick = (): void => {
      if (this.stopped) return;
      void fn()
        .catch((error: unknown) => this.context.onError(error))
        .finally(() => {
          if (!this.stopped) this.timers.push(this.clock.setTimer(ms, tick));
        });
    };
    this.timers.push(this.clock.setTimer(ms, tick));
  }

  private presentImages(): Array<{ names: string[]; sizeBytes: number }> {
    return this.context.images.images().map((key) => {
      const [name] = key.split('@');
      const found = lookupImage(name);
      const size = found.ok ? found.image.module.sizeBytes : 0;
      const familiar = found.ok ? found.image.reference.familiar : name;
      return { names: [familiar], sizeBytes: size };
    });
  }

  /** Creates the Node, or takes over an existing one (a reload) and reports it healthy. */
  private async register(): Promise<void> {
    const nodes = this.client.resource<Json>(NODES);
    const now = this.clock.now();
    const desired = nodeObject(this.spec, now, this.presentImages());
    try {
      const created = await nodes.create(desired);
      this.nodeUid = created.metadata.uid;
    } catch (error) {
      if (!hasStatusCode(error, 409)) throw error;
      const existing = await nodes.get(this.options.name);
      this.nodeUid = existing.metadata.uid;
      await this.reportStatus(existing);
    }
    this.lastReport = now;
  }

  /** Every 10 s: renew the lease; every 5 min (or when the API lost it), report the status. */
  private async heartbeat(): Promise<void> {
    await this.renewLease();
    if (this.clock.now() - this.lastReport >= STATUS_REPORT_MS) {
      const node = await this.client.resource<Json>(NODES).get(this.options.name);
      await this.reportStatus(node);
    }
  }

  private async reportStatus(node: Json): Promise<void> {
    const now = this.clock.now();
    const conditions = ((node.status?.conditions ?? []) as Json[]).map((c) => {
      const healthy = nodeObject(this.spec, now, []).status.conditions.find((h: Json) => h.type === c.type);
      if (!healthy) return c;
      const changed = healthy.status !== c.status;
      return { ...healthy, lastTransitionTime: changed ? formatTime(now) : c.lastTransitionTime };
    });
    await this.client
      .resource<Json>(NODES)
      .patch(
        this.options.name,
        'merge',
        { status: { conditions, images: this.presentImages() } },
        { subresource: 'status' },
      );
    this.lastReport = now;
  }

  private async renewLease(): Promise<void> {
    const leases = this.client.resource<Json>(LEASES, 'kube-node-lease');
    const spec = {
      holderIdentity: this.options.name,
      leaseDurationSeconds: LEASE_DURATION_S,
      renewTime: microTime(this.clock.now()),
    };
    try {
      await leases.patch(this.options.name, 'merge', { spec });
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
      await leases.create({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: this.options.name,
          namespace: 'kube-node-lease',
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.options.name, uid: this.nodeUid }],
        },
        spec,
      });
    }
  }

  /** Mirror pods for the static pods, created where missing (kubelet's mirror client). */
  private async mirrorStaticPods(): Promise<void> {
    const pods = this.client.resource<Pod>(PODS, 'kube-system');
    for (const manifest of this.options.staticPods ?? []) {
      const name = `${manifest.metadata?.name}-${this.options.name}`;
      const hash = randomString(this.rng, 32, HEX);
      const mirror: Pod = {
        ...manifest,
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          ...manifest.metadata,
          name,
          namespace: manifest.metadata?.namespace ?? 'kube-system',
          annotations: {
            ...manifest.metadata?.annotations,
            'kubernetes.io/config.hash': hash,
            'kubernetes.io/config.mirror': hash,
            'kubernetes.io/config.seen': new Date(this.clock.now()).toISOString().replace(/Z$/, '000000Z'),
            'kubernetes.io/config.source': 'file',
          },
          ownerReferences: [
            { apiVersion: 'v1', controller: true, kind: 'Node', name: this.options.name, uid: this.nodeUid },
          ],
        },
        // The kubelet lets static pods tolerate every NoExecute taint (config/common.go).
        spec: {
          ...manifest.spec,
          nodeName: this.options.name,
          tolerations: [...(manifest.spec.tolerations ?? []), { effect: 'NoExecute', operator: 'Exists' }],
        },
      };
      try {
        await pods.create(mirror);
      } catch (error) {
        if (!hasStatusCode(error, 409)) throw error;
      }
    }
  }

  private podChanged(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    if (!pod.spec?.nodeName || pod.spec.nodeName !== this.options.name) return;
    let worker = this.workers.get(uid);
    if (!worker) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
        if (!pod.metadata?.deletionTimestamp) return;
      }
      worker = new PodWorker(this.context, pod);
      this.workers.set(uid, worker);
      this.byName.set(`${pod.metadata?.namespace}/${pod.metadata?.name}`, worker);
    }
    worker.update(pod);
  }

  private podDeleted(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    this.workers.get(uid)?.remove();
    this.forget(uid);
    if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] && !this.stopped)
      void this.mirrorStaticPods().catch(this.context.onError);
  }

  private forget(uid: string): void {
    this.sources.release(uid);
    const worker = this.workers.get(uid);
    if (!worker) return;
    this.workers.delete(uid);
    for (const [key, w] of this.byName) if (w === worker) this.byName.delete(key);
  }

  /** The next free address of the node's podCIDR after the last one given (host-local IPAM). */
  private allocateIp(): string {
    const base = this.options.podCIDR.split('/')[0].split('.').slice(0, 3).join('.');
    for (let i = 0; i < 253; i++) {
      this.lastIp = this.lastIp >= 254 ? 2 : this.lastIp + 1;
      const ip = `${base}.${this.lastIp}`;
      if (!this.usedIps.has(ip)) {
        this.usedIps.add(ip);
        return ip;
      }
    }
    throw new Error(`failed to allocate for range 0: no IP addresses available in range set: ${base}.1-${base}.254`);
  }

  private servicesFor(namespace: string): ServiceEnvSource[] {
    const out: ServiceEnvSource[] = [];
    for (const service of this.serviceInformer.list()) {
      const ns = service.metadata?.namespace;
      if (ns !== namespace && !(ns === 'default' && service.metadata?.name === 'kubernetes')) continue;
      out.push({ name: service.metadata?.name, clusterIP: service.spec?.clusterIP, ports: service.spec?.ports ?? [] });
    }
    return out;
  }
}
