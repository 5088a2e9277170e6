import { isObject, type KubeObject } from '../object';
import type { ObjectStore } from '../object-store';
import { formatQuantity, parseQuantity } from '../quantity';
import { limitranges } from '../resources/limitranges';
import { forbidden } from '../status';

type Resources = Record<string, string>;
type Item = { type?: string; max?: Resources; min?: Resources; default?: Resources; defaultRequest?: Resources };
type Container = { name?: string; resources?: { requests?: Resources; limits?: Resources } };

/** A LimitRange item as the API defaults it: default from max, defaultRequest from default or min. */
function defaulted(item: Item): Item {
  const limits = { ...item.max, ...item.default };
  return { ...item, default: limits, defaultRequest: { ...item.min, ...limits, ...item.defaultRequest } };
}

const milli = (text: string | undefined): bigint | undefined =>
  text === undefined ? undefined : parseQuantity(text)?.milli;
const canonical = (text: string): string => {
  const q = parseQuantity(text);
  return q ? formatQuantity(q) : text;
};

/** Fills in a container's missing requests and limits; returns the annotation parts it set. */
function fillDefaults(container: Container, item: Item, label: string): string[] {
  const resources = (container.resources ??= {});
  const setRequests: string[] = [];
  const setLimits: string[] = [];
  for (const [name, value] of Object.entries(item.default ?? {})) {
    if ((resources.limits ??= {})[name] === undefined) {
      resources.limits[name] = value;
      setLimits.push(name);
    }
  }
  for (const [name, value] of Object.entries(item.defaultRequest ?? {})) {
    if ((resources.requests ??= {})[name] === undefined) {
      resources.requests[name] = value;
      setRequests.push(name);
    }
  }
  if (resources.limits && Object.keys(resources.limits).length === 0) delete resources.limits;
  if (resources.requests && Object.keys(resources.requests).length === 0) delete resources.requests;
  const parts: string[] = [];
  if (setRequests.length) parts.push(`${setRequests.sort().join(', ')} request for ${label} ${container.name}`);
  if (setLimits.length) parts.push(`${setLimits.sort().join(', ')} limit for ${label} ${container.name}`);
  return parts;
}

/** The min and max checks of one container (limitranger's minConstraint and maxConstraint). */
function violations(container: Container, item: Item): string[] {
  const errors: string[] = [];
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  for (const [name, min] of Object.entries(item.min ?? {})) {
    const request = milli(requests[name]);
    if (request === undefined)
      errors.push(`minimum ${name} usage per Container is ${canonical(min)}.  No request is specified`);
    else if (request < (milli(min) ?? 0n)) {
      errors.push(
        `minimum ${name} usage per Container is ${canonical(min)}, but request is ${canonical(requests[name])}`,
      );
    }
  }
  for (const [name, max] of Object.entries(item.max ?? {})) {
    const limit = milli(limits[name]);
    if (limit === undefined)
      errors.push(`maximum ${name} usage per Container is ${canonical(max)}.  No limit is specified`);
    else if (limit > (milli(max) ?? 0n)) {
      errors.push(`maximum ${name} usage per Container is ${canonical(max)}, but limit is ${canonical(limits[name])}`);
    }
  }
  return errors;
}

/**
 * The LimitRanger admission plugin for pods: containers get the namespace's default requests and
 * limits (noted in the `kubernetes.io/limit-ranger` annotation), then must fit its min and max.
 */
export function admitLimitRanges(objects: ObjectStore, namespace: string, pod: KubeObject): void {
  const items = objects
    .list(limitranges, { namespace })
    .items.flatMap((range) => (range.spec as { limits?: Item[] } | undefined)?.limits ?? [])
    .filter((item) => item.type === 'Container')
    .map(defaulted);
  if (items.length === 0 || !isObject(pod.spec)) return;
  const spec = pod.spec as { containers?: Container[]; initContainers?: Container[] };
  const annotations: string[] = [];
  const errors: string[] = [];
  for (const item of items) {
    for (const c of spec.initContainers ?? []) annotations.push(...fillDefaults(c, item, 'init container'));
    for (const c of spec.containers ?? []) annotations.push(...fillDefaults(c, item, 'container'));
  }
  for (const item of items) {
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) errors.push(...violations(c, item));
  }
  const name = pod.metadata?.name || pod.metadata?.generateName || '';
  if (errors.length > 0) {
    throw forbidden({ group: '', resource: 'pods' }, name, errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  }
  if (annotations.length > 0) {
    const meta = (pod.metadata ??= {});
    meta.annotations = {
      ...meta.annotations,
      'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${annotations.join('; ')}`,
    };
  }
}
