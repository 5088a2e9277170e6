import type { Clock } from '../clock';
import { decodeObject } from './body';
import { checkAndDecrement, matchingBudgets, stillProcessing } from './eviction-budget';
import { addConditionAndDeletePod, deleteOptions, type Evicting } from './eviction-delete';
import { isObject, type KubeObject } from './object';
import type { ObjectStore } from './object-store';
import { ResourceRegistry } from './registry';
import { requestInfo } from './request-info';
import type { ResourceType } from './resource';
import { poddisruptionbudgets } from './resources/poddisruptionbudgets';
import { respond } from './respond';
import { badRequest, StatusError, unknownError } from './status';
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

/** client-go's EvictionsRetry: 20 tries (the apiserver waits ~500ms between them; we do not). */
const EVICTION_RETRIES = 20;

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
    throw unknownError(
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
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

const podPhase = (pod: KubeObject): string | undefined => (pod.status as { phase?: string } | undefined)?.phase;

/** Pending, terminal or terminating pods need no budget (canIgnorePDB). */
function canIgnorePDB(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp;
}

/** Only a terminal or terminating pod can be deleted without pinning its resourceVersion. */
function shouldEnforceResourceVersion(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return !(phase === 'Succeeded' || phase === 'Failed' || pod.metadata?.deletionTimestamp);
}

/** podutil.IsPodReady: the Ready condition is True. */
function isPodReady(pod: KubeObject): boolean {
  const conditions = (pod.status as { conditions?: Json[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
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
