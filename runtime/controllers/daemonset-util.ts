import { clone, type KubeObject } from '../api/object';
import type { Clock } from '../clock';
import { requiredNodeAffinityMatches, tolerationsTolerate } from '../scheduler/filters';
import type { Affinity, Node, Pod as SchedulerPod, Taint, Toleration } from '../scheduler/types';
import { EXPECTATIONS_TIMEOUT_MS } from './expectations';
import type { LabelSelectorSpec, Pod } from './pods';

/** apps/v1 DaemonSet, the fields the controller reads and writes. */
export interface DaemonSet extends KubeObject {
  spec?: {
    selector?: LabelSelectorSpec;
    template?: { metadata?: KubeObject['metadata']; spec?: Record<string, unknown> };
    updateStrategy?: {
      type?: string;
      rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
    };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
  };
  status?: DaemonSetStatus;
}

/** apps/v1 DaemonSetStatus. */
export interface DaemonSetStatus {
  currentNumberScheduled?: number;
  numberMisscheduled?: number;
  desiredNumberScheduled?: number;
  numberReady?: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

/** The pod label naming the template's revision hash (apps.DefaultDaemonSetUniqueLabelKey). */
export const DAEMONSET_UNIQUE_LABEL = 'controller-revision-hash';
/** The pod label naming the template generation (extensions.DaemonSetTemplateGenerationKey). */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** Where apps/v1 keeps the template generation (appsv1.DeprecatedTemplateGeneration). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** util.GetTemplateGeneration: the template generation the API server keeps in an annotation. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const text = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

const taintToleration = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/** v1helper.AddOrUpdateTolerationInPodSpec: a toleration equal in key, operator, value and effect is replaced. */
function addOrUpdateToleration(spec: { tolerations?: Toleration[] }, toleration: Toleration): void {
  const list = spec.tolerations ?? [];
  const same = (t: Toleration): boolean =>
    (t.key ?? '') === (toleration.key ?? '') &&
    (t.effect ?? '') === (toleration.effect ?? '') &&
    (t.operator ?? 'Equal') === toleration.operator &&
    (t.value ?? '') === (toleration.value ?? '');
  const index = list.findIndex(same);
  spec.tolerations = index >= 0 ? list.map((t, i) => (i === index ? toleration : t)) : [...list, toleration];
}

/**
 * util.AddOrUpdateDaemonPodTolerations: daemon pods stay on nodes that are not ready or
 * unreachable, under disk, memory or PID pressure, or cordoned; host-network ones on nodes whose
 * network is not up yet.
 */
export function addDaemonPodTolerations(spec: { tolerations?: Toleration[]; hostNetwork?: unknown }): void {
  addOrUpdateToleration(spec, taintToleration('node.kubernetes.io/not-ready', 'NoExecute'));
  addOrUpdateToleration(spec, taintToleration('node.kubernetes.io/unreachable', 'NoExecute'));
  addOrUpdateToleration(spec, taintToleration('node.kubernetes.io/disk-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, taintToleration('node.kubernetes.io/memory-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, taintToleration('node.kubernetes.io/pid-pressure', 'NoSchedule'));
  addOrUpdateToleration(spec, taintToleration('node.kubernetes.io/unschedulable', 'NoSchedule'));
  if (spec.hostNetwork === true) {
    addOrUpdateToleration(spec, taintToleration('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  }
}

/** util.CreatePodTemplate: the template with the daemon tolerations and the generation and hash labels. */
export function createPodTemplate(
  template: NonNullable<DaemonSet['spec']>['template'],
  generation: number | undefined,
  hash: string,
): { metadata: KubeObject['metadata']; spec: Record<string, unknown> } {
  const copy = clone(template ?? {});
  const spec = (copy.spec ?? {}) as { tolerations?: Toleration[] };
  addDaemonPodTolerations(spec);
  const labels = { ...copy.metadata?.labels };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[DAEMONSET_UNIQUE_LABEL] = hash;
  return { metadata: { ...copy.metadata, labels }, spec: spec as Record<string, unknown> };
}

/**
 * util.ReplaceDaemonSetPodNodeNameNodeAffinity: the pod's required node affinity becomes the one
 * term `metadata.name In [node]` (matchFields), for the default scheduler to bind it there.
 */
export function replaceNodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [nodeName] }] }],
  };
  return {
    ...affinity,
    nodeAffinity: { ...affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required },
  };
}

