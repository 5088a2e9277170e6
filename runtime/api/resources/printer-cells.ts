import { formatQuantity, parseQuantity } from '../quantity';

/**
 * A quantity as Quantity.String() prints it: canonical (`1024Mi` is `1Gi`), `0` for a missing
 * value (a map lookup's zero value), text that does not parse as it is.
 */
export function quantityText(value: unknown): string {
  if (value === undefined || value === null) return '0';
  const text = String(value);
  const parsed = parseQuantity(text);
  return parsed ? formatQuantity(parsed) : text;
}

/** Like quantityText, for an optional quantity field: `<nil>` when it is absent. */
export function optionalQuantityText(value: unknown): string {
  return value === undefined || value === null ? '<nil>' : quantityText(value);
}

const ACCESS_MODES: ReadonlyArray<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** Access modes abbreviated, in the fixed order RWO, ROX, RWX, RWOP, comma-joined; `` for none. */
export function accessModesText(modes: unknown): string {
  const present = new Set(Array.isArray(modes) ? modes : []);
  return ACCESS_MODES.filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** The storage class of a PV or PVC: the beta annotation when present (even empty), else the field. */
export function storageClassText(annotations: Record<string, string> | undefined, field: unknown): string {
  const beta = annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (beta !== undefined) return beta;
  return typeof field === 'string' ? field : '';
}

/**
 * The first three items comma-joined, then ` + N more...` for the rest; `<unset>` for none (the
 * EndpointSlice PORTS and ENDPOINTS cells).
 */
export function listWithMore(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

/** An IntOrString as its String() prints it: the number or the text. */
export function intOrStringText(value: unknown): string {
  return typeof value === 'number' ? String(Math.trunc(value)) : String(value ?? '');
}

/** A *bool cell: `True`, `False`, or `<unset>` when it is absent. */
export function boolPointerText(value: unknown): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}
