import { setCondition } from './conditions';
import type { Clock } from '../clock';
import { formatTime } from '../util/time';
import { decodeObject } from './body';
import { isObject, type KubeObject } from './object';
import type { ObjectStore } from './object-store';
import { ResourceRegistry } from './registry';
import { requestInfo } from './request-info';
import type { FieldError, ResourceType } from './resource';
import { poddisruptionbudgets } from './resources/poddisruptionbudgets';
import { respond } from './respond';
import { badRequest, conflict, forbidden, invalid, StatusError, tooManyRequests, type Status } from './status';
import type { ApiRequest, ApiResponse } from './types';

/**
 * pods/eviction, as kube-apiserver's EvictionREST (pkg/registry/core/pod/storage/eviction.go)
 * answers it: a pod that is Pending, terminal or already terminating is deleted outright; any
 * other pod only if the one PodDisruptionBudget that selects it allows a disruption, which the
 * eviction spends (status.disruptionsAllowed - 1, the pod in status.disruptedPods) before the pod
 * gets a DisruptionTarget condition and is deleted like a DELETE with the Eviction's
 * deleteOptions. Success is a 201 Status; a budget that says no is a 429.
 */
export async function evictPod(
  objects: ObjectStore,
  request: ApiRequest,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  options: { dryRun: boolean; fieldManager?: string },
  clock: Clock,
): Promise<ApiResponse> {
  try {
    const eviction = await decodeEviction(request, namespace);
    if (eviction.metadata?.name !== name) throw badRequest('name in URL does not match name in Eviction object');
    const deletion = deleteOptions(eviction, requestInfo(request.method, request.path).query.all('dryRun'));
    await evict({ objects, type, namespace, name, deletion, fieldManager: options.fieldManager, clock });
    return respond(request, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  } catch (error) {
    // A suggested retry goes out as a Retry-After header too (responsewriters.ErrorNegotiated).
    const retry = error instanceof StatusError ? error.status.details?.retryAfterSeconds : undefined;
    if (!(error instanceof StatusError) || !retry) throw error;
    const response = respond(request, error.status.code, error.status);
    response.headers['retry-after'] = String(retry);
    return response;
  }
}

type Json = Record<string, unknown>;

/** The Eviction's deleteOptions, as the pod's delete takes them. */
interface Deletion {
  dryRun: string[];
  gracePeriodSeconds?: number;
  preconditionUid?: string;
  preconditionVersion?: string;
  propagationPolicy?: string;
  orphanDependents?: boolean;
}

/** One eviction under way: where the pod is, how to delete it, and the clock. */
interface Evicting {
  objects: ObjectStore;
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  deletion: Deletion;
  fieldManager: string | undefined;
  clock: Clock;
}

/** client-go's EvictionsRetry: 20 tries (the apiserver waits ~500ms between them; we do not). */
const EVICTION_RETRIES = 20;
/** More pending evictions than this and the budget refuses more (MaxDisruptedPodSize). */
const MAX_DISRUPTED_POD_SIZE = 2000;
const BUDGET_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

/** EvictionREST.Create after the checks on the body. */
async function evict(e: Evicting): Promise<void> {
  const userVersion = e.deletion.preconditionVersion !== undefined;
  // Pending, terminal and terminating pods go without asking a budget: they serve nothing now.
  const pod = await retryConflicts(!userVersion, async (): Promise<KubeObject | undefined> => {
    const current = e.objects.get(e.type, e.namespace, e.name);
    if (!canIgnorePDB(current)) return current;
    let deletion = e.deletion;
    // Pin the pod as read, so that it cannot become ready (and budgeted) in between.
    if (shouldEnforceResourceVersion(current) && !userVersion) {
      deletion = { ...deletion, preconditionVersion: current.metadata?.resourceVersion };
    }
    await addConditionAndDeletePod(e, deletion);
    return undefined;
  });
  if (!pod) return;

  const pdbs = matchingBudgets(e.objects, pod);
  if (pdbs.length > 1) {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      code: 500,
    });
  }
  let pinToPod = false;
  if (pdbs.length === 1) {
    const pdb = pdbs[0];
    const status = (pdb.status ?? {}) as { currentHealthy?: number; desiredHealthy?: number };
    const policy = (pdb.spec as { unhealthyPodEvictionPolicy?: string } | undefined)?.unhealthyPodEvictionPolicy;
    // An unready pod does not count as healthy: taking it away spends nothing of the budget,
    // always under AlwaysAllow, and under IfHealthyBudget (the default) while the rest is healthy.
    const desired = status.desiredHealthy ?? 0;
    if (!isPodReady(pod) && (policy === 'AlwaysAllow' || ((status.currentHealthy ?? 0) >= desired && desired > 0))) {
      pinToPod = true;
    } else {
      // On a conflict the budget is read again and checked afresh.
      let current = pdb;
      let refresh = false;
      await retryConflicts(true, async () => {
        if (refresh) current = e.objects.get(poddisruptionbudgets, e.namespace, pdb.metadata?.name ?? '');
        refresh = true;
        await checkAndDecrement(e, current);
      });
    }
  }

  let deletion = e.deletion;
  if (pinToPod) deletion = { ...deletion, preconditionVersion: pod.metadata?.resourceVersion };
  try {
    await addConditionAndDeletePod(e, deletion);
  } catch (error) {
    // The pod changed since it was judged unhealthy: the client should ask again.
    if (isConflict(error) && pinToPod && !userVersion) throw stillProcessing(pdbs[0].metadata?.name ?? '');
    throw error;
  }
}

