/** The events a selecting watch sees: ADDED, MODIFIED or DELETED as objects enter, stay in or leave it. */
import type { KubeObject } from './object';
import { selected, type ListOptions } from './object-list';
import type { ResourceType } from './resource';
import type { WatchTrigger } from '../storage/store';

/** One watch event as the API sends it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/**
 * The event, if any, that a watcher selecting by `options` sees for a stored change: `object` as
 * it is now (or as it was deleted), `previous` as it was before (none for a creation).
 */
export function watchEventFor(
  type: ResourceType,
  options: Pick<ListOptions, 'labelSelector' | 'fieldSelector'>,
  change: { deleted: boolean; object: KubeObject; previous?: KubeObject },
): WatchEvent | undefined {
  const { object, previous } = change;
  const now = selected(type, object, options);
  const before = previous ? selected(type, previous, options) : false;
  if (change.deleted) return now ? { type: 'DELETED', object } : undefined;
  if (!previous) return now ? { type: 'ADDED', object } : undefined;
  if (now) return { type: before ? 'MODIFIED' : 'ADDED', object };
  return before ? { type: 'DELETED', object } : undefined;
}

/** A pod's node as the watch index reads it from a stored pod ('' while unscheduled). */
const podNodeName = (value: unknown): string =>
  (value as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName ?? '';

/**
 * The trigger of a watch whose field selector pins an indexed field (kube-apiserver's watch
 * cache indexes pods by spec.nodeName): the store then hands it only the changes of that value.
 */
export function watchTrigger(type: ResourceType, options: ListOptions): WatchTrigger | undefined {
  if (type.plural !== 'pods' || type.group !== '') return undefined;
  const pinned = options.fieldSelector?.requirements.find((r) => r.field === 'spec.nodeName' && r.op === '=');
  return pinned ? { of: podNodeName, value: pinned.value } : undefined;
}
