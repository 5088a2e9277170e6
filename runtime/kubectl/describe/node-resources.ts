import { formatQuantity, parseQuantity, type Quantity } from '../../api/quantity';
import { timestampSince } from './go-format';
import { podRequestsAndLimits, type QuantityList } from './pod-resources';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import type { Pod } from './types';

const ZERO: Quantity = { milli: 0n, format: 'DecimalSI' };
const text = (q: Quantity | undefined): string => formatQuantity(q ?? ZERO);
/** Quantity.Value(): whole units, rounded up. */
const value = (q: Quantity | undefined): number => Number(((q?.milli ?? 0n) + 999n) / 1000n);
const milli = (q: Quantity | undefined): number => Number(q?.milli ?? 0n);
/** int64(float64(a) / float64(b) * 100): Go's truncation of the percentage. */
const percent = (a: number, b: number): number => {
  const p = (a / b) * 100;
  return Number.isFinite(p) ? Math.trunc(p) : 0;
};

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

function parseList(list: Record<string, string> | undefined): QuantityList {
  const out: QuantityList = new Map();
  for (const [name, t] of Object.entries(list ?? {})) {
    const q = parseQuantity(t);
    if (q) out.set(name, q);
  }
  return out;
}

function sum(lists: QuantityList[]): QuantityList {
  const out: QuantityList = new Map();
  for (const list of lists)
    for (const [name, q] of list) {
      const old = out.get(name);
      out.set(name, old ? { milli: old.milli + q.milli, format: old.format } : q);
    }
  return out;
}

/**
 * describeNodeResource: the `Non-terminated Pods` table (each pod's CPU and memory requests and
 * limits, as a share of the allocatable) and the `Allocated resources` totals.
 */
export function describeNodeResource(
  pods: Pod[],
  capacity: Record<string, string> | undefined,
  allocatableList: Record<string, string> | undefined,
  w: PrefixWriter,
  now: number,
): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = parseList(Object.keys(allocatableList ?? {}).length > 0 ? allocatableList : capacity);
  const cpu = milli(allocatable.get('cpu'));
  const memory = value(allocatable.get('memory'));
  const perPod = pods.map((pod) => podRequestsAndLimits(pod));
  pods.forEach((pod, i) => {
    const { requests, limits } = perPod[i];
    const cell = (q: Quantity | undefined, of: number, byMilli: boolean) =>
      `${text(q)} (${percent(byMilli ? milli(q) : value(q), of)}%)`;
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(requests.get('cpu'), cpu, true)}\t${cell(limits.get('cpu'), cpu, true)}\t` +
        `${cell(requests.get('memory'), memory, false)}\t${cell(limits.get('memory'), memory, false)}\t` +
        `${timestampSince(pod.metadata.creationTimestamp, now)}\n`,
    );
  });
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs = sum(perPod.map((p) => p.requests));
  const lims = sum(perPod.map((p) => p.limits));
  const row = (name: string, of: number, measure: (q: Quantity | undefined) => number) => {
    const share = (q: Quantity | undefined) => (of !== 0 ? percent(measure(q), of) : 0);
    w.write(
      LEVEL_1,
      `${name}\t${text(reqs.get(name))} (${share(reqs.get(name))}%)\t${text(lims.get(name))} (${share(lims.get(name))}%)\n`,
    );
  };
  row('cpu', cpu, milli);
  row('memory', memory, value);
  row('ephemeral-storage', value(allocatable.get('ephemeral-storage')), value);
  const names = [...allocatable.keys()].sort();
  for (const name of names.filter(isHugePages)) row(name, value(allocatable.get(name)), value);
  for (const name of names.filter((n) => !isHugePages(n) && !STANDARD.has(n) && n !== 'pods'))
    w.write(LEVEL_1, `${name}\t${text(reqs.get(name))}\t${text(lims.get(name))}\n`);
}
