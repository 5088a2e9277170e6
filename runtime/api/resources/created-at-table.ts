import type { KubeObject } from '../object';
import type { ResourceType } from '../resource';
import { AGE_COLUMN, column, NAME_COLUMN } from '../table';
import { formatTime, parseTime } from '../../util/time';

/** The creationTimestamp in RFC 3339 UTC; a missing one prints as the zero time, as Go's does. */
function createdAt(object: KubeObject): string {
  const ms = parseTime(object.metadata?.creationTimestamp);
  return ms === undefined ? '0001-01-01T00:00:00Z' : formatTime(ms);
}

/**
 * The apiserver's default table convertor, used by kinds that have no printer of their own
 * (Role, ClusterRole, LimitRange, CustomResourceDefinition): Name and `Created At`, a `date`
 * column holding the creation time itself rather than an age.
 */
export const CREATED_AT_TABLE: NonNullable<ResourceType['table']> = {
  columns: [NAME_COLUMN, column('Created At', 'date', AGE_COLUMN.description)],
  row: (object) => [object.metadata?.name ?? '', createdAt(object)],
};
