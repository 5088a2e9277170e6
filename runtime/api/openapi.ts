import { groupVersion, type ResourceType } from './resource';
import type { ResourceRegistry } from './registry';
import { sha256 } from '../util/sha256';

/**
 * OpenAPI v3 documents, as far as kubectl needs them: one per group/version, with a PATCH
 * operation per kind that carries the group-version-kind extension and the fieldValidation
 * parameter (so kubectl leaves validation to the server), and a schema per kind.
 * Full schemas with every field's description (for `kubectl explain`) are still to come.
 */
const paths = (type: ResourceType): string => {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  return type.namespaced ? `${base}/namespaces/{namespace}/${type.plural}/{name}` : `${base}/${type.plural}/{name}`;
};

/** The schema name of a kind, as Kubernetes' OpenAPI names it (`io.k8s.api.core.v1.Pod`). */
export function schemaName(type: ResourceType): string {
  if (type.group === 'apiextensions.k8s.io')
    return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${type.version}.${type.kind}`;
  const group = type.group === '' ? 'core' : type.group.replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '');
  return `io.k8s.api.${group.split('.')[0]}.${type.version}.${type.kind}`;
}

/** The OpenAPI v3 document of one group/version, or undefined if it is not served. */
export function openApiDocument(registry: ResourceRegistry, group: string, version: string): unknown {
  const types = registry.inGroupVersion(group, version).filter((t) => t.verbs.includes('patch'));
  if (registry.inGroupVersion(group, version).length === 0) return undefined;
  const documentPaths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const type of types) {
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    const ref = { $ref: `#/components/schemas/${schemaName(type)}` };
    documentPaths[paths(type)] = {
      patch: {
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
        ],
        responses: { '200': { content: { 'application/json': { schema: ref } } } },
      },
    };
    schemas[schemaName(type)] = {
      description: `${type.kind} (${groupVersion(type)})`,
      type: 'object',
      properties: {
        apiVersion: {
          description:
            'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
          type: 'string',
        },
        kind: {
          description:
            'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
          type: 'string',
        },
        metadata: {
          allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
          default: {},
        },
      },
      'x-kubernetes-group-version-kind': [gvk],
    };
  }
  schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'] = {
    description:
      'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    type: 'object',
  };
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.34.0' },
    paths: documentPaths,
    components: { schemas },
  };
}

/** `GET /openapi/v3`: where each group/version's document is, with a content hash. */
export function openApiRoot(registry: ResourceRegistry): unknown {
  const entries: Record<string, unknown> = {};
  for (const group of registry.groups()) {
    for (const version of group.versions) {
      const path = group.name ? `apis/${group.name}/${version}` : `api/${version}`;
      const hash = hashOf(openApiDocument(registry, group.name, version));
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
