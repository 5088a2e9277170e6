/** The events a selecting watch sees: ADDED, MODIFIED or DELETED as objects enter, stay in or leave it. */
import type { KubeObject } from './object';
import { selected, type ListOptions } from './object-list';
import type { ResourceType } from './resource';

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
