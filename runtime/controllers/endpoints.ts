import { clone } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCause, hasStatusCode, type RestClient } from '../client/rest-client';
import { ENDPOINTS, PODS, SERVICES } from '../client/resources';
import type { EventRecorder } from './events';
import type { Endpoints, EndpointSubset, EndpointAddress, Service } from './endpoints-types';
import {
  capacityAnnotationSetCorrectly,
  OVER_CAPACITY_ANNOTATION,
  repackSubsets,
  subsetsEqual,
  truncateSubsets,
} from './endpoints-subsets';
import {
  findPort,
  hasSelector,
  HEADLESS_SERVICE_LABEL,
  isIPv6,
  isServiceIPSet,
  LAST_CHANGE_TRIGGER_TIME,
  podIPs,
  podServiceMemberships,
  podsOfService,
  servicesToUpdateOnPodChange,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  TriggerTimeTracker,
} from './endpoints-util';
import { objectKey, type Informer, type InformerFactory } from './informer';
import { isPodReady, type Pod } from './pods';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-endpoint-syncs default. */
export const DEFAULT_ENDPOINT_WORKERS = 5;
/** The service account (and event source) the Endpoints controller runs as. */
export const ENDPOINT_CONTROLLER_NAME = 'endpoint-controller';
/** Failed syncs of one Service retried before it is dropped (endpoint.maxRetries). */
export const ENDPOINT_MAX_RETRIES = 15;
/** The annotation of leader-election records, whose Endpoints have no Service and are kept. */
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

const KIND = { apiVersion: 'v1', kind: 'Endpoints' };

/** What the Endpoints controller needs. */
export interface EndpointsControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  /** An event recorder whose source is `endpoint-controller`. */
  recorder: EventRecorder;
  /** Delay before a sync that pod changes cause (--endpoint-updates-batch-period; default 0). */
  endpointUpdatesBatchPeriodMs?: number;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The Endpoints controller (pkg/controller/endpoint): for every Service with a selector, one v1
 * Endpoints of the same name listing the selected pods' IPs — ready ones in `addresses`, the
 * others in `notReadyAddresses` unless the Service publishes them — with the ports their
 * targetPorts resolve to, repacked into the canonical subsets. Endpoints whose Service is gone
 * are deleted; Services without a selector are left to whoever writes their Endpoints.
 */
export class EndpointsController {
  readonly queue: WorkQueue<string>;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly endpoints: Informer<Endpoints>;
  private readonly triggerTimes = new TriggerTimeTracker();
  /** Resource versions of Endpoints this controller has since replaced (staleEndpointsTracker). */
  private readonly staleVersions = new Map<string, string>();
  private readonly batchPeriodMs: number;
  private stopped = false;

  constructor(private readonly deps: EndpointsControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.batchPeriodMs = deps.endpointUpdatesBatchPeriodMs ?? 0;
    this.services = deps.informers.informerFor<Service>(SERVICES);
    this.pods = deps.informers.informerFor<Pod>(PODS);
    this.endpoints = deps.informers.informerFor<Endpoints>(ENDPOINTS);
    this.services.addEventHandler({
      add: (service) => this.queue.add(objectKey(service)),
      update: (_old, service) => this.queue.add(objectKey(service)),
      delete: (service) => this.queue.add(objectKey(service)),
    });
    this.pods.addEventHandler({
      add: (pod) => this.enqueueAll(podServiceMemberships(this.services, pod)),
      update: (old, cur) => this.enqueueAll(servicesToUpdateOnPodChange(this.services, old, cur)),
      delete: (pod) => this.enqueueAll(podServiceMemberships(this.services, pod)),
    });
    this.endpoints.addEventHandler({ delete: (endpoints) => this.queue.add(objectKey(endpoints)) });
  }

  /** Waits for the caches, queues every existing Endpoints (to find orphans), runs `workers` until `stop`. */
  async run(workers = DEFAULT_ENDPOINT_WORKERS): Promise<void> {
    await Promise.all([this.pods.waitForSync(), this.services.waitForSync(), this.endpoints.waitForSync()]);
    if (this.stopped) return;
    this.checkLeftoverEndpoints();
    // handleErr: retried with back-off up to ENDPOINT_MAX_RETRIES times, then dropped.
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError, ENDPOINT_MAX_RETRIES);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private enqueueAll(keys: Set<string>): void {
    for (const key of keys) this.queue.addAfter(key, this.batchPeriodMs);
  }

  /** checkLeftoverEndpoints: Endpoints whose Service went while the controller was down get synced (deleted). */
  private checkLeftoverEndpoints(): void {
    for (const endpoints of this.endpoints.list()) {
      if (Object.hasOwn(endpoints.metadata?.annotations ?? {}, LEADER_ANNOTATION)) continue;
      this.queue.add(objectKey(endpoints));
    }
  }

