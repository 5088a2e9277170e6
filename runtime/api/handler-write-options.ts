/** What a write takes from its request: write and delete options, the body's type meta, field validation. */
import { decodeAnyValue } from './body';
import { crdSupport } from './crd-support';
import type { DeleteOptions, PropagationPolicy } from './graceful-deletion';
import { isObject, type KubeObject } from './object';
import type { WriteOptions } from './object-store';
import { componentSchemas, schemaName } from './openapi';
import { removeFields, unknownFields } from './openapi/field-validation';
import type { RequestInfo } from './request-info';
import { groupVersion, type ResourceType } from './resource';
import { badRequest } from './status';
import type { ApiRequest } from './types';

/** dryRun (only `All`) and the fieldManager (or the user agent's name); fieldValidation must be a known one. */
export function writeOptions(info: RequestInfo, request?: ApiRequest): WriteOptions {
  const dryRun = info.query.all('dryRun');
  if (dryRun.some((v) => v !== 'All'))
    throw badRequest(`dryRun: Unsupported value: "${dryRun.find((v) => v !== 'All')}": supported values: "All"`);
  const validation = info.query.get('fieldValidation');
  if (validation && !['Strict', 'Warn', 'Ignore'].includes(validation)) {
    throw badRequest(
      `fieldValidation: Unsupported value: "${validation}": supported values: "Ignore", "Strict", "Warn"`,
    );
  }
  // Without a fieldManager, the manager is the client's user agent up to its first slash.
  const agent = request?.headers?.['user-agent']?.split('/')[0];
  return { dryRun: dryRun.length > 0, fieldManager: info.query.get('fieldManager') || agent || undefined };
}

/** 400 unless the body's apiVersion, kind and namespace (where it gives them) are the request's. */
export function checkBodyMeta(type: ResourceType, body: KubeObject, namespace: string | undefined): void {
  const expected = groupVersion(type);
  if (body.apiVersion !== undefined && body.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${expected})`,
    );
  }
  if (body.kind !== undefined && body.kind !== type.kind) {
    throw badRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (${type.kind})`);
  }
  if (!isObject(body.metadata ?? {})) throw badRequest('metadata: must be an object');
  const ns = body.metadata?.namespace;
  if (type.namespaced && ns && namespace && ns !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

/**
 * Server-side field validation: fields the kind's schema does not know are dropped, as the
 * decoder drops them; `fieldValidation=Strict` refuses them instead, and `Warn` (the default)
 * names each in a warning. The cluster's own components write with `Ignore`.
 */
export async function checkFields(type: ResourceType, object: KubeObject, info: RequestInfo): Promise<string[]> {
  const mode = info.query.get('fieldValidation') ?? 'Warn';
  // Ignore skips the check, and so the schemas (a large chunk the browser loads on demand);
  // unlike the real decoder, it then keeps unknown fields instead of dropping them.
  if (mode === 'Ignore') return [];
  const unknown = type.schema
    ? unknownFields({ custom: crdSupport().customResourceSchema(type.schema) }, 'custom', object)
    : unknownFields(await componentSchemas(), schemaName(type), object);
  if (unknown.length === 0) return [];
  const problems = unknown.map((field) => `unknown field "${field}"`);
  if (mode === 'Strict') {
    throw badRequest(
      `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${problems.join(', ')}`,
    );
  }
  removeFields(object, unknown);
  return mode === 'Warn' ? problems : [];
}

/**
 * DeleteOptions from the body (JSON, YAML or the protobuf `kubectl drain --disable-eviction`
 * sends) and the query (the query wins, as in the apiserver). A dry run asked for in either
 * place is one: kubectl puts `--dry-run=server` of a delete in the body only.
 */
export async function deleteOptions(
  request: ApiRequest,
  info: RequestInfo,
  type: ResourceType,
): Promise<DeleteOptions & { dryRun?: true }> {
  let body: Record<string, unknown> = {};
  if (
    request.value !== undefined ||
    (request.body && (typeof request.body === 'string' ? request.body.trim() : request.body.length))
  ) {
    const value = await decodeAnyValue(request);
    if (isObject(value)) body = value;
  }
  const bodyDryRun = Array.isArray(body.dryRun) ? (body.dryRun as unknown[]) : [];
  const unsupported = bodyDryRun.find((v) => v !== 'All');
  if (unsupported !== undefined) {
    throw badRequest(`dryRun: Unsupported value: "${String(unsupported)}": supported values: "All"`);
  }
  const query = info.query.get('gracePeriodSeconds');
  const grace = query !== undefined ? Number(query) : (body.gracePeriodSeconds as number | undefined);
  const preconditions = (body.preconditions ?? {}) as { uid?: string; resourceVersion?: string };
  let policy = info.query.get('propagationPolicy') ?? (body.propagationPolicy as string | undefined);
  const orphan = info.query.get('orphanDependents') ?? body.orphanDependents;
  if (policy !== undefined && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
    throw badRequest(
      `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`,
    );
  }
  if (policy === undefined && (orphan === true || orphan === 'true')) policy = 'Orphan';
  // batch/v1 Jobs keep their pods unless told otherwise (DefaultGarbageCollectionPolicy).
  if (policy === undefined && type.plural === 'jobs') policy = 'Orphan';
  return {
    gracePeriodSeconds: typeof grace === 'number' && Number.isFinite(grace) ? Math.max(0, grace) : undefined,
    preconditionUid: preconditions.uid,
    preconditionVersion: preconditions.resourceVersion,
    propagationPolicy: policy as PropagationPolicy | undefined,
    ...(bodyDryRun.length > 0 ? { dryRun: true as const } : {}),
  };
}
