/**
 * The quota evaluators (pkg/quota/v1/evaluator/core and apiserver's generic object counter):
 * for each resource, which quota names it answers for, what one object uses, and which scopes
 * it matches. Shared by the ResourceQuota admission plugin (charging a new object) and the
 * ResourceQuota controller (recounting a namespace).
 */
import { isObject, type KubeObject } from './object';
import {
  isBestEffort,
  isTerminatingPod,
  podMatchingResources,
  podUsage,
  usesCrossNamespacePodAffinity,
  type QuotaPod,
} from './quota-pods';
import { parseQuantity, type Quantity } from './quantity';
import { addLists, count, maxQuantity, ZERO, type ResourceList } from './quota-resources';

type Json = Record<string, unknown>;

/** core/v1 ScopedResourceSelectorRequirement. */
export interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values?: string[];
}

/** The parts of a core/v1 ResourceQuotaSpec that decide what is counted. */
export interface QuotaSpec {
  hard?: Record<string, string>;
  scopes?: string[];
  scopeSelector?: { matchExpressions?: ScopeRequirement[] };
}

/** A quota evaluator: one group/resource's usage and scopes. */
export interface Evaluator {
  group: string;
  resource: string;
  /** The names among `names` this evaluator counts. */
  matchingResources(names: readonly string[]): string[];
  /** Whether `object` falls in the scope `requirement` names. */
  matchesScope(requirement: ScopeRequirement, object: KubeObject): boolean;
  /** What `object` uses, at time `now` (only pods care about the time). */
  usage(object: KubeObject, now: number): ResourceList;
}

/** ObjectCountQuotaResourceNameFor: `count/<resource>` or `count/<resource>.<group>`. */
export function objectCountName(group: string, resource: string): string {
  return group ? `count/${resource}.${group}` : `count/${resource}`;
}

/** The group and resource of a `count/…` quota name (the group is all after the first dot). */
export function parseObjectCountName(name: string): { group: string; resource: string } | undefined {
  if (!name.startsWith('count/')) return undefined;
  const rest = name.slice('count/'.length);
  const dot = rest.indexOf('.');
  return dot < 0 ? { group: '', resource: rest } : { group: rest.slice(dot + 1), resource: rest.slice(0, dot) };
}

/** MatchesNoScopeFunc: objects other than pods and claims fall in no scope. */
const noScope = (): boolean => false;

/** generic.NewObjectCountEvaluator: one of each object, under `count/…` and the legacy alias. */
function objectCountEvaluator(group: string, resource: string, alias?: string): Evaluator {
  const names = [objectCountName(group, resource), ...(alias ? [alias] : [])];
  return {
    group,
    resource,
    matchingResources: (input) => input.filter((name) => names.includes(name)),
    matchesScope: noScope,
    usage: () => new Map(names.map((name) => [name, count(1)])),
  };
}

/**
 * ScopedResourceSelectorRequirementsAsSelector matched against `{scopeName: value}` (no labels
 * when there is no value): In, NotIn, Exists, DoesNotExist; any other operator matches nothing.
 */
function selectorMatches(requirement: ScopeRequirement, value: string | undefined): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
  return false;
}

/** podMatchesScopeFunc. */
function podMatchesScope(requirement: ScopeRequirement, object: KubeObject): boolean {
  const pod = object as QuotaPod;
  switch (requirement.scopeName) {
    case 'Terminating':
      return isTerminatingPod(pod);
    case 'NotTerminating':
      return !isTerminatingPod(pod);
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass': {
      const priorityClass = typeof pod.spec?.priorityClassName === 'string' ? pod.spec.priorityClassName : '';
      if (requirement.operator === 'Exists') return priorityClass !== '';
      return selectorMatches(requirement, priorityClass || undefined);
    }
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespacePodAffinity(pod);
  }
  return false;
}

const PODS: Evaluator = {
  group: '',
  resource: 'pods',
  matchingResources: podMatchingResources,
  matchesScope: podMatchesScope,
  usage: (object, now) => podUsage(object as QuotaPod, now),
};

const SERVICE_RESOURCES = ['count/services', 'services', 'services.nodeports', 'services.loadbalancers'];

/** serviceEvaluator.Usage: NodePort and LoadBalancer services take a node port per port. */
function serviceUsage(object: KubeObject): ResourceList {
  const spec = (isObject(object.spec) ? object.spec : {}) as Json;
  const ports = Array.isArray(spec.ports) ? (spec.ports as Json[]) : [];
  const usage: ResourceList = new Map([
    ['count/services', count(1)],
    ['services', count(1)],
    ['services.loadbalancers', ZERO],
    ['services.nodeports', ZERO],
  ]);
  if (spec.type === 'NodePort') usage.set('services.nodeports', count(ports.length));
  if (spec.type === 'LoadBalancer') {
    // Without allocated node ports only the ports that ask for one explicitly take one.
    const explicit = ports.filter((p) => isObject(p) && p.nodePort).length;
    usage.set('services.nodeports', count(spec.allocateLoadBalancerNodePorts === false ? explicit : ports.length));
    usage.set('services.loadbalancers', count(1));
  }
  return usage;
}

const SERVICES: Evaluator = {
  group: '',
  resource: 'services',
  matchingResources: (input) => input.filter((name) => SERVICE_RESOURCES.includes(name)),
  matchesScope: noScope,
  usage: serviceUsage,
};

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';
const PVC_RESOURCES = ['persistentvolumeclaims', 'requests.storage'];

/** GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName. */
function claimClass(claim: KubeObject): string {
  const annotation = claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (annotation !== undefined) return annotation;
  const spec = (isObject(claim.spec) ? claim.spec : {}) as Json;
  return typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
}

/** Whole bytes, rounded up (issue 94313). */
const roundUp = (q: Quantity): Quantity => ({ ...q, milli: ((q.milli + 999n) / 1000n) * 1000n });

/** The storage a claim is charged: its request, or more if more was allocated. */
function claimStorage(claim: KubeObject): Quantity | undefined {
  const spec = (isObject(claim.spec) ? claim.spec : {}) as { resources?: { requests?: Json } };
  const status = (isObject(claim.status) ? claim.status : {}) as { allocatedResources?: Json };
  const requested = parseQuantity(String(spec.resources?.requests?.storage ?? ''));
  const allocated = parseQuantity(String(status.allocatedResources?.storage ?? ''));
  if (!requested) return undefined;
  return roundUp(maxQuantity(requested, allocated) as Quantity);
}

/** The VolumeAttributesClass names a claim refers to (spec, status, or a modification's target). */
function volumeAttributesClasses(claim: KubeObject): string[] {
  const spec = (isObject(claim.spec) ? claim.spec : {}) as Json;
  const status = (isObject(claim.status) ? claim.status : {}) as Json;
  const modify = (isObject(status.modifyVolumeStatus) ? status.modifyVolumeStatus : {}) as Json;
  const names = [
    spec.volumeAttributesClassName,
    status.currentVolumeAttributesClassName,
    modify.targetVolumeAttributesClassName,
  ];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== ''))];
}

const PVCS: Evaluator = {
  group: '',
  resource: 'persistentvolumeclaims',
  matchingResources: (input) =>
    input.filter(
      (name) =>
        name === 'count/persistentvolumeclaims' ||
        PVC_RESOURCES.includes(name) ||
        PVC_RESOURCES.some((r) => name.endsWith(`${STORAGE_CLASS_SUFFIX}${r}`)),
    ),
  matchesScope(requirement, claim) {
    if (requirement.scopeName !== 'VolumeAttributesClass') return false;
    const names = volumeAttributesClasses(claim);
    if (requirement.operator === 'Exists') return names.length > 0;
    if (names.length === 0) return selectorMatches(requirement, undefined);
    return names.some((name) => selectorMatches(requirement, name));
  },
  usage(claim) {
    const usage: ResourceList = new Map([
      ['persistentvolumeclaims', count(1)],
      ['count/persistentvolumeclaims', count(1)],
    ]);
    const storageClass = claimClass(claim);
    if (storageClass) usage.set(`${storageClass}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, count(1));
    const storage = claimStorage(claim);
    if (storage) {
      usage.set('requests.storage', storage);
      if (storageClass) usage.set(`${storageClass}${STORAGE_CLASS_SUFFIX}requests.storage`, storage);
    }
    return usage;
  },
};

/** The evaluators kube-controller-manager and the admission plugin register (install.NewQuotaConfiguration). */
export const CORE_EVALUATORS: readonly Evaluator[] = [
  PODS,
  SERVICES,
  PVCS,
  objectCountEvaluator('', 'configmaps', 'configmaps'),
  objectCountEvaluator('', 'resourcequotas', 'resourcequotas'),
  objectCountEvaluator('', 'replicationcontrollers', 'replicationcontrollers'),
  objectCountEvaluator('', 'secrets', 'secrets'),
];

/** The resources quota never tracks (install's ignoredResources). */
const IGNORED = new Set(['/events']);

/** The evaluator of a group/resource: a core one, or a plain object counter; none for events. */
export function evaluatorFor(group: string, resource: string): Evaluator | undefined {
  if (IGNORED.has(`${group}/${resource}`)) return undefined;
  return (
    CORE_EVALUATORS.find((e) => e.group === group && e.resource === resource) ?? objectCountEvaluator(group, resource)
  );
}

/** getScopeSelectorsFromQuota: each scope as an Exists requirement, then the scope selector's. */
export function quotaScopes(spec: QuotaSpec): ScopeRequirement[] {
  return [
    ...(spec.scopes ?? []).map((scopeName) => ({ scopeName, operator: 'Exists' })),
    ...(spec.scopeSelector?.matchExpressions ?? []),
  ];
}

/** True when `object` is in every one of the quota's scopes (no scopes: everything is). */
export function matchesScopes(evaluator: Evaluator, scopes: readonly ScopeRequirement[], object: KubeObject): boolean {
  return scopes.every((scope) => evaluator.matchesScope(scope, object));
}

/**
 * generic.CalculateUsageStats: each of `resources` starts at zero; every object in the quota's
 * scopes adds its usage.
 */
export function usageStats(
  evaluator: Evaluator,
  resources: readonly string[],
  scopes: readonly ScopeRequirement[],
  objects: readonly KubeObject[],
  now: number,
): ResourceList {
  let used: ResourceList = new Map(resources.map((name) => [name, ZERO]));
  for (const object of objects) {
    if (matchesScopes(evaluator, scopes, object)) used = addLists(used, evaluator.usage(object, now));
  }
  return used;
}
