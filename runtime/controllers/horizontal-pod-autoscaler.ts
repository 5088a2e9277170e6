import { clone } from '../api/object';
import { formatQuantity } from '../api/quantity';
import { parseLabelSelector, SelectorError, type LabelSelector } from '../api/selectors';
import { StatusError } from '../api/status';
import type { Clock } from '../clock';
import { resourcePath, type RestClient } from '../client/rest-client';
import { HORIZONTALPODAUTOSCALERS, PODS } from '../client/resources';
import { formatTime } from '../util/time';
import type { EventRecorder } from './events';
import { objectKey, type Informer, type InformerFactory } from './informer';
import { ScalingHistory, type NormalisationArgs } from './horizontal-pod-autoscaler-behavior';
import {
  getResourceMetric,
  HpaError,
  milliValue,
  rawResourceReplicas,
  resourceReplicas,
} from './horizontal-pod-autoscaler-replicas';
import type {
  HorizontalPodAutoscaler,
  HpaCondition,
  MetricSpec,
  MetricStatus,
  MetricValueStatus,
  Scale,
} from './horizontal-pod-autoscaler-types';
import type { Pod } from './pods';
import { WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-horizontal-pod-autoscaler-syncs default. */
export const DEFAULT_HPA_WORKERS = 5;
/** The service account kube-controller-manager runs the HPA controller as (its events' source too). */
export const HPA_SERVICE_ACCOUNT = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period: each autoscaler is reconciled this often. */
export const HPA_SYNC_PERIOD_MS = 15_000;

/** What the controller needs. */
export interface HorizontalPodAutoscalerControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/** A metric computed: its proposal, its name for the rescale reason, its status. */
interface MetricProposal {
  replicas: number;
  name: string;
  status: MetricStatus;
}

/** A failed metric: the condition it proposes and the error. */
class MetricFailure extends Error {
  constructor(
    message: string,
    readonly reason: string,
    readonly conditionMessage: string,
  ) {
    super(message);
  }
}

const errorText = (error: unknown): string =>
  error instanceof StatusError ? (error.status.message ?? '') : error instanceof Error ? error.message : String(error);

/** The default metric the API server fills in (autoscaling/v2 defaults): 80% of the CPU request. */
const DEFAULT_METRICS: MetricSpec[] = [
  { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
];

/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler): every 15 s each
 * autoscaler reads its target's scale subresource, its Resource and ContainerResource metrics
 * from metrics.k8s.io (Utilization of the request or AverageValue), proposes replicas with the
 * 10% tolerance (unready and missing pods handled as upstream), normalises them (stabilisation
 * windows, the behavior's policies, min and max), writes the scale, and reports the status
 * (currentMetrics, desiredReplicas, AbleToScale, ScalingActive, ScalingLimited) and events.
 */
export class HorizontalPodAutoscalerController {
  readonly queue: WorkQueue<string>;
  private readonly hpaInformer: Informer<HorizontalPodAutoscaler>;
  private readonly podInformer: Informer<Pod>;
  private readonly history: ScalingHistory;
  /** The selector each autoscaler last had, for the multiple-HPAs check. */
  private readonly selectors = new Map<string, LabelSelector>();
  private stopped = false;

  constructor(private readonly deps: HorizontalPodAutoscalerControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.history = new ScalingHistory(() => deps.clock.now());
    this.hpaInformer = deps.informers.informerFor<HorizontalPodAutoscaler>(HORIZONTALPODAUTOSCALERS);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    // Requests always wait the sync period (the fixed-interval rate limiter): an autoscaler is
    // reconciled every 15 s, and changes wait for its next round.
    const enqueue = (hpa: HorizontalPodAutoscaler): void => this.queue.addAfter(objectKey(hpa), HPA_SYNC_PERIOD_MS);
    this.hpaInformer.addEventHandler({
      add: enqueue,
      update: (_old, hpa) => enqueue(hpa),
      delete: (hpa) => this.selectors.delete(objectKey(hpa)),
    });
  }

  /** Waits for the caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_HPA_WORKERS): Promise<void> {
    await Promise.all([this.hpaInformer.waitForSync(), this.podInformer.waitForSync()]);
    if (this.stopped) return;
    await Promise.all(Array.from({ length: workers }, () => this.worker()));
  }

  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private async worker(): Promise<void> {
    for (;;) {
      const next = await this.queue.get();
      if (next.shutdown) return;
      const key = next.item;
      let deleted = false;
      try {
        deleted = await this.sync(key);
      } catch (error) {
        this.deps.onError?.(key, error);
      } finally {
        if (!deleted) this.queue.addAfter(key, HPA_SYNC_PERIOD_MS);
        this.queue.done(key);
      }
    }
  }

  /** reconcileKey: true when the autoscaler is gone (its history forgotten). */
  async sync(key: string): Promise<boolean> {
    const [namespace, name] = key.split('/');
    const cached = this.hpaInformer.get(namespace, name);
    if (!cached) {
      this.history.forget(key);
      return true;
    }
    await this.reconcile(cached, key);
    return false;
  }

  /** reconcileAutoscaler. */
  private async reconcile(shared: HorizontalPodAutoscaler, key: string): Promise<void> {
    const hpa = clone(shared);
    const original = JSON.stringify(hpa.status ?? {});
    hpa.status = { ...hpa.status };
    const spec = hpa.spec ?? {};
    const namespace = hpa.metadata?.namespace ?? '';
    const ref = spec.scaleTargetRef ?? {};
    const reference = `${ref.kind ?? ''}/${namespace}/${ref.name ?? ''}`;
    let scale: Scale;
    let scalePath: string;
    try {
      scalePath = await this.scalePath(ref.apiVersion ?? '', ref.kind ?? '', namespace, ref.name ?? '');
      scale = await this.deps.client.request<Scale>('GET', scalePath);
    } catch (error) {
      const message = errorText(error);
      this.event(hpa, 'Warning', 'FailedGetScale', message);
      this.setCondition(
        hpa,
        'AbleToScale',
        'False',
        'FailedGetScale',
        `the HPA controller was unable to get the target's current scale: ${message}`,
      );
      await this.updateStatusIfNeeded(original, hpa);
      throw new Error(`failed to query scale subresource for ${reference}: ${message}`, { cause: error });
    }
    this.setCondition(
      hpa,
      'AbleToScale',
      'True',
      'SucceededGetScale',
      "the HPA controller was able to get the target's current scale",
    );
    const currentReplicas = scale.spec?.replicas ?? 0;
    this.history.recordInitial(key, currentReplicas);
    const minReplicas = spec.minReplicas ?? 1;
    const maxReplicas = spec.maxReplicas ?? 0;
    let desiredReplicas = 0;
    let rescaleReason = '';
    let rescale = true;
    let statuses: MetricStatus[] | undefined;
    let failure: Error | undefined;
    if (currentReplicas === 0 && minReplicas !== 0) {
      desiredReplicas = 0;
      rescale = false;
      this.setCondition(
        hpa,
        'ScalingActive',
        'False',
        'ScalingDisabled',
        'scaling is disabled since the replica count of the target is zero',
      );
    } else if (currentReplicas > maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desiredReplicas = maxReplicas;
    } else if (currentReplicas < minReplicas) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desiredReplicas = minReplicas;
    } else {
      const computed = await this.computeReplicasForMetrics(
        hpa,
        scale,
        spec.metrics?.length ? spec.metrics : DEFAULT_METRICS,
      );
      statuses = computed.statuses;
      if (computed.error && computed.replicas === -1) {
        this.setStatus(hpa, currentReplicas, hpa.status.desiredReplicas ?? 0, statuses, false);
        await this.updateStatusIfNeeded(original, hpa);
        this.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', computed.error.message);
        throw new Error(
          `failed to compute desired number of replicas based on listed metrics for ${reference}: ${computed.error.message}`,
        );
      }
      failure = computed.error;
      let rescaleMetric = '';
      if (computed.replicas > desiredReplicas) {
        desiredReplicas = computed.replicas;
        rescaleMetric = computed.metric;
      }
      if (desiredReplicas > currentReplicas) rescaleReason = `${rescaleMetric} above target`;
      if (desiredReplicas < currentReplicas) rescaleReason = 'All metrics below target';
      const args: NormalisationArgs = {
        key,
        currentReplicas,
        desiredReplicas,
        minReplicas,
        maxReplicas,
        behavior: spec.behavior,
      };
      const normalised = this.history.normalize(args);
      this.setCondition(hpa, 'AbleToScale', 'True', normalised.ableToScale.reason, normalised.ableToScale.message);
      const limited = normalised.scalingLimited;
      this.setCondition(hpa, 'ScalingLimited', limited.status, limited.reason, limited.message);
      desiredReplicas = normalised.replicas;
      rescale = desiredReplicas !== currentReplicas;
    }
    if (rescale) {
      try {
        await this.deps.client.request('PUT', scalePath, {
          ...scale,
          spec: { ...scale.spec, replicas: desiredReplicas },
        });
      } catch (error) {
        const message = errorText(error);
        this.event(
          hpa,
          'Warning',
          'FailedRescale',
          `New size: ${desiredReplicas}; reason: ${rescaleReason}; error: ${message}`,
        );
        this.setCondition(
          hpa,
          'AbleToScale',
          'False',
          'FailedUpdateScale',
          `the HPA controller was unable to update the target scale: ${message}`,
        );
        this.setStatus(hpa, currentReplicas, hpa.status.desiredReplicas ?? 0, statuses, false);
        await this.updateStatusIfNeeded(original, hpa);
        throw new Error(`failed to rescale ${reference}: ${message}`, { cause: error });
      }
      this.setCondition(
        hpa,
        'AbleToScale',
        'True',
        'SucceededRescale',
        `the HPA controller was able to update the target scale to ${desiredReplicas}`,
      );
      this.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desiredReplicas}; reason: ${rescaleReason}`);
      this.history.storeScaleEvent({ key, behavior: spec.behavior }, currentReplicas, desiredReplicas);
    } else {
      desiredReplicas = currentReplicas;
    }
    this.setStatus(hpa, currentReplicas, desiredReplicas, statuses, rescale);
    await this.updateStatusIfNeeded(original, hpa);
    if (failure) throw failure;
  }

  /** The scale subresource's path for the target (the RESTMapper, through discovery). */
  private async scalePath(apiVersion: string, kind: string, namespace: string, name: string): Promise<string> {
    const parts = apiVersion.split('/');
    if (parts.length > 2) throw new Error(`unexpected GroupVersion string: ${apiVersion}`);
    const [group, version] = parts.length === 2 ? parts : ['', parts[0]];
    const noMatch = new Error(`no matches for kind "${kind}" in group "${group}"`);
    let list: { resources?: Array<{ name: string; kind: string }> };
    try {
      list = await this.deps.client.request('GET', group ? `/apis/${group}/${version}` : `/api/${version}`);
    } catch {
      throw noMatch;
    }
    const resource = list.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
    if (!resource) throw noMatch;
    return resourcePath({ group, version, resource: resource.name, kind, namespaced: true }, namespace, name, 'scale');
  }

  /** computeReplicasForMetrics: the highest proposal; -1 when every metric failed (or some did and it would scale down). */
  private async computeReplicasForMetrics(
    hpa: HorizontalPodAutoscaler,
    scale: Scale,
    specs: MetricSpec[],
  ): Promise<{ replicas: number; metric: string; statuses?: MetricStatus[]; error?: Error }> {
    const selectorText = scale.status?.selector ?? '';
    let selector: LabelSelector;
    try {
      selector = this.validateSelector(hpa, selectorText);
    } catch (error) {
      return { replicas: -1, metric: '', error: error as Error };
    }
    const statuses: MetricStatus[] = specs.map(() => ({ type: '' }));
    let replicas = 0;
    let metric = '';
    let invalid = 0;
    let first: MetricFailure | undefined;
    for (let i = 0; i < specs.length; i++) {
      try {
        const proposal = await this.computeReplicasForMetric(hpa, specs[i], scale, selector, selectorText);
        statuses[i] = proposal.status;
        if (replicas === 0 || proposal.replicas > replicas) {
          replicas = proposal.replicas;
          metric = proposal.name;
        }
      } catch (error) {
        const failed = error instanceof MetricFailure ? error : new MetricFailure(errorText(error), '', '');
        if (invalid === 0) first = failed;
        invalid++;
      }
    }
    const error = first
      ? new Error(`invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${first.message}`)
      : undefined;
    if (first && (invalid >= specs.length || replicas < (scale.spec?.replicas ?? 0))) {
      this.setCondition(hpa, 'ScalingActive', 'False', first.reason, first.conditionMessage);
      return { replicas: -1, metric: '', statuses, error };
    }
    this.setCondition(
      hpa,
      'ScalingActive',
      'True',
      'ValidMetricFound',
      `the HPA was able to successfully calculate a replica count from ${metric}`,
    );
    return { replicas, metric, statuses, error };
  }

  /** validateAndParseSelector: required, parsable, and its pods under no other autoscaler. */
  private validateSelector(hpa: HorizontalPodAutoscaler, text: string): LabelSelector {
    if (text === '') {
      this.event(hpa, 'Warning', 'SelectorRequired', 'selector is required');
      this.setCondition(
        hpa,
        'ScalingActive',
        'False',
        'InvalidSelector',
        "the HPA target's scale is missing a selector",
      );
      throw new Error('selector is required');
    }
    let selector: LabelSelector;
    try {
      selector = parseLabelSelector(text);
    } catch (error) {
      const detail = error instanceof SelectorError ? error.message : String(error);
      const message = `couldn't convert selector into a corresponding internal selector object: ${detail}`;
      this.event(hpa, 'Warning', 'InvalidSelector', message);
      this.setCondition(hpa, 'ScalingActive', 'False', 'InvalidSelector', message);
      throw new Error(message, { cause: error });
    }
    const key = objectKey(hpa);
    this.selectors.set(key, selector);
    const namespace = hpa.metadata?.namespace ?? '';
    const pods = this.podInformer.list(namespace).filter((p) => selector.matches(p.metadata?.labels));
    const owners = new Set<string>();
    for (const [other, otherSelector] of this.selectors) {
      if (!other.startsWith(`${namespace}/`) || !this.hpaInformer.getByKey(other)) continue;
      if (pods.some((p) => otherSelector.matches(p.metadata?.labels))) owners.add(other);
    }
    if (owners.size > 1) {
      const message = `pods by selector ${text} are controlled by multiple HPAs: [${[...owners].sort().join(' ')}]`;
      this.event(hpa, 'Warning', 'AmbiguousSelector', message);
      this.setCondition(hpa, 'ScalingActive', 'False', 'AmbiguousSelector', message);
      throw new Error(message);
    }
    return selector;
  }

  /** computeReplicasForMetric: one metric's proposal, or a MetricFailure with its condition (and event). */
  private async computeReplicasForMetric(
    hpa: HorizontalPodAutoscaler,
    spec: MetricSpec,
    scale: Scale,
    selector: LabelSelector,
    selectorText: string,
  ): Promise<MetricProposal> {
    const currentReplicas = scale.spec?.replicas ?? 0;
    const unable = (reason: string, message: string, wrapped: string): never => {
      this.event(hpa, 'Warning', reason, message);
      throw new MetricFailure(wrapped, reason, `the HPA was unable to compute the replica count: ${message}`);
    };
    const source =
      spec.type === 'Resource' ? spec.resource : spec.type === 'ContainerResource' ? spec.containerResource : undefined;
    if (!source) {
      if (spec.type === 'Pods' || spec.type === 'Object' || spec.type === 'External') {
        const name = (spec[spec.type.toLowerCase() as 'pods' | 'object' | 'external'] as { metric?: { name?: string } })
          ?.metric?.name;
        const reason = `FailedGet${spec.type}Metric`;
        const api = spec.type === 'External' ? 'external' : 'custom';
        const message = `unable to get ${spec.type === 'External' ? 'external ' : ''}metric ${name ?? ''}: unable to fetch metrics from ${api} metrics API: no ${api} metrics API (${api}.metrics.k8s.io) registered`;
        const prefix = {
          Pods: 'pods metric value',
          Object: 'object metric value',
          External: `${name ?? ''} external metric value`,
        }[spec.type];
        return unable(reason, message, `failed to get ${prefix}: ${message}`);
      }
      const message = `unknown metric source type "${spec.type}"`;
      return unable('InvalidMetricSourceType', message, message);
    }
    const container = spec.type === 'ContainerResource' ? (spec.containerResource?.container ?? '') : '';
    const resource = source.name;
    const reason = spec.type === 'Resource' ? 'FailedGetResourceMetric' : 'FailedGetContainerResourceMetric';
    const wrap = (message: string): string =>
      spec.type === 'Resource'
        ? `failed to get ${resource} resource metric value: ${message}`
        : `failed to get ${container} container metric value: ${message}`;
    const target = source.target ?? {};
    const namespace = hpa.metadata?.namespace ?? '';
    const pods = this.podInformer.list(namespace).filter((p) => selector.matches(p.metadata?.labels));
    const now = this.deps.clock.now();
    if (target.averageValue !== undefined && target.averageValue !== null) {
      let proposal;
      try {
        const fetched = await this.fetch(resource, namespace, selectorText, container);
        proposal = rawResourceReplicas(currentReplicas, milliValue(target.averageValue), resource, pods, fetched, now);
      } catch (error) {
        const message = `failed to get ${resource} usage: ${errorText(error)}`;
        return unable(reason, message, wrap(message));
      }
      const current = { averageValue: milliQuantity(proposal.rawUsage) };
      return { replicas: proposal.replicas, name: `${resource} resource`, status: this.metricStatus(spec, current) };
    }
    if (target.averageUtilization === undefined || target.averageUtilization === null) {
      const message =
        'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set';
      return unable(reason, message, wrap(message));
    }
    let proposal;
    try {
      const fetched = await this.fetch(resource, namespace, selectorText, container);
      proposal = resourceReplicas(currentReplicas, target.averageUtilization, resource, container, pods, fetched, now);
    } catch (error) {
      const message = `failed to get ${resource} utilization: ${errorText(error)}`;
      return unable(reason, message, wrap(message));
    }
    const name =
      spec.type === 'Resource'
        ? `${resource} resource utilization (percentage of request)`
        : `${resource} container resource utilization (percentage of request)`;
    const current = { averageUtilization: proposal.utilization, averageValue: milliQuantity(proposal.rawUsage) };
    return { replicas: proposal.replicas, name, status: this.metricStatus(spec, current) };
  }

  private async fetch(resource: string, namespace: string, selector: string, container: string) {
    try {
      return await getResourceMetric(this.deps.client, resource, namespace, selector, container);
    } catch (error) {
      if (error instanceof HpaError)
        throw new HpaError(`unable to get metrics for resource ${resource}: ${error.message}`);
      throw error;
    }
  }

  private metricStatus(spec: MetricSpec, current: MetricValueStatus): MetricStatus {
    if (spec.type === 'ContainerResource' && spec.containerResource) {
      const { name, container } = spec.containerResource;
      return { type: 'ContainerResource', containerResource: { name, container, current } };
    }
    return { type: 'Resource', resource: { name: spec.resource?.name ?? '', current } };
  }

  /** setStatus: the status recreated from the counts, metrics and conditions; lastScaleTime on a rescale. */
  private setStatus(
    hpa: HorizontalPodAutoscaler,
    currentReplicas: number,
    desiredReplicas: number,
    metrics: MetricStatus[] | undefined,
    rescale: boolean,
  ): void {
    const previous = hpa.status ?? {};
    hpa.status = {
      ...(rescale
        ? { lastScaleTime: formatTime(this.deps.clock.now()) }
        : previous.lastScaleTime
          ? { lastScaleTime: previous.lastScaleTime }
          : {}),
      currentReplicas,
      desiredReplicas,
      ...(metrics?.length ? { currentMetrics: metrics } : {}),
      ...(previous.conditions ? { conditions: previous.conditions } : {}),
    };
  }

  /** setCondition: adds or changes a condition; its transition time moves only when its status does. */
  private setCondition(
    hpa: HorizontalPodAutoscaler,
    type: string,
    status: 'True' | 'False',
    reason: string,
    message: string,
  ): void {
    const status_ = (hpa.status ??= {});
    const conditions: HpaCondition[] = (status_.conditions = [...(status_.conditions ?? [])]);
    let index = conditions.findIndex((c) => c.type === type);
    if (index < 0) {
      conditions.push({ type, status: '' });
      index = conditions.length - 1;
    }
    const existing = conditions[index];
    conditions[index] = {
      type,
      status,
      lastTransitionTime: existing.status !== status ? formatTime(this.deps.clock.now()) : existing.lastTransitionTime,
      reason,
      message,
    };
  }

  /** updateStatusIfNeeded: writes the status when it changed (a failure is an event and an error). */
  private async updateStatusIfNeeded(original: string, hpa: HorizontalPodAutoscaler): Promise<void> {
    if (JSON.stringify(hpa.status ?? {}) === original) return;
    try {
      await this.deps.client
        .resource<HorizontalPodAutoscaler>(HORIZONTALPODAUTOSCALERS, hpa.metadata?.namespace)
        .updateStatus(hpa);
    } catch (error) {
      const message = errorText(error);
      this.event(hpa, 'Warning', 'FailedUpdateStatus', message);
      this.deps.onError?.(objectKey(hpa), new Error(`failed to update status for ${hpa.metadata?.name}: ${message}`));
    }
  }

  private event(hpa: HorizontalPodAutoscaler, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event(hpa, type, reason, message);
  }
}

/** resource.NewMilliQuantity(v, DecimalSI) as text (`250m`, `1`, `4194304k`). */
function milliQuantity(milli: number): string {
  return formatQuantity({ milli: BigInt(Math.trunc(milli)), format: 'DecimalSI' });
}
