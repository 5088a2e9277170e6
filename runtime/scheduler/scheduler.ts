import type { ApiHandler } from '../api/types';
import type { Clock } from '../clock';
import { RestClient } from '../client/rest-client';
import { NAMESPACES, NODES, PODS } from '../client/resources';
import { componentUserAgent } from '../client/user-agent';
import { InformerFactory, objectKey, tombstoneObject, type Informer } from '../controllers/informer';
import type { Rng } from '../rng';
import { formatTime } from '../util/time';
import { EventRecorderV1 } from './events';
import {
  nodeAffinity,
  nodeName,
  nodePorts,
  nodeResourcesFit,
  nodeUnschedulable,
  taintToleration,
  type FilterPlugin,
  type Snapshot,
} from './filters';
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage, preemptionMessage } from './fit-error';
import { interPodAffinity } from './inter-pod-affinity';
import { NodeInfoCache } from './node-info-cache';
import { SchedulingQueue, type QueuedPodInfo } from './queue';
import type { NodeInfo } from './resources';
import { totalScores } from './scores';
import { DEFAULT_SCHEDULER_NAME, type FilterStatus, type Node, type Pod, type PodCondition } from './types';

/** The default profile's filters that kubeplay runs, in the order the framework calls them. */
export const DEFAULT_FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  interPodAffinity,
];

/** The User-Agent kube-scheduler sends (its client is named `scheduler`). */
export const SCHEDULER_USER_AGENT = componentUserAgent('kube-scheduler', 'scheduler');

/** v1.PodReasonUnschedulable and v1.PodReasonSchedulerError. */
const REASON_UNSCHEDULABLE = 'Unschedulable';
const REASON_SCHEDULER_ERROR = 'SchedulerError';
/** truncateMessage in schedule_one.go. */
const MESSAGE_SIZE_LIMIT = 1024;

function truncateMessage(message: string): string {
  const suffix = ' ...';
  return message.length < MESSAGE_SIZE_LIMIT ? message : message.slice(0, MESSAGE_SIZE_LIMIT - suffix.length) + suffix;
}

/** How the scheduler runs. */
export interface SchedulerOptions {
  /** The host it runs on; events report from `default-scheduler-<hostname>` (default `minikube`). */
  hostname?: string;
  /** Send every request as `system:kube-scheduler`, so RBAC checks it (off by default). */
  impersonate?: boolean;
  /** Told of each failed write (binding, status, events) it could not turn into a retry. */
  onError?: (key: string, error: unknown) => void;
}

