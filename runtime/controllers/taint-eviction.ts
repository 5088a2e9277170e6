import type { Clock, TimerHandle } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { NODES, PODS } from '../client/resources';
import type { EventRecorder } from './events';
import { tombstoneObject, type Informer, type InformerFactory } from './informer';
import { updatePodCondition, type PodCondition } from './node-lifecycle-pods';
import { matchingTolerations, type Node, type Taint, type Toleration } from './node-lifecycle-taints';
import type { Pod } from './pods';
import { WorkQueue } from './workqueue';

/** kube-controller-manager's client for this controller: it reuses node-controller's service account. */
export const TAINT_EVICTION_SERVICE_ACCOUNT = 'node-controller';
/** The controller's name, which its events carry as their source component. */
export const TAINT_EVICTION_EVENT_SOURCE = 'taint-eviction-controller';
/** UpdateWorkerSize. */
export const DEFAULT_TAINT_EVICTION_WORKERS = 8;
/** Delete attempts per eviction (`retries`), 10 ms apart. */
const RETRIES = 5;
const RETRY_SLEEP_MS = 10;
const NODE_NAME_INDEX = 'spec.nodeName';

/** What the controller needs; `recorder` should report as `taint-eviction-controller`. */
export interface TaintEvictionControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed eviction (the timed worker's error log). */
  onError?: (key: string, error: unknown) => void;
}

interface TimedWork {
  createdAt: number;
  fireAt: number;
  /** Undefined once the work is running. */
  timer?: TimerHandle;
}

