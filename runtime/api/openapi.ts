import type { ResourceType } from './resource';
import type { ResourceRegistry } from './registry';
import type { OpenApiSchema, OpenApiSchemas } from './openapi/field-validation';
import { sha256 } from '../util/sha256';

/**
 * OpenAPI v3 documents: one per group/version, with an operation per kind that carries the
 * group-version-kind extension (a PATCH with the fieldValidation parameter, so kubectl leaves
 * validation to the server; a GET or a POST for kinds that cannot be patched) and, in
 * `components`, the real schema of each kind and of everything it refers to, for `kubectl
 * explain`. The schemas (openapi/schemas.json, generated from the kubernetes-types package by
 * scripts/gen-openapi.ts) are loaded on first use, in a chunk of their own.
 */
const REF_PREFIX = '#/components/schemas/';

const PATCH_PARAMETERS = [
  { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
  { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
  { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
  { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
];

const collectionPath = (type: ResourceType): string => {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  return type.namespaced ? `${base}/namespaces/{namespace}/${type.plural}` : `${base}/${type.plural}`;
};
const namePath = (type: ResourceType): string => `${collectionPath(type)}/{name}`;

/** The schema name of a kind, as Kubernetes' OpenAPI names it (`io.k8s.api.core.v1.Pod`). */
export function schemaName(type: Pick<ResourceType, 'group' | 'version' | 'kind'>): string {
  if (type.group === 'apiextensions.k8s.io')
    return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${type.version}.${type.kind}`;
  const group = type.group === '' ? 'core' : type.group.replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '');
  return `io.k8s.api.${group.split('.')[0]}.${type.version}.${type.kind}`;
}

let loading: Promise<OpenApiSchemas> | undefined;

/** Every component schema, by name; loaded once, on first use. */
export function componentSchemas(): Promise<OpenApiSchemas> {
  loading ??= import('./openapi/schemas.json', { with: { type: 'json' } }).then(
    (module) => (module.default as unknown as { schemas: OpenApiSchemas }).schemas,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The named schemas and every schema they refer to, transitively. */
function closure(all: OpenApiSchemas, roots: readonly string[]): Record<string, OpenApiSchema> {
  const result: Record<string, OpenApiSchema> = {};
  const pending = roots.filter((name) => all[name]);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (result[name]) continue;
    result[name] = all[name];
    for (const ref of references(all[name])) if (!result[ref] && all[ref]) pending.push(ref);
  }
  return Object.fromEntries(
    Object.keys(result)
      .sort()
      .map((name) => [name, result[name]]),
  );
}

function references(schema: unknown, found: string[] = []): string[] {
  if (Array.isArray(schema)) for (const item of schema) references(item, found);
  else if (schema && typeof schema === 'object')
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX))
        found.push(value.slice(REF_PREFIX.length));
      else references(value, found);
    }
  return found;
}

const documents = new WeakMap<ResourceRegistry, Map<string, Promise<unknown>>>();

/** The OpenAPI v3 document of one group/version, or undefined if it is not served. */
export function openApiDocument(registry: ResourceRegistry, group: string, version: string): Promise<unknown> {
  let cache = documents.get(registry);
  if (!cache) {
    cache = new Map();
    documents.set(registry, cache);
  }
  const key = `${group}/${version}`;
  let document = cache.get(key);
  if (!document) {
    document = buildDocument(registry, group, version);
    cache.set(key, document);
  }
  return document;
}

async function buildDocument(registry: ResourceRegistry, group: string, version: string): Promise<unknown> {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const documentPaths: Record<string, unknown> = {};
  const roots: string[] = [];
  for (const type of types) {
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    const ref = { $ref: `${REF_PREFIX}${schemaName(type)}` };
    const responses = { '200': { content: { 'application/json': { schema: ref } } } };
    const operations: Record<string, unknown> = {};
    if (type.verbs.includes('get') && !type.verbs.includes('patch'))
      operations.get = { 'x-kubernetes-action': 'get', 'x-kubernetes-group-version-kind': gvk, responses };
    if (type.verbs.includes('patch'))
      operations.patch = {
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
        parameters: PATCH_PARAMETERS,
        responses,
      };
    if (Object.keys(operations).length > 0) documentPaths[namePath(type)] = operations;
    else if (type.verbs.includes('create'))
      documentPaths[collectionPath(type)] = {
        post: { 'x-kubernetes-action': 'post', 'x-kubernetes-group-version-kind': gvk, responses },
      };
    roots.push(schemaName(type));
    for (const sub of type.subresources ?? [])
      if (sub.kind)
        roots.push(
          schemaName({ group: sub.group ?? type.group, version: sub.version ?? type.version, kind: sub.kind }),
        );
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.34.0' },
    paths: documentPaths,
    components: { schemas: closure(await componentSchemas(), roots) },
  };
}

const roots = new WeakMap<ResourceRegistry, Promise<unknown>>();

/** `GET /openapi/v3`: where each group/version's document is, with a content hash. */
export function openApiRoot(registry: ResourceRegistry): Promise<unknown> {
  let root = roots.get(registry);
  if (!root) {
    root = buildRoot(registry);
    roots.set(registry, root);
  }
  return root;
}

async function buildRoot(registry: ResourceRegistry): Promise<unknown> {
  const entries: Record<string, unknown> = {};
  for (const group of registry.groups()) {
    for (const version of group.versions) {
      const path = group.name ? `apis/${group.name}/${version}` : `api/${version}`;
      const hash = hashOf(await openApiDocument(registry, group.name, version));
      entries[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
    }
  }
  return { paths: entries };
}

/** A content hash for the document's URL, so clients can cache it (upper-case hex). */
function hashOf(document: unknown): string {
  return [...sha256(JSON.stringify(document))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}
