type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields lists of objects merge on in a strategic merge patch (the common patchMergeKeys). */
const MERGE_KEYS = ['name', 'containerPort', 'port', 'mountPath', 'devicePath'];

/** Go-style deep equality of JSON values. */
export function jsonEqual(a: Json, b: Json): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return a === b;
}

function mergeKeyOf(list: Json[]): string | undefined {
  if (list.length === 0 || !list.every(isObject)) return undefined;
  return MERGE_KEYS.find((key) => list.every((item) => (item as JsonObject)[key] !== undefined));
}

/** A list's patch: items matched by merge key and patched field by field; undefined when nothing changes. */
function listPatch(original: Json, modified: Json[], current: Json): Json[] | undefined {
  const key = mergeKeyOf(modified);
  if (!key || !Array.isArray(current)) return jsonEqual(modified, current) ? undefined : modified;
  const out: Json[] = [];
  for (const item of modified as JsonObject[]) {
    const live = current.find((c) => isObject(c) && c[key] === item[key]);
    const before = Array.isArray(original) ? original.find((o) => isObject(o) && o[key] === item[key]) : undefined;
    if (!live) out.push(item);
    else {
      const diff = threeWayPatch(before as JsonObject | undefined, item, live as JsonObject);
      if (Object.keys(diff).length > 0) out.push({ [key]: item[key], ...diff });
    }
  }
  return out.length > 0 ? out : undefined;
}

/**
 * The three-way patch kubectl apply sends, in its simplest form: every field the new manifest
 * sets that the live object differs on, and `null` for each field the last applied manifest set
 * and the new one drops; lists of objects with a merge key patched item by item.
 */
export function threeWayPatch(original: JsonObject | undefined, modified: JsonObject, current: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [key, value] of Object.entries(modified)) {
    const live = current[key];
    const before = original?.[key];
    if (isObject(value) && isObject(live)) {
      const inner = threeWayPatch(isObject(before) ? before : undefined, value, live);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (Array.isArray(value)) {
      const list = listPatch(before, value, live);
      if (list !== undefined) patch[key] = list;
    } else if (!jsonEqual(value, live)) patch[key] = value;
  }
  for (const key of Object.keys(original ?? {})) {
    if (!(key in modified) && key in current) patch[key] = null;
  }
  return patch;
}

/** Go's encoding/json of a decoded map: keys sorted, compact. */
export function goJson(value: Json): string {
  return JSON.stringify(value, (_key, v: Json) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
