/**
 * JSON as kubectl prints it: Go's json.MarshalIndent with four spaces. Objects from the server
 * are unstructured maps, which Go marshals with sorted keys; typed objects kubectl builds itself
 * keep their struct order (`sortKeys` false).
 */
export function toJson(value: unknown, sortKeys = true): string {
  return toGoJson(sortKeys ? sortedKeys(value) : value);
}

/** Go's json.MarshalIndent(value, "", "    ") of `value` in its own key order: `<`, `>` and `&` escaped as Go escapes them. */
export function toGoJson(value: unknown): string {
  const text = JSON.stringify(value, null, 4)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${text}\n`;
}

/** `value` with every object's keys in Go's map order (sorted by bytes). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareBytes))
    out[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Byte order of UTF-8 strings (Go's string comparison), not UTF-16 code-unit order. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The List kubectl wraps several objects in for -o json/yaml (printGeneric). */
export function listOf(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
