/** The eviction's PodDisruptionBudget bookkeeping: the budget that selects the pod, spending one disruption. */
import { setCondition } from './conditions';
import { formatTime } from '../util/time';
import { isDryRun, type Evicting } from './eviction-delete';
import { isObject, type KubeObject } from './object';
import type { ObjectStore } from './object-store';
import { poddisruptionbudgets } from './resources/poddisruptionbudgets';
import { forbidden, type StatusError, tooManyRequests } from './status';

type Json = Record<string, unknown>;

/** More pending evictions than this and the budget refuses more (MaxDisruptedPodSize). */
const MAX_DISRUPTED_POD_SIZE = 2000;
const BUDGET_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

/** The budgets in the pod's namespace whose selector selects it (getPodDisruptionBudgets). */
export function matchingBudgets(objects: ObjectStore, pod: KubeObject): KubeObject[] {
  const { items } = objects.list(poddisruptionbudgets, { namespace: pod.metadata?.namespace });
  const labels = pod.metadata?.labels ?? {};
  return items.filter((pdb) => selects((pdb.spec as { selector?: unknown } | undefined)?.selector, labels));
}

/**
 * metav1.LabelSelectorAsSelector, then Matches: no selector selects nothing, an empty one
 * everything, and one that does not parse (an unknown operator, values where none belong)
 * selects nothing either.
 */
function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = isObject(selector.matchLabels) ? (selector.matchLabels as Record<string, string>) : {};
  const expressions = Array.isArray(selector.matchExpressions) ? (selector.matchExpressions as Json[]) : [];
  const has = (key: unknown): boolean => typeof key === 'string' && Object.hasOwn(labels, key);
  let matches = Object.entries(matchLabels).every(([k, v]) => has(k) && labels[k] === v);
  for (const { key, operator, values } of expressions) {
    const list = Array.isArray(values) ? values : [];
    const value = has(key) ? labels[key as string] : undefined;
    switch (operator) {
      case 'In':
      case 'NotIn':
        if (list.length === 0) return false;
        if ((operator === 'In') !== (value !== undefined && list.includes(value))) matches = false;
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (list.length > 0) return false;
        if ((operator === 'Exists') !== (value !== undefined)) matches = false;
        break;
      default:
        return false;
    }
  }
  return matches;
}

/** checkAndDecrement: spends one disruption of the budget, or says why it cannot. */
export async function checkAndDecrement(e: Evicting, pdb: KubeObject): Promise<void> {
  const name = pdb.metadata?.name ?? '';
  const status = (pdb.status ?? {}) as {
    observedGeneration?: number;
    disruptionsAllowed?: number;
    currentHealthy?: number;
    desiredHealthy?: number;
    disruptedPods?: Record<string, string>;
    conditions?: Json[];
  };
  const target = { group: 'policy', resource: 'poddisruptionbudget' };
  if ((status.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) throw stillProcessing(name);
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed < 0) throw forbidden(target, name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw forbidden(target, name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  }
  if (allowed === 0) {
    const needs = `The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`;
    throw tooManyRequests(BUDGET_VIOLATION, 0, [{ reason: 'DisruptionBudget', message: needs }]);
  }
  const now = formatTime(e.clock.now());
  const next = { ...status, disruptionsAllowed: allowed - 1 };
  if (next.disruptionsAllowed === 0) next.conditions = insufficientPods(status, now);
  if (isDryRun(e.deletion.dryRun)) return;
  // The disruption controller counts the pod as gone from now on (until it sees it go).
  const disrupted = { ...status.disruptedPods, [e.name]: now };
  next.disruptedPods = Object.fromEntries(
    Object.keys(disrupted)
      .sort()
      .map((pod) => [pod, disrupted[pod]]),
  );
  // The PodDisruptionBudget client's UpdateStatus, at the version read.
  await e.objects.update(
    poddisruptionbudgets,
    e.namespace,
    name,
    { ...pdb, status: next },
    { dryRun: false, fieldManager: 'kube-apiserver', subresource: 'status' },
  );
}

/**
 * The DisruptionAllowed condition with no disruptions left (pdbhelper.UpdateDisruptionAllowedCondition
 * through meta.SetStatusCondition): its time moves only when its status does.
 */
function insufficientPods(status: { observedGeneration?: number; conditions?: Json[] }, now: string): Json[] {
  const condition = {
    type: 'DisruptionAllowed',
    status: 'False',
    ...(status.observedGeneration ? { observedGeneration: status.observedGeneration } : {}),
    lastTransitionTime: null,
    reason: 'InsufficientPods',
    message: '',
  };
  return setCondition(status.conditions, condition, now);
}

/** createTooManyRequestsError: a 429 that suggests asking again in 10 seconds. */
export function stillProcessing(pdbName: string): StatusError {
  return tooManyRequests(BUDGET_VIOLATION, 10, [
    { reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} is still being processed by the server.` },
  ]);
}
