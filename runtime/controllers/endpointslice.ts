import type { KubeObject } from '../api/object';
import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import { ENDPOINTSLICES, NODES, PODS, SERVICES } from '../client/resources';
import type { EventRecorder } from './events';
import type { EndpointSlice, Service } from './endpoints-types';
import {
  hasSelector,
  podServiceMemberships,
  podsOfService,
  servicesToUpdateOnPodChange,
  TriggerTimeTracker,
} from './endpoints-util';
import { ENDPOINTSLICE_MANAGED_BY, EndpointSliceReconciler, MANAGED_BY_LABEL } from './endpointslice-reconciler';
import { EndpointSliceTracker, SERVICE_NAME_LABEL } from './endpointslice-tracker';
import { objectKey, tombstoneObject, type Informer, type InformerFactory } from './informer';
import type { Pod } from './pods';
import { BucketRateLimiter, ItemExponentialFailureRateLimiter, MaxOfRateLimiter } from './rate-limiter';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-service-endpoint-syncs default. */
export const DEFAULT_ENDPOINTSLICE_WORKERS = 5;
/** The service account the EndpointSlice controller runs as. */
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller';
/** The source its events report (NewController's recorder: not the service account's name). */
export const ENDPOINTSLICE_EVENT_SOURCE = 'endpoint-slice-controller';
/** --max-endpoints-per-slice default. */
export const DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;
/** Failed syncs of one Service retried before it is dropped (endpointslice maxRetries). */
export const ENDPOINTSLICE_MAX_RETRIES = 15;
/** The least delay before a sync that a slice change causes (endpointSliceChangeMinSyncDelay). */
const SLICE_CHANGE_MIN_SYNC_DELAY_MS = 1000;

/** What the EndpointSlice controller needs. */
export interface EndpointSliceControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  /** An event recorder whose source is ENDPOINTSLICE_EVENT_SOURCE (`endpoint-slice-controller`). */
  recorder: EventRecorder;
  /** Endpoints per slice at most (--max-endpoints-per-slice; default 100). */
  maxEndpointsPerSlice?: number;
  /** Delay before a sync that pod changes cause (--endpointslice-updates-batch-period; default 0). */
  endpointUpdatesBatchPeriodMs?: number;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a selector,
 * EndpointSlices (`<service>-<5 random characters>`, owned by the Service) of at most 100
 * endpoints listing its pods with their readiness, node and zone, kept by the reconciler with as
 * few writes as it can manage. Its queue backs off from 1 s, not 5 ms: a sync may rewrite many
 * slices. Slices of a deleted Service are the garbage collector's to remove.
 */
export class EndpointSliceController {
  readonly queue: WorkQueue<string>;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<KubeObject>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly tracker = new EndpointSliceTracker();
  private readonly triggerTimes = new TriggerTimeTracker();
  private readonly reconciler: EndpointSliceReconciler;
  private readonly batchPeriodMs: number;
  private stopped = false;

  constructor(private readonly deps: EndpointSliceControllerDeps) {
    this.queue = new WorkQueue<string>(
      deps.clock,
      new MaxOfRateLimiter<string>(
        new ItemExponentialFailureRateLimiter<string>(1000, 1_000_000),
        new BucketRateLimiter<string>(deps.clock, 10, 100),
      ),
    );
    this.batchPeriodMs = deps.endpointUpdatesBatchPeriodMs ?? 0;
    this.services = deps.informers.informerFor<Service>(SERVICES);
    this.pods = deps.informers.informerFor<Pod>(PODS);
    this.nodes = deps.informers.informerFor<KubeObject>(NODES);
    this.slices = deps.informers.informerFor<EndpointSlice>(ENDPOINTSLICES);
    this.reconciler = new EndpointSliceReconciler({
      client: deps.client,
      nodes: this.nodes,
      maxEndpointsPerSlice: deps.maxEndpointsPerSlice ?? DEFAULT_MAX_ENDPOINTS_PER_SLICE,
      tracker: this.tracker,
    });
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
    this.slices.addEventHandler({
      add: (slice) => {
        if (managed(slice) && this.tracker.shouldSync(slice)) this.enqueueForSlice(slice);
      },
      update: (old, cur) => this.sliceUpdated(old, cur),
      delete: (object) => {
        const slice = tombstoneObject(object);
        // A deletion this controller did not make is repaired.
        if (managed(slice) && this.tracker.has(slice) && !this.tracker.handleDeletion(slice)) {
          this.enqueueForSlice(slice);
        }
      },
    });
  }

  /** Waits for the caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_ENDPOINTSLICE_WORKERS): Promise<void> {
    await Promise.all([
      this.pods.waitForSync(),
      this.services.waitForSync(),
      this.slices.waitForSync(),
      this.nodes.waitForSync(),
    ]);
    if (this.stopped) return;
    // handleErr: retried with back-off up to ENDPOINTSLICE_MAX_RETRIES times, then dropped.
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError, ENDPOINTSLICE_MAX_RETRIES);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private enqueueAll(keys: Set<string>): void {
    for (const key of keys) this.queue.addAfter(key, this.batchPeriodMs);
  }

  private sliceUpdated(old: EndpointSlice, cur: EndpointSlice): void {
    // The service-name label may be changed by users (no generation change): sync both Services.
    if (old.metadata?.labels?.[SERVICE_NAME_LABEL] !== cur.metadata?.labels?.[SERVICE_NAME_LABEL]) {
      this.enqueueForSlice(cur);
      this.enqueueForSlice(old);
      return;
    }
    if (managed(old) !== managed(cur) || (managed(cur) && this.tracker.shouldSync(cur))) this.enqueueForSlice(cur);
  }

  /** queueServiceForEndpointSlice: a slice change is synced after a second, batching its siblings'. */
  private enqueueForSlice(slice: EndpointSlice): void {
    const service = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    if (!service) return;
    this.queue.addAfter(
      `${slice.metadata?.namespace}/${service}`,
      Math.max(SLICE_CHANGE_MIN_SYNC_DELAY_MS, this.batchPeriodMs),
    );
  }

  /** syncService: one reconciliation of the slices of the Service at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const service = this.services.get(namespace, name);
    if (!service) {
      this.triggerTimes.deleteService(key);
      this.tracker.deleteService(namespace, name);
      return;
    }
    if (service.spec?.type === 'ExternalName' || !hasSelector(service)) return;
    const pods = podsOfService(this.pods, service);
    const slices = this.slices
      .list(namespace)
      .filter(
        (s) =>
          s.metadata?.labels?.[SERVICE_NAME_LABEL] === name &&
          s.metadata?.labels?.[MANAGED_BY_LABEL] === ENDPOINTSLICE_MANAGED_BY &&
          !s.metadata?.deletionTimestamp,
      );
    if (this.tracker.staleSlices(service, slices)) throw new Error('EndpointSlice informer cache is out of date');
    const triggerTime = this.triggerTimes.compute(service, pods);
    try {
      await this.reconciler.reconcile(service, pods, slices, triggerTime);
    } catch (error) {
      this.deps.recorder.event(
        { apiVersion: 'v1', kind: 'Service', ...service },
        'Warning',
        'FailedToUpdateEndpointSlices',
        `Error updating Endpoint Slices for Service ${key}: ${(error as Error).message}`,
      );
      throw error;
    }
  }
}

const managed = (slice: EndpointSlice): boolean =>
  slice.metadata?.labels?.[MANAGED_BY_LABEL] === ENDPOINTSLICE_MANAGED_BY;