  /** syncService: one reconciliation of the Endpoints of the Service at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const client = this.deps.client.resource<Endpoints>(ENDPOINTS, namespace);
    const service = this.services.get(namespace, name);
    if (!service) {
      try {
        await client.delete(name);
      } catch (error) {
        if (!hasStatusCode(error, 404)) throw error;
      }
      this.triggerTimes.deleteService(key);
      this.staleVersions.delete(key);
      return;
    }
    if (service.spec?.type === 'ExternalName' || !hasSelector(service)) return;

    const pods = podsOfService(this.pods, service);
    const triggerTime = this.triggerTimes.compute(service, pods);
    const subsets = repackSubsets(this.desiredSubsets(service, pods));

    const cached = this.endpoints.get(namespace, name);
    if (cached && this.staleVersions.get(key) === cached.metadata?.resourceVersion) {
      throw new Error(
        `endpoints informer cache is out of date, resource version ${cached.metadata?.resourceVersion} already processed for endpoints ${key}`,
      );
    }
    const current: Endpoints = cached ?? { metadata: { name, labels: service.metadata?.labels } };
    const creating = !current.metadata?.resourceVersion;
    const currentLabels = { ...current.metadata?.labels };
    delete currentLabels[HEADLESS_SERVICE_LABEL];
    if (
      !creating &&
      subsetsEqual(current.subsets, subsets) &&
      sameMap(currentLabels, service.metadata?.labels) &&
      capacityAnnotationSetCorrectly(current.metadata?.annotations, current.subsets ?? [])
    ) {
      return;
    }

    const next: Endpoints = { ...KIND, ...clone(current) };
    next.subsets = subsets;
    const annotations = { ...next.metadata?.annotations };
    if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    if (truncateSubsets(subsets)) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
    else delete annotations[OVER_CAPACITY_ANNOTATION];
    const labels = { ...service.metadata?.labels };
    if (!isServiceIPSet(service)) labels[HEADLESS_SERVICE_LABEL] = '';
    else delete labels[HEADLESS_SERVICE_LABEL];
    next.metadata = { ...next.metadata, labels, annotations };
    // Go leaves out empty maps and lists.
    if (Object.keys(labels).length === 0) delete next.metadata.labels;
    if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
    if (subsets.length === 0) delete next.subsets;

    let written: Endpoints;
    try {
      written = creating ? await client.create(next) : await client.update(next);
    } catch (error) {
      // Nothing can be created in a terminating namespace: drop the Service.
      if (creating && hasStatusCode(error, 403) && hasStatusCause(error, 'NamespaceTerminating')) return;
      const message = (error as Error).message;
      if (creating) {
        this.record(next, 'FailedToCreateEndpoint', `Failed to create endpoint for service ${key}: ${message}`);
      } else {
        this.record(next, 'FailedToUpdateEndpoint', `Failed to update endpoint ${key}: ${message}`);
      }
      throw error;
    }
    // The cache may still hold the replaced version: a sync that reads it must wait for the new one.
    if (!creating && written.metadata?.resourceVersion !== current.metadata?.resourceVersion) {
      this.staleVersions.set(key, current.metadata?.resourceVersion ?? '');
    }
  }

  /** One subset per pod and port (addEndpointSubset), before RepackSubsets. */
  private desiredSubsets(service: Service, pods: Pod[]): EndpointSubset[] {
    const publishNotReady = service.spec?.publishNotReadyAddresses === true;
    const subsets: EndpointSubset[] = [];
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
      const address = podAddress(service, pod);
      if (!address) continue;
      if (shouldSetHostname(pod, service)) address.hostname = (pod.spec?.hostname as string) ?? '';
      const ready = publishNotReady || isPodReady(pod);
      const subset = (ports: EndpointSubset['ports']): EndpointSubset =>
        ready ? { addresses: [address], ports } : { notReadyAddresses: [address], ports };
      const servicePorts = service.spec?.ports ?? [];
      if (servicePorts.length === 0) {
        // A headless Service may have no ports: its endpoints are bare addresses.
        if (service.spec?.clusterIP === 'None') subsets.push(subset(undefined));
        continue;
      }
      for (const servicePort of servicePorts) {
        const port = findPort(pod, servicePort);
        if (port === undefined) continue;
        const endpointPort = { name: servicePort.name, port, protocol: servicePort.protocol };
        subsets.push(subset([withAppProtocol(endpointPort, servicePort.appProtocol)]));
      }
    }
    return subsets;
  }

  private record(endpoints: Endpoints, reason: string, message: string): void {
    this.deps.recorder.event(endpoints, 'Warning', reason, message);
  }
}

/**
 * podToEndpointAddressForService: the pod's IP of the Service's first IP family, its node and a
 * reference to it; undefined when the pod has no IP of that family.
 */
function podAddress(service: Service, pod: Pod): EndpointAddress | undefined {
  let ipv6: boolean;
  const families = service.spec?.ipFamilies ?? [];
  if (families.length > 0) ipv6 = families[0] === 'IPv6';
  else if (isServiceIPSet(service)) ipv6 = isIPv6(service.spec?.clusterIP ?? '');
  else ipv6 = isIPv6((pod.status?.podIP as string | undefined) ?? '');
  const ip = podIPs(pod).find((candidate) => isIPv6(candidate) === ipv6);
  if (!ip) return undefined;
  const meta = pod.metadata ?? {};
  return {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: meta.namespace, name: meta.name, uid: meta.uid },
  };
}

function withAppProtocol<T extends object>(port: T, appProtocol: string | undefined): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(port)) if (v !== undefined && v !== '') out[k] = v;
  if (appProtocol) out.appProtocol = appProtocol;
  return out as T;
}

/** apiequality.Semantic.DeepEqual of two label maps (nil and empty alike). */
function sameMap(a: Record<string, string> = {}, b: Record<string, string> = {}): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
