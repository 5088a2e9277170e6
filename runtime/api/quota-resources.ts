/**
 * core/v1 ResourceList arithmetic as quota does it (k8s.io/apiserver/pkg/quota/v1 resources.go):
 * resource names to quantities, added, masked to a set of names, compared by value, and written
 * back as the API prints them (keys sorted, as Go marshals a map).
 */
import { addQuantities, formatQuantity, parseQuantity, type Quantity } from './quantity';

/** A ResourceList: resource name → quantity. */
export type ResourceList = Map<string, Quantity>;

/** The zero quantity (resource.Quantity{Format: DecimalSI}). */
export const ZERO: Quantity = { milli: 0n, format: 'DecimalSI' };

/** A count as a DecimalSI quantity (resource.NewQuantity(n, DecimalSI)). */
export function count(n: number): Quantity {
  return { milli: BigInt(n) * 1000n, format: 'DecimalSI' };
}

/** A ResourceList from its JSON form; values that are not quantities count as zero. */
export function parseResourceList(json: Record<string, unknown> | undefined): ResourceList {
  const list: ResourceList = new Map();
  for (const [name, value] of Object.entries(json ?? {})) list.set(name, parseQuantity(String(value)) ?? ZERO);
  return list;
}

/** The JSON form of a ResourceList, keys sorted, quantities canonical. */
export function formatResourceList(list: ResourceList): Record<string, string> {
  const json: Record<string, string> = {};
  for (const name of [...list.keys()].sort()) json[name] = formatQuantity(list.get(name) as Quantity);
  return json;
}

/** quota.Add: a + b, resource by resource. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const sum: ResourceList = new Map(a);
  for (const [name, quantity] of b) {
    const mine = sum.get(name);
    sum.set(name, mine ? addQuantities(mine, quantity) : quantity);
  }
  return sum;
}

/** quota.Mask: only the resources named. */
export function maskList(list: ResourceList, names: Iterable<string>): ResourceList {
  const masked: ResourceList = new Map();
  for (const name of names) {
    const quantity = list.get(name);
    if (quantity) masked.set(name, quantity);
  }
  return masked;
}

/** quota.Equals: the same resources with the same values (formats aside). */
export function sameLists(a: ResourceList, b: ResourceList): boolean {
  if (a.size !== b.size) return false;
  for (const [name, quantity] of a) if (b.get(name)?.milli !== quantity.milli) return false;
  return true;
}

/** The larger of two quantities (the first when equal), as resourcehelper's max does. */
export function maxQuantity(a: Quantity | undefined, b: Quantity | undefined): Quantity | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.milli > a.milli ? b : a;
}