/** Runs `attempt` again after a 409 Conflict (retry.OnError), up to EvictionsRetry's steps. */
async function retryConflicts<T>(retry: boolean, attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retry || !isConflict(error) || i >= EVICTION_RETRIES) throw error;
    }
  }
}

const isConflict = (error: unknown): boolean => error instanceof StatusError && error.status.reason === 'Conflict';

/** Pending, terminal or terminating pods need no budget (canIgnorePDB). */
function canIgnorePDB(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp;
}

/** Only a terminal or terminating pod can be deleted without pinning its resourceVersion. */
function shouldEnforceResourceVersion(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return !(phase === 'Succeeded' || phase === 'Failed' || pod.metadata?.deletionTimestamp);
}

/** podutil.IsPodReady: the Ready condition is True. */
function isPodReady(pod: KubeObject): boolean {
  const conditions = (pod.status as { conditions?: Json[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The budgets in the pod's namespace whose selector selects it (getPodDisruptionBudgets). */
function matchingBudgets(objects: ObjectStore, pod: KubeObject): KubeObject[] {
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
async function checkAndDecrement(e: Evicting, pdb: KubeObject): Promise<void> {
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
function stillProcessing(pdbName: string): StatusError {
  return tooManyRequests(BUDGET_VIOLATION, 10, [
    { reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} is still being processed by the server.` },
  ]);
}

const isDryRun = (dryRun: readonly string[]): boolean => dryRun.length > 0;

/**
 * addConditionAndDeletePod: outside a dry run the pod first gets the DisruptionTarget
 * condition (the latest pod, checked against the preconditions), then it is deleted.
 */
async function addConditionAndDeletePod(e: Evicting, deletion: Deletion): Promise<void> {
  const { objects, type, namespace, name } = e;
  let options = deletion;
  if (!isDryRun(deletion.dryRun)) {
    const latest = objects.get(type, namespace, name);
    checkPreconditions(latest, deletion);
    const status = (latest.status ?? {}) as Json;
    const conditions = disruptionTarget(status.conditions, formatTime(e.clock.now()));
    // An update that changes nothing leaves the pod (and its resourceVersion) as it was.
    if (JSON.stringify(conditions) !== JSON.stringify(status.conditions)) {
      const updated = await objects.update(
        type,
        namespace,
        name,
        { ...latest, status: { ...status, conditions } },
        { dryRun: false, fieldManager: e.fieldManager, subresource: 'status' },
      );
      if (deletion.preconditionVersion !== undefined) {
        options = { ...deletion, preconditionVersion: updated.metadata?.resourceVersion };
      }
    }
  }
  // The registry's BeforeDelete: the options must be valid and the preconditions hold.
  validateDeleteOptions(options);
  checkPreconditions(objects.get(type, namespace, name), options);
  const grace = options.gracePeriodSeconds;
  const policy = options.propagationPolicy ?? (options.orphanDependents ? 'Orphan' : undefined);
  await objects.delete(type, namespace, name, {
    dryRun: isDryRun(options.dryRun),
    // A negative grace period means one second (the pod strategy's CheckGracefulDelete).
    gracePeriodSeconds: grace === undefined ? undefined : grace < 0 ? 1 : grace,
    preconditionUid: options.preconditionUid,
    preconditionVersion: options.preconditionVersion,
    propagationPolicy: policy as 'Background' | 'Foreground' | 'Orphan' | undefined,
  });
}

/**
 * The pod's conditions with DisruptionTarget=True (podutil.UpdatePodCondition): an existing one
 * is replaced, keeping its transition time when its status does not change.
 */
function disruptionTarget(existing: unknown, now: string): Json[] {
  const condition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: null,
    reason: 'EvictionByEvictionAPI',
    message: 'Eviction API: evicting',
  };
  return setCondition(existing, condition, now);
}

/** The delete's preconditions, with the registry's texts (BeforeDelete, and the update before it). */
function checkPreconditions(pod: KubeObject, deletion: Deletion): void {
  const target = { group: '', resource: 'Pod' };
  const name = pod.metadata?.name ?? '';
  const { uid, resourceVersion } = pod.metadata ?? {};
  if (deletion.preconditionUid && deletion.preconditionUid !== uid) {
    throw conflict(
      target,
      name,
      `the UID in the precondition (${deletion.preconditionUid}) does not match the UID in record (${uid}). The object might have been deleted and then recreated`,
    );
  }
  if (deletion.preconditionVersion && deletion.preconditionVersion !== resourceVersion) {
    throw conflict(
      target,
      name,
      `the ResourceVersion in the precondition (${deletion.preconditionVersion}) does not match the ResourceVersion in record (${resourceVersion}). The object might have been modified`,
    );
  }
}

const PROPAGATION_POLICIES = ['Foreground', 'Background', 'Orphan'];

/** apimachinery's ValidateDeleteOptions, as BeforeDelete runs it: a 422 on DeleteOptions. */
function validateDeleteOptions(deletion: Deletion): void {
  const errors: FieldError[] = [];
  const policy = deletion.propagationPolicy;
  if (deletion.orphanDependents !== undefined && policy !== undefined) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'propagationPolicy',
      message: `Invalid value: ${JSON.stringify(policy)}: orphanDependents and deletionPropagation cannot be both set`,
    });
  }
  if (policy !== undefined && !PROPAGATION_POLICIES.includes(policy)) {
    errors.push({
      type: 'FieldValueNotSupported',
      field: 'propagationPolicy',
      message: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan", "nil"`,
    });
  }
  if (deletion.dryRun.some((v) => v !== 'All')) {
    errors.push({
      type: 'FieldValueNotSupported',
      field: 'dryRun',
      message: `Unsupported value: []string{${deletion.dryRun.map((v) => JSON.stringify(v)).join(', ')}}: supported values: "All"`,
    });
  }
  if (errors.length === 0) return;
  const status = invalid('DeleteOptions', 'meta.k8s.io', '', errors).status;
  // An unnamed object's details carry no name.
  delete status.details?.name;
  throw new StatusError(status);
}

/**
 * The Eviction's deleteOptions, with the request's dryRun pushed into them (propagateDryRun):
 * both may say dryRun only if they say the same.
 */
function deleteOptions(eviction: KubeObject, queryDryRun: string[]): Deletion {
  const raw = isObject(eviction.deleteOptions) ? eviction.deleteOptions : {};
  const bodyDryRun = Array.isArray(raw.dryRun) ? raw.dryRun.map(String) : [];
  if (bodyDryRun.length > 0 && queryDryRun.length > 0 && bodyDryRun.join('\0') !== queryDryRun.join('\0')) {
    // A plain error in the registry, which the handler reports as a 500 with reason Unknown.
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Non-matching dry-run options in request and content: [${queryDryRun.join(' ')}] and [${bodyDryRun.join(' ')}]`,
      reason: 'Unknown',
      code: 500,
    } satisfies Status);
  }
  const preconditions = isObject(raw.preconditions) ? raw.preconditions : {};
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const grace = raw.gracePeriodSeconds;
  return {
    dryRun: bodyDryRun.length > 0 ? bodyDryRun : queryDryRun,
    gracePeriodSeconds: typeof grace === 'number' && Number.isInteger(grace) ? grace : undefined,
    preconditionUid: text(preconditions.uid),
    preconditionVersion: text(preconditions.resourceVersion),
    propagationPolicy: text(raw.propagationPolicy),
    orphanDependents: typeof raw.orphanDependents === 'boolean' ? raw.orphanDependents : undefined,
  };
}

/** The built-in kinds, to tell a kind the decoder knows (but cannot convert) from an unknown one. */
const SCHEME = new ResourceRegistry();
/** Kinds every group version registers (metav1.AddToGroupVersion), all of package meta/v1. */
const META_KINDS = new Set([
  'WatchEvent',
  'ListOptions',
  'GetOptions',
  'DeleteOptions',
  'CreateOptions',
  'UpdateOptions',
  'PatchOptions',
]);

/**
 * Decodes the body as the create handler does into policy.Eviction: a missing kind or
 * apiVersion defaults to policy/v1 Eviction; policy/v1beta1 is accepted too; anything else is
 * the decoder's 400. The object's namespace must be the request's.
 */
async function decodeEviction(request: ApiRequest, namespace: string | undefined): Promise<KubeObject> {
  const body = await decodeObject(request);
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  let group = slash < 0 ? '' : apiVersion.slice(0, slash);
  let version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const kind = typeof body.kind === 'string' && body.kind ? body.kind : 'Eviction';
  if (!version && (!group || group === 'policy')) [group, version] = ['policy', 'v1'];
  const accepted = group === 'policy' && (version === 'v1' || version === 'v1beta1') && kind === 'Eviction';
  if (!accepted) {
    const types = SCHEME.inGroupVersion(group, version);
    const known =
      types.length > 0 &&
      (META_KINDS.has(kind) ||
        types.some(
          (t) =>
            kind === t.kind || kind === `${t.kind}List` || t.subresources?.some((s) => s.kind === kind && !s.group),
        ));
    const reason = known
      ? `converting (${META_KINDS.has(kind) ? 'v1' : version}.${kind}) to (policy.Eviction): unknown conversion`
      : `no kind "${kind}" is registered for version "${group ? `${group}/${version}` : version}" in scheme "pkg/api/legacyscheme/scheme.go:30"`;
    throw badRequest(`${kind} in version "${version}" cannot be handled as a Eviction: ${reason}`);
  }
  const ns = isObject(body.metadata) ? body.metadata.namespace : undefined;
  if (typeof ns === 'string' && ns && namespace && ns !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  return body;
}
