import { addQuantities, parseQuantity, type Quantity } from '../../api/quantity';
import type { Container, Pod } from './types';

/** A resource list with parsed quantities. */
export type QuantityList = Map<string, Quantity>;

function add(list: QuantityList, values: Record<string, string> | undefined): void {
  for (const [name, text] of Object.entries(values ?? {})) {
    const q = parseQuantity(text);
    if (!q) continue;
    const old = list.get(name);
    list.set(name, old ? addQuantities(old, q) : q);
  }
}

function max(list: QuantityList, other: QuantityList): void {
  for (const [name, q] of other) {
    const old = list.get(name);
    if (!old || q.milli > old.milli) list.set(name, q);
  }
}

const isSidecar = (c: Container): boolean => c.restartPolicy === 'Always';

/**
 * kubectl's PodRequestsAndLimits (pkg/util/resource): app containers summed, sidecars added,
 * the largest init container need (with the sidecars started before it), and the overhead.
 */
export function podRequestsAndLimits(pod: Pod): { requests: QuantityList; limits: QuantityList } {
  const total = (pick: (c: Container) => Record<string, string> | undefined, overheadOnNonZero: boolean) => {
    const sum: QuantityList = new Map();
    for (const c of pod.spec?.containers ?? []) add(sum, pick(c));
    const sidecars: QuantityList = new Map();
    const init: QuantityList = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      let need: QuantityList;
      if (isSidecar(c)) {
        add(sum, pick(c));
        add(sidecars, pick(c));
        need = sidecars;
      } else {
        need = new Map();
        add(need, pick(c));
        for (const [name, q] of sidecars)
          need.set(name, need.has(name) ? addQuantities(need.get(name) as Quantity, q) : q);
      }
      max(init, need);
    }
    max(sum, init);
    for (const [name, text] of Object.entries(pod.spec?.overhead ?? {})) {
      const q = parseQuantity(text);
      const old = sum.get(name);
      if (!q) continue;
      if (!overheadOnNonZero) sum.set(name, old ? addQuantities(old, q) : q);
      else if (old && old.milli !== 0n) sum.set(name, addQuantities(old, q));
    }
    return sum;
  };
  return {
    requests: total((c) => c.resources?.requests, false),
    limits: total((c) => c.resources?.limits, true),
  };
}

/** GetPodQOS: the status' QoS class, else computed as ComputePodQOS does. */
export function podQos(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: QuantityList = new Map();
  const limits: QuantityList = new Map();
  let guaranteed = true;
  const useful = (list: Record<string, string> | undefined): Record<string, string> =>
    Object.fromEntries(
      Object.entries(list ?? {}).filter(([n, v]) =>
        ['cpu', 'memory'].includes(n) || n.startsWith('hugepages-') ? parseQuantity(v)?.milli !== 0n : false,
      ),
    );
  const specs = pod.spec?.resources
    ? [pod.spec.resources]
    : [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.resources ?? {});
  for (const r of specs) {
    add(requests, useful(r.requests));
    add(limits, useful(r.limits));
    const l = r.limits ?? {};
    if (!('cpu' in l && 'memory' in l)) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, q] of requests) if (limits.get(name)?.milli !== q.milli) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
