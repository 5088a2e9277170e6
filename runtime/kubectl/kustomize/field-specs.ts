import { groupVersionOf, isMap, type KObject } from './resource';

/** Where a transformer writes (types.FieldSpec): a slash path, for the kinds it names. */
export interface FieldSpec {
  path: string;
  kind?: string;
  group?: string;
  version?: string;
  /** Create the field (and the maps on the way) when absent. */
  create?: boolean;
}

/** Whether a field spec applies to an object (Gvk.IsSelected: empty parts match anything). */
export function specSelects(spec: FieldSpec, object: KObject): boolean {
  const { group, version } = groupVersionOf(object);
  if (spec.kind !== undefined && spec.kind !== object.kind) return false;
  if (spec.group !== undefined && spec.group !== group) return false;
  return spec.version === undefined || spec.version === version;
}

/**
 * Calls `visit(parent, key)` for every field at `path` in `object`; sequences on the way are
 * walked element by element (a `[]` suffix says so explicitly). With `create`, missing maps are
 * made and the last field is visited even when absent.
 */
export function visitField(
  object: KObject,
  path: string,
  create: boolean,
  visit: (parent: KObject, key: string) => void,
): void {
  const segments = path.split('/').map((segment) => segment.replace(/\[\]$/, ''));
  walk(object, segments, create, visit);
}

function walk(node: unknown, segments: string[], create: boolean, visit: (p: KObject, k: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, segments, create, visit);
    return;
  }
  if (!isMap(node)) return;
  const [head, ...rest] = segments;
  if (rest.length === 0) {
    if (create || node[head] !== undefined) visit(node, head);
    return;
  }
  if (node[head] === undefined || node[head] === null) {
    if (!create) return;
    node[head] = {};
  }
  walk(node[head], rest, create, visit);
}

/** Applies `visit` at every field spec that selects `object`. */
export function visitSpecs(
  object: KObject,
  specs: readonly FieldSpec[],
  visit: (parent: KObject, key: string) => void,
): void {
  for (const spec of specs) if (specSelects(spec, object)) visitField(object, spec.path, spec.create ?? false, visit);
}
