import type { ColumnDefinition, PrintContext } from './resource';
import type { KubeObject } from './object';
import { humanDuration } from '../util/duration';
import { parseTime } from '../util/time';

/** ObjectMeta.name's description, which every Name column carries. */
const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

/** ObjectMeta.creationTimestamp's description, which every Age column carries. */
const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** A column definition. */
export function column(
  name: string,
  type: ColumnDefinition['type'],
  description: string,
  priority = 0,
  format = '',
): ColumnDefinition {
  return { name, type, format, description, priority };
}

export const NAME_COLUMN = column('Name', 'string', NAME_DESCRIPTION, 0, 'name');
export const AGE_COLUMN = column('Age', 'string', AGE_DESCRIPTION);

/** HumanDuration since `timestamp`, or `<unknown>` when it is unset, as printers.go writes ages. */
export function translateTimestampSince(timestamp: unknown, context: PrintContext): string {
  const ms = parseTime(timestamp);
  return ms === undefined ? '<unknown>' : humanDuration(context.now - ms);
}

/** The object's age cell. */
export function age(object: KubeObject, context: PrintContext): string {
  return translateTimestampSince(object.metadata?.creationTimestamp, context);
}

/** The default table of a resource without its own printer: Name and Age. */
export const DEFAULT_TABLE = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  row: (object: KubeObject, context: PrintContext): unknown[] => [object.metadata?.name ?? '', age(object, context)],
};

/** `k=v` pairs sorted by key and comma-joined (labels.FormatLabels), or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',');
}