const isAssigned = (pod: Pod): boolean => !!pod.spec?.nodeName;
const isTerminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const responsible = (pod: Pod): boolean =>
  (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME;

/**
 * kube-scheduler (pkg/scheduler) in miniature, as an API client: informers on pods, nodes and
 * namespaces; unassigned pods of `default-scheduler` go through the scheduling queue; each
 * scheduling cycle runs the filters on every node, scores the feasible ones and picks the best
 * (ties broken with the injected Rng), assumes the pod there and binds it through
 * pods/{name}/binding, recording `Scheduled`. When no node fits it records `FailedScheduling`
 * with FitError's message and writes PodScheduled=False (Unschedulable) into the pod's status;
 * the pod waits in the queue until a cluster event may help it.
 */
export class Scheduler {
  readonly queue: SchedulingQueue;
  readonly informers: InformerFactory;
  readonly recorder: EventRecorderV1;
  private readonly client: RestClient;
  /** Writes Bindings, each built for its one request. */
  private readonly binder: RestClient;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly namespaces: Informer;
  /** Pods bound (or being bound) that the informer has not yet shown assigned: key → node. */
  private readonly assumed = new Map<string, { pod: Pod; node: string }>();
  /** Where each pod counts in snapshots, and the NodeInfos built from that. */
  private readonly cache = new NodeInfoCache();
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    api: ApiHandler,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly options: SchedulerOptions = {},
  ) {
    this.client = new RestClient(api, {
      userAgent: SCHEDULER_USER_AGENT,
      fieldValidation: 'Ignore',
      sharedResults: true,
      impersonate: options.impersonate ? { user: 'system:kube-scheduler' } : undefined,
    });
    this.binder = this.client.withOptions({ handOverBodies: true });
    this.informers = new InformerFactory(this.client, clock, rng, { resyncPeriodMs: 0 });
    this.queue = new SchedulingQueue(clock);
    this.recorder = new EventRecorderV1(
      this.client,
      clock,
      DEFAULT_SCHEDULER_NAME,
      `${DEFAULT_SCHEDULER_NAME}-${options.hostname ?? 'minikube'}`,
    );
    this.pods = this.informers.informerFor<Pod>(PODS);
    this.nodes = this.informers.informerFor<Node>(NODES);
    this.namespaces = this.informers.informerFor(NAMESPACES);
    this.pods.addEventHandler({
      add: (pod) => {
        this.podAdded(pod);
        this.place(objectKey(pod));
      },
      update: (old, pod) => {
        this.podUpdated(old, pod);
        this.place(objectKey(pod));
      },
      delete: (object) => {
        const pod = tombstoneObject(object);
        this.podDeleted(pod);
        this.place(objectKey(pod));
      },
    });
    this.nodes.addEventHandler({
      add: () => this.queue.moveOnEvent('NodeAdd'),
      update: (old, node) => {
        if (nodeChanged(old, node)) this.queue.moveOnEvent('NodeUpdate');
      },
    });
  }

  /** Starts the informers and, once they have synced, the scheduling loop. */
  start(): void {
    this.informers.start();
    this.running = (async () => {
      await this.informers.waitForCacheSync();
      while (!this.stopped) {
        const info = await this.queue.pop();
        if (!info) break;
        try {
          await this.scheduleOne(info);
        } catch (error) {
          this.options.onError?.(info.key, error);
          this.queue.done(info.key);
        }
      }
    })();
  }

  /** Stops the loop and the informers; resolves when the current cycle has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.close();
    this.informers.shutdown();
    await this.running;
    await this.recorder.flush();
    this.recorder.shutdown();
  }

  private podAdded(pod: Pod): void {
    if (isAssigned(pod)) {
      this.assumed.delete(objectKey(pod));
      if (!isTerminal(pod)) this.queue.moveOnEvent('AssignedPodAdd');
    } else if (responsible(pod) && !isTerminal(pod) && !pod.metadata?.deletionTimestamp) {
      this.queue.add(objectKey(pod), pod);
    }
  }

  private podUpdated(old: Pod, pod: Pod): void {
    const key = objectKey(pod);
    if (isAssigned(pod)) {
      this.assumed.delete(key);
      if (!isAssigned(old)) this.queue.delete(key);
      else if (isTerminal(pod) && !isTerminal(old)) this.queue.moveOnEvent('AssignedPodDelete');
      else if (JSON.stringify(old.metadata?.labels) !== JSON.stringify(pod.metadata?.labels)) {
        this.queue.moveOnEvent('AssignedPodUpdate');
      }
    } else if (!responsible(pod) || isTerminal(pod) || pod.metadata?.deletionTimestamp) {
      this.queue.delete(key);
    } else this.queue.update(key, old, pod);
  }

  private podDeleted(pod: Pod): void {
    const key = objectKey(pod);
    this.assumed.delete(key);
    this.queue.delete(key);
    if (isAssigned(pod) && !isTerminal(pod)) this.queue.moveOnEvent('AssignedPodDelete');
  }

  /**
   * Keeps where the pod at `key` counts in snapshots up to date, after a change to it in the
   * informer or among the assumed pods: on its assumed node, else on the node it is bound to
   * unless it has finished, else nowhere.
   */
  private place(key: string): void {
    let next = this.assumed.get(key);
    if (!next) {
      const pod = this.pods.getByKey(key);
      if (pod && isAssigned(pod) && !isTerminal(pod)) next = { pod, node: pod.spec?.nodeName as string };
    }
    this.cache.place(key, next);
  }

  /**
   * The cycle's view of the cluster: every node with the pods bound or assumed on it. A node's
   * NodeInfo is built again only when the node or its pods changed since the last cycle.
   */
  private snapshot(): Snapshot {
    const { nodes, podsWithRequiredAntiAffinity } = this.cache.snapshot(this.nodes.list());
    return {
      nodes,
      podsWithRequiredAntiAffinity,
      namespaceLabels: (namespace) => this.namespaces.get(undefined, namespace)?.metadata?.labels ?? {},
    };
  }

  /** One scheduling cycle and binding for one pod (scheduleOne). */
  private async scheduleOne(info: QueuedPodInfo): Promise<void> {
    const pod = this.pods.getByKey(info.key);
    if (!pod || isAssigned(pod) || pod.metadata?.deletionTimestamp || this.assumed.has(info.key)) {
      this.queue.done(info.key);
      return;
    }
    info.pod = pod;
    const snapshot = this.snapshot();
    if (snapshot.nodes.length === 0) {
      return this.fail(info, pod, REASON_SCHEDULER_ERROR, ERR_NO_NODES_AVAILABLE, new Set(), true);
    }
    const statuses = new Map<string, FilterStatus>();
    const feasible: NodeInfo[] = [];
    for (const node of snapshot.nodes) {
      let status: FilterStatus | undefined;
      for (const plugin of DEFAULT_FILTER_PLUGINS) {
        status = plugin.filter(pod, node, snapshot);
        if (status) break;
      }
      if (status) statuses.set(node.name, status);
      else feasible.push(node);
    }
    if (feasible.length === 0) {
      const postFilter = preemptionMessage(pod, snapshot.nodes, statuses);
      const message = fitErrorMessage(snapshot.nodes.length, statuses.values(), postFilter);
      const plugins = new Set([...statuses.values()].map((s) => s.plugin));
      return this.fail(info, pod, REASON_UNSCHEDULABLE, message, plugins, false);
    }
    const chosen = feasible.length === 1 ? feasible[0] : this.selectHost(pod, feasible);
    await this.bind(info, pod, chosen.name);
  }

  /** selectHost: the highest total score; ties by reservoir sampling with the Rng. */
  private selectHost(pod: Pod, nodes: NodeInfo[]): NodeInfo {
    const scores = totalScores(pod, nodes);
    let best = 0;
    let ties = 1;
    for (let i = 1; i < nodes.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
        ties = 1;
      } else if (scores[i] === scores[best]) {
        ties++;
        if (this.rng.int(ties) === 0) best = i;
      }
    }
    return nodes[best];
  }

  /** Assumes the pod on `node`, POSTs its Binding, records `Scheduled`. */
  private async bind(info: QueuedPodInfo, pod: Pod, node: string): Promise<void> {
    const namespace = pod.metadata?.namespace ?? 'default';
    const name = pod.metadata?.name ?? '';
    this.assumed.set(info.key, { pod: { ...pod, spec: { ...pod.spec, nodeName: node } }, node });
    this.place(info.key);
    this.queue.done(info.key);
    try {
      await this.binder.resource(PODS, namespace).createSubresource(name, 'binding', {
        kind: 'Binding',
        apiVersion: 'v1',
        metadata: { name, namespace, uid: pod.metadata?.uid },
        target: { kind: 'Node', name: node },
      });
    } catch (error) {
      this.assumed.delete(info.key);
      this.place(info.key);
      const message = `running Bind plugin "DefaultBinder": ${(error as Error).message}`;
      // The pod goes back to the queue as an errored attempt.
      this.queue.addErrored(info);
      await this.recordFailure(pod, REASON_SCHEDULER_ERROR, message);
      return;
    }
    this.recorder.eventf(
      pod,
      'Normal',
      'Scheduled',
      'Binding',
      `Successfully assigned ${namespace}/${name} to ${node}`,
    );
  }

  private async fail(
    info: QueuedPodInfo,
    pod: Pod,
    reason: string,
    message: string,
    plugins: Set<string>,
    error: boolean,
  ): Promise<void> {
    info.unschedulablePlugins = plugins;
    info.error = error;
    this.queue.addUnschedulable(info);
    await this.recordFailure(pod, reason, message);
  }

  /** handleSchedulingFailure: the FailedScheduling event, then PodScheduled=False in the pod's status. */
  private async recordFailure(pod: Pod, reason: string, message: string): Promise<void> {
    this.recorder.eventf(pod, 'Warning', 'FailedScheduling', 'Scheduling', truncateMessage(message));
    const current = this.pods.getByKey(objectKey(pod)) ?? pod;
    if (isAssigned(current)) return;
    const old = current.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (old && old.status === 'False' && old.reason === reason && old.message === message) return;
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime:
        old?.status === 'False' && old.lastTransitionTime ? old.lastTransitionTime : formatTime(this.clock.now()),
      reason,
      message,
    };
    try {
      await this.client
        .resource(PODS, current.metadata?.namespace)
        .patch(
          current.metadata?.name ?? '',
          'strategic',
          { status: { conditions: [condition] } },
          { subresource: 'status' },
        );
    } catch (error) {
      this.options.onError?.(objectKey(pod), error);
    }
  }
}

/** A node change the filters care about: spec (taints, unschedulable), labels or allocatable. */
function nodeChanged(old: Node, node: Node): boolean {
  const view = (n: Node): string =>
    JSON.stringify([n.spec ?? {}, n.metadata?.labels ?? {}, n.status?.allocatable ?? {}]);
  return view(old) !== view(node);
}

/**
 * Runs kube-scheduler against `api` on `clock`, with `rng` breaking ties between equally good
 * nodes; returns the function that stops it.
 */
export function startScheduler(
  api: ApiHandler,
  clock: Clock,
  rng: Rng,
  options: SchedulerOptions = {},
): () => Promise<void> {
  const scheduler = new Scheduler(api, clock, rng, options);
  scheduler.start();
  return () => scheduler.stop();
}