const noExecuteTaints = (node: Node | undefined): Taint[] =>
  (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');

/**
 * getMinTolerationTime: the shortest tolerationSeconds in ms (0 for none or a non-positive one),
 * or -1 when every toleration is forever.
 */
function minTolerationMs(tolerations: Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Infinity;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

/**
 * The taint eviction controller (pkg/controller/tainteviction): pods on a node with NoExecute
 * taints they do not tolerate are deleted at once; pods tolerating them for tolerationSeconds are
 * deleted that long after the taint was seen (the shortest of the tolerations used), unless the
 * taint goes first. Each eviction sets the DisruptionTarget condition before the delete, with a
 * TaintManagerEviction event.
 */
export class TaintEvictionController {
  readonly nodeQueue: WorkQueue<string>;
  readonly podQueue: WorkQueue<string>;
  private readonly nodeInformer: Informer<Node>;
  private readonly podInformer: Informer<Pod>;
  private readonly taintedNodes = new Map<string, Taint[]>();
  private readonly work = new Map<string, TimedWork>();
  private stopped = false;

  constructor(private readonly deps: TaintEvictionControllerDeps) {
    this.nodeQueue = new WorkQueue<string>(deps.clock);
    this.podQueue = new WorkQueue<string>(deps.clock);
    this.nodeInformer = deps.informers.informerFor<Node>(NODES);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    this.podInformer.addIndexer(NODE_NAME_INDEX, (pod) => (pod.spec?.nodeName ? [pod.spec.nodeName] : []));
    this.podInformer.addEventHandler({
      add: (pod) => this.podUpdated(undefined, pod),
      update: (old, cur) => this.podUpdated(old, cur),
      delete: (pod) => this.podUpdated(tombstoneObject(pod), undefined),
    });
    this.nodeInformer.addEventHandler({
      add: (node) => this.nodeUpdated(undefined, node),
      update: (old, cur) => this.nodeUpdated(old, cur),
      delete: (node) => this.nodeUpdated(tombstoneObject(node), undefined),
    });
  }

  /** Waits for the caches, then runs `workers` workers for node and for pod updates until `stop`. */
  async run(workers = DEFAULT_TAINT_EVICTION_WORKERS): Promise<void> {
    await Promise.all([this.nodeInformer.waitForSync(), this.podInformer.waitForSync()]);
    if (this.stopped) return;
    await Promise.all([
      ...Array.from({ length: workers }, () => this.worker(this.nodeQueue, (key) => this.handleNodeUpdate(key))),
      ...Array.from({ length: workers }, () => this.worker(this.podQueue, (key) => this.handlePodUpdate(key))),
    ]);
  }

  /** Stops the workers and cancels pending evictions (CancelAndWait). */
  stop(): void {
    this.stopped = true;
    for (const work of this.work.values()) work.timer?.cancel();
    this.work.clear();
    this.nodeQueue.shutDown();
    this.podQueue.shutDown();
  }

  private async worker(queue: WorkQueue<string>, handle: (key: string) => void): Promise<void> {
    for (;;) {
      const next = await queue.get();
      if (next.shutdown) return;
      try {
        handle(next.item);
      } finally {
        queue.done(next.item);
      }
    }
  }

  private podUpdated(old: Pod | undefined, cur: Pod | undefined): void {
    const pod = (cur ?? old) as Pod;
    if (
      old &&
      cur &&
      (old.spec?.tolerations === cur.spec?.tolerations ||
        JSON.stringify(old.spec?.tolerations ?? []) === JSON.stringify(cur.spec?.tolerations ?? [])) &&
      old.spec?.nodeName === cur.spec?.nodeName
    ) {
      return;
    }
    this.podQueue.add(JSON.stringify([pod.metadata?.namespace, pod.metadata?.name, pod.spec?.nodeName ?? '']));
  }

  private nodeUpdated(old: Node | undefined, cur: Node | undefined): void {
    if (old && cur && JSON.stringify(noExecuteTaints(old)) === JSON.stringify(noExecuteTaints(cur))) return;
    this.nodeQueue.add((cur ?? old)?.metadata?.name ?? '');
  }

  private handlePodUpdate(item: string): void {
    const [namespace, name, nodeName] = JSON.parse(item) as [string, string, string];
    const key = `${namespace}/${name}`;
    const pod = this.podInformer.get(namespace, name);
    if (!pod) {
      this.cancelWorkWithEvent(namespace, name);
      return;
    }
    if ((pod.spec?.nodeName ?? '') !== nodeName || !nodeName) return;
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return;
    this.processPodOnNode(pod, key, taints, this.deps.clock.now());
  }

  private handleNodeUpdate(nodeName: string): void {
    const node = this.nodeInformer.get(undefined, nodeName);
    if (!node) {
      this.taintedNodes.delete(nodeName);
      return;
    }
    const taints = noExecuteTaints(node);
    if (taints.length === 0) this.taintedNodes.delete(nodeName);
    else this.taintedNodes.set(nodeName, taints);
    const pods = this.podInformer.byIndex(NODE_NAME_INDEX, nodeName);
    if (taints.length === 0) {
      for (const pod of pods) this.cancelWorkWithEvent(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
      return;
    }
    const now = this.deps.clock.now();
    for (const pod of pods) {
      this.processPodOnNode(pod, `${pod.metadata?.namespace}/${pod.metadata?.name}`, taints, now);
    }
  }

  /** processPodOnNode: delete now, schedule a deletion, or cancel one. */
  private processPodOnNode(pod: Pod, key: string, taints: Taint[], now: number): void {
    const [namespace, name] = [pod.metadata?.namespace ?? '', pod.metadata?.name ?? ''];
    const tolerations = (pod.spec?.tolerations ?? []) as Toleration[];
    const { allTolerated, used } = matchingTolerations(taints, tolerations);
    if (!allTolerated) {
      this.cancelWorkWithEvent(namespace, name);
      this.addWork(namespace, name, now, now);
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) {
      this.cancelWorkWithEvent(namespace, name);
      return;
    }
    let startTime = now;
    const scheduled = this.work.get(key);
    if (scheduled) {
      startTime = scheduled.createdAt;
      if (startTime + min < now + min) return;
      this.cancelWorkWithEvent(namespace, name);
    }
    this.addWork(namespace, name, startTime, startTime + min);
  }

  private cancelWorkWithEvent(namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    const work = this.work.get(key);
    if (!work) return;
    this.work.delete(key);
    if (!work.timer) return;
    work.timer.cancel();
    this.record(namespace, name, `Cancelling deletion of Pod ${key}`);
  }

  /** TimedWorkerQueue.AddWork: runs at `fireAt` (at once when due); an existing item stays. */
  private addWork(namespace: string, name: string, createdAt: number, fireAt: number): void {
    const key = `${namespace}/${name}`;
    if (this.work.has(key)) return;
    const work: TimedWork = { createdAt, fireAt };
    this.work.set(key, work);
    const fire = (): void => {
      work.timer = undefined;
      void this.evict(namespace, name).finally(() => {
        if (this.work.get(key) === work) this.work.delete(key);
      });
    };
    const delay = fireAt - createdAt;
    if (delay <= 0) fire();
    else work.timer = this.deps.clock.setTimer(delay, fire);
  }

  private record(namespace: string, name: string, message: string): void {
    this.deps.recorder.event(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } },
      'Normal',
      'TaintManagerEviction',
      message,
    );
  }

  /** deletePodHandler: the event, then up to five tries of condition-and-delete. */
  private async evict(namespace: string, name: string): Promise<void> {
    this.record(namespace, name, `Marking for deletion Pod ${namespace}/${name}`);
    let lastError: unknown;
    for (let attempt = 0; attempt < RETRIES && !this.stopped; attempt++) {
      try {
        await this.addConditionAndDeletePod(namespace, name);
        return;
      } catch (error) {
        lastError = error;
        await new Promise<void>((resolve) => this.deps.clock.setTimer(RETRY_SLEEP_MS, resolve));
      }
    }
    if (lastError) this.deps.onError?.(`${namespace}/${name}`, lastError);
  }

  /** addConditionAndDeletePod: DisruptionTarget=True (a status patch), then the delete. */
  private async addConditionAndDeletePod(namespace: string, name: string): Promise<void> {
    const pods = this.deps.client.resource<Pod>(PODS, namespace);
    const pod = await pods.get(name);
    const conditions = [...((pod.status?.conditions ?? []) as PodCondition[])];
    const condition: PodCondition = {
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    };
    if (updatePodCondition(conditions, condition, this.deps.clock.now())) {
      const changed = conditions.find((c) => c.type === 'DisruptionTarget');
      const patch = { metadata: { uid: pod.metadata?.uid }, status: { conditions: [changed] } };
      await pods.patch(name, 'strategic', patch, { subresource: 'status' });
    }
    try {
      await pods.delete(name);
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
  }
}