/**
 * util.GetTargetNodeName: the node a daemon pod is bound to, else the one its `metadata.name In`
 * affinity names; undefined when neither says.
 */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const affinity = pod.spec?.affinity as Affinity | undefined;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const field of term.matchFields ?? []) {
      if (field.key === 'metadata.name' && field.operator === 'In' && field.values?.length === 1)
        return field.values[0];
    }
  }
  return undefined;
}

/** The first of `taints` with an effect `effects` lists that `tolerations` do not tolerate. */
function untoleratedTaint(
  taints: Taint[],
  tolerations: Toleration[] | undefined,
  effects: string[],
): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !tolerationsTolerate(tolerations, taint));
}

/**
 * NodeShouldRunDaemonPod: whether a daemon pod should be created on `node` (its node name,
 * nodeSelector and required affinity fit, and it tolerates every NoSchedule and NoExecute taint,
 * with the daemon tolerations added) and whether one already there may keep running (it fits
 * and tolerates every NoExecute taint).
 */
export function nodeShouldRunDaemonPod(
  node: Node,
  ds: DaemonSet,
): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = clone(ds.spec?.template?.spec ?? {}) as NonNullable<SchedulerPod['spec']>;
  addDaemonPodTolerations(spec);
  const name = node.metadata?.name;
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  const pod: SchedulerPod = { metadata: { ...ds.spec?.template?.metadata }, spec: { ...spec, nodeName: name } };
  if (!requiredNodeAffinityMatches(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  if (untoleratedTaint(taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
    return { shouldRun: false, shouldContinueRunning: !untoleratedTaint(taints, spec.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** util.IsPodUpdated: the pod carries the current hash, or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  return (hash !== '' && labels[DAEMONSET_UNIQUE_LABEL] === hash) || templateMatches;
}

/** intstr.GetScaledValueFromIntOrPercent: an int as is, `N%` of `total` rounded up or down. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const percent = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(percent)) return 0;
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** podByCreationTimestampAndPhase as a compare function: scheduled pods first, then the oldest, then by name. */
export function podByCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const runningA = a.spec?.nodeName ? 1 : 0;
  const runningB = b.spec?.nodeName ? 1 : 0;
  if (runningA !== runningB) return runningB - runningA;
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * The back-off for failed daemon pods per DaemonSet and node (flowcontrol.Backoff with the
 * controller's 1 s initial and 15 min maximum): each failure doubles the wait before the next
 * pod on that node is killed; an entry idle for twice the maximum starts over.
 */
export class FailedPodsBackoff {
  private readonly entries = new Map<string, { backoffMs: number; lastUpdate: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly initialMs = 1000,
    private readonly maxMs = 15 * 60_000,
  ) {}

  /** The current back-off of `key` (0 when none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** True while `key` is waiting out its back-off since its last update. */
  inBackoffSinceUpdate(key: string): boolean {
    const entry = this.entries.get(key);
    return !!entry && this.clock.now() - entry.lastUpdate < entry.backoffMs;
  }

  /** Records another failure of `key`, growing its back-off. */
  next(key: string): void {
    const now = this.clock.now();
    const entry = this.entries.get(key);
    if (!entry || now - entry.lastUpdate > 2 * this.maxMs) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: now });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdate = now;
  }
}

/**
 * controller.ControllerExpectations as the DaemonSet controller uses it: counts of creations and
 * deletions still to be observed (no pod identities), set together, satisfied when both are
 * down to zero or after five minutes.
 */
export class CountingExpectations {
  private readonly expectations = new Map<string, { add: number; del: number; timestamp: number }>();

  constructor(private readonly clock: Clock) {}

  /** SatisfiedExpectations. */
  satisfied(key: string): boolean {
    const exp = this.expectations.get(key);
    if (!exp || (exp.add <= 0 && exp.del <= 0)) return true;
    return this.clock.now() - exp.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  /** SetExpectations. */
  set(key: string, add: number, del: number): void {
    this.expectations.set(key, { add, del, timestamp: this.clock.now() });
  }

  /** LowerExpectations. */
  lower(key: string, add: number, del: number): void {
    const exp = this.expectations.get(key);
    if (!exp) return;
    exp.add -= add;
    exp.del -= del;
  }

  /** CreationObserved. */
  creationObserved(key: string): void {
    this.lower(key, 1, 0);
  }

  /** DeletionObserved. */
  deletionObserved(key: string): void {
    this.lower(key, 0, 1);
  }

  /** DeleteExpectations. */
  delete(key: string): void {
    this.expectations.delete(key);
  }
}
