/** Lists: the label and field selectors an object must pass, and paging with continue tokens. */
import type { StoredValue } from '../storage/store';
import { base64url, fromBase64urlText } from '../util/base64url';
import type { KubeObject } from './object';
import type { ResourceType } from './resource';
import type { FieldSelector, LabelSelector } from './selectors';
import { badRequest } from './status';

/** A list's selection and paging. */
export interface ListOptions {
  namespace?: string;
  labelSelector?: LabelSelector;
  fieldSelector?: FieldSelector;
  limit?: number;
  continueToken?: string;
}

/** What a list returns: the items and the paging metadata. */
export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/** True when the object passes the list's label and field selectors. */
export function selected(
  type: ResourceType,
  object: KubeObject,
  options: Pick<ListOptions, 'labelSelector' | 'fieldSelector'>,
): boolean {
  if (options.labelSelector && !options.labelSelector.matches(object.metadata?.labels)) return false;
  if (options.fieldSelector && !options.fieldSelector.matches(selectableFields(type, object))) return false;
  return true;
}

/**
 * The selectable fields of presented (frozen) objects: every watcher of a resource tests the
 * same object, so its fields are worked out once.
 */
const fieldsByObject = new WeakMap<KubeObject, Record<string, string>>();

function selectableFields(type: ResourceType, object: KubeObject): Record<string, string> {
  let fields = fieldsByObject.get(object);
  if (fields) return fields;
  fields = {
    'metadata.name': object.metadata?.name ?? '',
    ...(type.namespaced ? { 'metadata.namespace': object.metadata?.namespace ?? '' } : {}),
    ...type.selectableFields?.(object),
  };
  if (Object.isFrozen(object)) fieldsByObject.set(object, fields);
  return fields;
}

/** The fields a field selector may name for this resource. */
export function selectableFieldNames(type: ResourceType): Set<string> {
  const names = new Set(['metadata.name']);
  if (type.namespaced) names.add('metadata.namespace');
  for (const name of Object.keys(type.selectableFields?.({}) ?? {})) names.add(name);
  return names;
}

/**
 * One page of `all` (stored values in key order, namespace then name): the objects that pass the
 * selectors, after the continue token's key and at most `limit` of them; with a continue token and
 * the count of the rest while more remain.
 */
export function listPage(
  type: ResourceType,
  all: readonly StoredValue[],
  resourceVersion: string,
  options: ListOptions,
  present: (stored: StoredValue) => KubeObject,
): ListResult {
  let start = 0;
  if (options.continueToken) {
    const token = decodeContinue(options.continueToken);
    start = all.findIndex((s) => s.key > token.key);
    if (start < 0) start = all.length;
  }
  const items: KubeObject[] = [];
  let i = start;
  for (; i < all.length; i++) {
    if (options.limit && items.length >= options.limit) break;
    const object = present(all[i]);
    if (selected(type, object, options)) items.push(object);
  }
  if (i < all.length && options.limit) {
    let remaining = 0;
    for (let j = i; j < all.length; j++) {
      if (selected(type, present(all[j]), options)) remaining++;
    }
    if (remaining > 0) {
      const last = all[i - 1].key;
      return {
        items,
        resourceVersion,
        continueToken: encodeContinue(last, resourceVersion),
        remainingItemCount: remaining,
      };
    }
  }
  return { items, resourceVersion };
}

function encodeContinue(key: string, resourceVersion: string): string {
  return base64url(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(resourceVersion), start: key }));
}

function decodeContinue(token: string): { key: string } {
  try {
    const parsed = JSON.parse(fromBase64urlText(token)) as { start?: unknown };
    if (typeof parsed.start !== 'string') throw new Error('no start');
    return { key: parsed.start };
  } catch {
    throw badRequest(`continue key is not valid: illegal base64 data`);
  }
}
