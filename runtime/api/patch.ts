import { clone, isObject } from './object';
import { badRequest, entityTooLarge } from './status';

/** The most a patch may grow an object to, as the request body limit bounds a whole object. */
const MAX_PATCHED_BYTES = 3 * 1024 * 1024;
/** kube-apiserver's limit on the operations of one JSON patch. */
const MAX_JSON_PATCH_OPERATIONS = 10_000;

/**
 * RFC 7386 JSON merge patch: objects merge, null deletes, anything else replaces. What it takes
 * from the patch is copied, unless the patch was handed over (`owned`: never used again).
 */
export function mergePatch(target: unknown, patch: unknown, owned = false): unknown {
  if (!isObject(patch)) return owned ? patch : clone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const key in patch) {
    const value = patch[key];
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value, owned);
  }
  return result;
}

/** List fields that strategic merge patch merges by a key, and that key (k8s.io/api patchMergeKey). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  envFrom: '',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  finalizers: '',
  topologySpreadConstraints: 'topologyKey',
  readinessGates: 'conditionType',
  resourceClaims: 'name',
};

/**
 * The merge key of a list field, or '' for a set of primitives, or undefined for an atomic list.
 * `ports` is keyed by `containerPort` in containers and by `port` in services.
 */
export function mergeKeyFor(field: string, items: readonly unknown[]): string | undefined {
  if (field === 'ports' && items.some((p) => isObject(p) && 'port' in p && !('containerPort' in p))) return 'port';
  return MERGE_KEYS[field];
}

const DIRECTIVE_PREFIXES = ['$setElementOrder/', '$deleteFromPrimitiveList/', '$retainKeys'];

/**
 * Strategic merge patch, as kubectl sends it for apply and edit: a merge patch in which lists
 * with a merge key merge element by element, `$patch: delete|replace` directives act on maps
 * and list elements, and primitive lists such as finalizers merge as sets.
 */
export function strategicMergePatch(target: unknown, patch: unknown, field = ''): unknown {
  if (Array.isArray(patch)) return mergeList(Array.isArray(target) ? target : [], patch, field);
  if (!isObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _directive, ...rest } = patch;
    return clone(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || DIRECTIVE_PREFIXES.some((p) => key.startsWith(p))) {
      if (key.startsWith('$deleteFromPrimitiveList/')) {
        const name = key.slice('$deleteFromPrimitiveList/'.length);
        const remove = new Set(Array.isArray(value) ? value : []);
        if (Array.isArray(result[name])) result[name] = (result[name] as unknown[]).filter((v) => !remove.has(v));
      }
      continue;
    }
    if (value === null) delete result[key];
    else {
      const merged = strategicMergePatch(result[key], value, key);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
  }
  return result;
}

function mergeList(target: unknown[], patch: unknown[], field: string): unknown[] {
  const key = mergeKeyFor(field, [...patch, ...target]);
  if (key === undefined) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace')).map((item) => clone(item));
  }
  if (key === '') {
    const result = [...target];
    for (const item of patch) if (!result.includes(item)) result.push(clone(item));
    return result;
  }
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace')).map((item) => clone(item));
  }
  const result = target.map((item) => clone(item));
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = result.findIndex((existing) => isObject(existing) && existing[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = strategicMergePatch(result[index], item, field);
    } else {
      result.push(strategicMergePatch({}, item, field));
    }
  }
  return result;
}

type Operation = { op?: unknown; path?: unknown; value?: unknown; from?: unknown };

/** RFC 6902 JSON patch; a failing operation is a 422-like error reported as the apiserver does. */
export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) {
    throw entityTooLarge(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${operations.length}`,
    );
  }
  let document = clone(target);
  // copy and move can double the document with each operation: keep a running size.
  let size = JSON.stringify(target).length;
  const grow = (value: unknown): void => {
    size += JSON.stringify(value ?? null).length;
    if (size > MAX_PATCHED_BYTES) throw entityTooLarge();
  };
  for (const raw of operations as Operation[]) {
    const op = String(raw.op ?? '');
    const path = String(raw.path ?? '');
    switch (op) {
      case 'add':
        grow(raw.value);
        document = setAt(document, path, clone(raw.value), 'add');
        break;
      case 'replace':
        getAt(document, path, op);
        document = setAt(document, path, clone(raw.value), 'replace');
        break;
      case 'remove':
        getAt(document, path, op);
        document = removeAt(document, path);
        break;
      case 'move': {
        const value = getAt(document, String(raw.from ?? ''), op);
        document = setAt(removeAt(document, String(raw.from ?? '')), path, value, 'add');
        break;
      }
      case 'copy':
        {
          const value = getAt(document, String(raw.from ?? ''), op);
          grow(value);
          document = setAt(document, path, clone(value), 'add');
          break;
        }
        break;
      case 'test':
        if (JSON.stringify(getAt(document, path, op)) !== JSON.stringify(raw.value)) {
          throw badRequest(`the server rejected our request due to an error in our request`);
        }
        break;
      default:
        throw badRequest(`Unexpected kind: ${op}`);
    }
  }
  return document;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`the server rejected our request due to an error in our request`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(document: unknown, path: string, op: string): unknown {
  let current = document;
  for (const part of pointer(path)) {
    if (Array.isArray(current) && /^\d+$/.test(part) && Number(part) < current.length) current = current[Number(part)];
    else if (isObject(current) && part in current) current = current[part];
    else throw badRequest(`jsonpatch ${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return current;
}

function setAt(document: unknown, path: string, value: unknown, mode: 'add' | 'replace'): unknown {
  const parts = pointer(path);
  if (parts.length === 0) return value;
  const parent = getAt(document, `/${parts.slice(0, -1).map(escape).join('/')}`.replace(/^\/$/, ''), mode);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index > parent.length) {
      throw badRequest(`jsonpatch ${mode} operation does not apply: doc is missing path: "${path}": missing value`);
    }
    if (mode === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isObject(parent)) parent[last] = value;
  else throw badRequest(`jsonpatch ${mode} operation does not apply: doc is missing path: "${path}": missing value`);
  return document;
}

function removeAt(document: unknown, path: string): unknown {
  const parts = pointer(path);
  const parent = getAt(document, `/${parts.slice(0, -1).map(escape).join('/')}`.replace(/^\/$/, ''), 'remove');
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  return document;
}

function escape(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}
