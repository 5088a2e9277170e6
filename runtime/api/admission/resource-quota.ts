import { isObject, type KubeObject } from '../object';
import type { ObjectStore } from '../object-store';
import { addQuantities, formatQuantity, parseQuantity, type Quantity } from '../quantity';
import { evaluatorFor, matchesScopes, quotaScopes, type QuotaSpec } from '../quota-usage';
import type { ResourceType } from '../resource';
import { forbidden, StatusError } from '../status';
import { resourcequotas } from '../resources/resourcequotas';

type Usage = Map<string, Quantity>;
type Json = Record<string, unknown>;

/** Resources whose use a pod must declare in every container when a quota limits them. */
const DECLARED = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory'];

function containerResources(container: Json): { requests: Json; limits: Json } {
  const resources = (isObject(container.resources) ? container.resources : {}) as { requests?: Json; limits?: Json };
  return { requests: resources.requests ?? {}, limits: resources.limits ?? {} };
}

/** The pod's containers that do not declare each limited resource (podEvaluator.Constraints). */
function missingDeclarations(object: KubeObject, limited: string[]): string | undefined {
  const spec = (isObject(object.spec) ? object.spec : {}) as Json;
  const containers = [
    ...(Array.isArray(spec.containers) ? (spec.containers as Json[]) : []),
    ...(Array.isArray(spec.initContainers) ? (spec.initContainers as Json[]) : []),
  ];
  const missing = new Map<string, Set<string>>();
  for (const resource of limited.filter((r) => DECLARED.includes(r)).sort()) {
    const [kind, name] = resource.includes('.')
      ? (resource.split('.') as ['requests' | 'limits', string])
      : ['requests', resource];
    for (const c of containers) {
      if (containerResources(c)[kind as 'requests' | 'limits'][name] === undefined) {
        (missing.get(resource) ?? missing.set(resource, new Set()).get(resource))?.add(String(c.name));
      }
    }
  }
  if (missing.size === 0) return undefined;
  return `must specify ${[...missing].map(([r, names]) => `${r} for: ${[...names].sort().join(',')}`).join('; ')}`;
}

const pretty = (usage: Usage, keys: string[]): string =>
  [...keys]
    .sort()
    .map((k) => `${k}=${formatQuantity(usage.get(k) as Quantity)}`)
    .join(',');

/**
 * The ResourceQuota admission plugin, on create: every quota of the namespace that limits what
 * the object uses must have room for it, or the request is Forbidden with the real texts; when
 * all have room, their status.used is charged at once, before the object is stored, so the next
 * request sees it (the quota controller recounts later).
 */
export async function admitResourceQuota(
  objects: ObjectStore,
  type: ResourceType,
  namespace: string,
  object: KubeObject,
  dryRun: boolean,
): Promise<void> {
  const quotas = objects.list(resourcequotas, { namespace }).items;
  if (quotas.length === 0) return;
  const evaluator = evaluatorFor(type.group, type.plural);
  if (!evaluator) return;
  // A new object is never being deleted, so the time does not matter to its usage.
  const usage = evaluator.usage(object, 0);
  const name = object.metadata?.name || object.metadata?.generateName || '';
  const target = { group: type.group, resource: type.plural };
  const charges: Array<{ quota: KubeObject; used: Usage; hard: Json }> = [];
  for (const quota of quotas) {
    const status = (quota.status ?? {}) as { hard?: Json; used?: Json };
    const spec = (quota.spec ?? {}) as QuotaSpec;
    if (!matchesScopes(evaluator, quotaScopes(spec), object)) continue;
    const hard = status.hard ?? {};
    const limited = Object.keys(Object.keys(hard).length > 0 ? hard : (spec.hard ?? {}));
    const relevant = limited.filter((r) => usage.has(r) || (type.plural === 'pods' && DECLARED.includes(r)));
    if (relevant.length === 0) continue;
    if (type.plural === 'pods') {
      const missing = missingDeclarations(object, relevant);
      if (missing) throw forbidden(target, name, `failed quota: ${quota.metadata?.name}: ${missing}`);
    }
    const used = status.used ?? {};
    if (relevant.some((r) => hard[r] === undefined || used[r] === undefined)) {
      throw forbidden(
        target,
        name,
        `status unknown for quota: ${quota.metadata?.name}, resources: ${[...relevant].sort().join(',')}`,
      );
    }
    const usedNow: Usage = new Map(
      Object.entries(used).map(([k, v]) => [k, parseQuantity(String(v)) ?? { milli: 0n, format: 'DecimalSI' }]),
    );
    const requested = relevant.filter((r) => usage.has(r) && (usage.get(r) as Quantity).milli !== 0n);
    const exceeded = requested.filter((r) => {
      const after = addQuantities(usedNow.get(r) ?? { milli: 0n, format: 'DecimalSI' }, usage.get(r) as Quantity);
      return after.milli > (parseQuantity(String(hard[r])) as Quantity).milli;
    });
    if (exceeded.length > 0) {
      const hardUsage: Usage = new Map(exceeded.map((r) => [r, parseQuantity(String(hard[r])) as Quantity]));
      throw forbidden(
        target,
        name,
        `exceeded quota: ${quota.metadata?.name}, requested: ${pretty(usage, exceeded)}, used: ${pretty(usedNow, exceeded)}, limited: ${pretty(hardUsage, exceeded)}`,
      );
    }
    const charged = new Map(usedNow);
    for (const r of requested)
      charged.set(
        r,
        addQuantities(
          usedNow.get(r) ?? { milli: 0n, format: (usage.get(r) as Quantity).format },
          usage.get(r) as Quantity,
        ),
      );
    charges.push({ quota, used: charged, hard });
  }
  if (dryRun) return;
  for (const { quota, used, hard } of charges) {
    const nextUsed: Json = {};
    for (const key of Object.keys(hard)) if (used.has(key)) nextUsed[key] = formatQuantity(used.get(key) as Quantity);
    const status = { ...(quota.status as Json), used: nextUsed };
    try {
      await objects.update(
        resourcequotas,
        namespace,
        quota.metadata?.name ?? '',
        { ...quota, status },
        { dryRun: false, subresource: 'status' },
      );
    } catch (error) {
      // A concurrent charge moved the quota: the client retries, as with the real server's conflict.
      if (error instanceof StatusError && error.status.code === 409) {
        throw forbidden(
          target,
          name,
          `Operation cannot be fulfilled on resourcequotas "${quota.metadata?.name}": the object has been modified; please apply your changes to the latest version and try again`,
        );
      }
      throw error;
    }
  }
}
