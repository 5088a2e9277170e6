/** The write verbs with their admission: create (and reviews), update, patch, delete, deletecollection. */
import { admitDefaultStorageClass } from './admission/default-storage-class';
import { admitLimitRanges } from './admission/limit-ranger';
import { admitResourceQuota } from './admission/resource-quota';
import { allocateServiceAddresses } from './admission/service-allocation';
import { admitStorageProtection, storageProtectionFinalizer } from './admission/storage-protection';
import { contentType, decodeObject, decodeValue } from './body';
import { reply, type ServerContext, type VerbHandler } from './handler-context';
import { listOptions } from './handler-list-watch';
import { checkBodyMeta, checkFields, deleteOptions, writeOptions } from './handler-write-options';
import { isObject, type KubeObject } from './object';
import type { WriteOptions } from './object-store';
import { patchFromRequest } from './patch-request';
import { authorize, rulesFor } from './rbac';
import type { RequestInfo } from './request-info';
import { groupVersion, type ResourceType } from './resource';
import { namespaces } from './resources/namespaces';
import { respond } from './respond';
import { authenticateToken } from './service-account-token';
import { badRequest, invalid, methodNotSupported, pathNotFound, StatusError } from './status';
import { errorTarget } from './store-errors';
import type { ApiRequest, ApiResponse } from './types';
import { checkUidPrecondition, checkUidUnchanged } from './uid-checks';
import { requestUser } from './user';

const APPLY_PATCH = 'application/apply-patch+yaml';

/** POST to a collection: a new object (or a review's answer). */
export const create: VerbHandler = async (ctx, request, info, type, namespace) => {
  if (info.name !== undefined) throw methodNotSupported(errorTarget(type), 'create');
  if (type.review) return review(ctx, request, type, namespace);
  const body = await decodeObject(request);
  checkBodyMeta(type, body, namespace);
  const options = writeOptions(info, request);
  if (type.namespaced) {
    if (!namespace) throw pathNotFound();
    ctx.objects.checkNamespace(namespaces, type, namespace, body.metadata?.name ?? body.metadata?.generateName ?? '');
  }
  return createObject(ctx, request, info, type, namespace, body, options);
};

/** A review: answered with its status, never stored. */
async function review(
  ctx: ServerContext,
  request: ApiRequest,
  type: ResourceType,
  namespace: string | undefined,
): Promise<ApiResponse> {
  const body = await decodeObject(request);
  checkBodyMeta(type, body, namespace);
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = body;
  const object: KubeObject = { kind: type.kind, apiVersion: groupVersion(type), ...rest };
  object.metadata = { ...(isObject(body.metadata) ? body.metadata : {}), ...(namespace ? { namespace } : {}) };
  const errors = type.validate?.(object, undefined) ?? [];
  if (errors.length > 0) throw invalid(type.kind, type.group, object.metadata.name ?? '', errors);
  const now = ctx.clock.now();
  const reviewed = (type.review as NonNullable<ResourceType['review']>)(object, {
    user: requestUser(request),
    namespace,
    authorize: (user, attributes) => authorize(ctx.objects, user, attributes),
    rules: (user, ns) => rulesFor(ctx.objects, user, ns),
    authenticate: (token) => authenticateToken(ctx.objects, token, now),
  });
  return respond(request, 201, reviewed);
}

/** PUT: the object replaced. */
export const update: VerbHandler = async (ctx, request, info, type, namespace) => {
  const body = await decodeObject(request);
  checkBodyMeta(type, body, namespace);
  const warnings = await checkFields(type, body, info);
  const name = info.name as string;
  if (body.metadata?.uid) checkUidPrecondition(type, namespace, name, body, ctx.objects.get(type, namespace, name));
  return replaceObject(ctx, request, type, namespace, name, body, writeOptions(info, request), warnings);
};

/** PATCH: the patch applied to the current object; a server-side apply creates what does not exist yet. */
export const patch: VerbHandler = async (ctx, request, info, type, namespace) => {
  const name = info.name as string;
  let options: WriteOptions = writeOptions(info, request);
  if (contentType(request) === APPLY_PATCH) {
    if (!info.query.get('fieldManager')) throw badRequest('fieldManager is required for apply requests');
    const config = decodeValue(request, 'application/yaml');
    if (!isObject(config)) throw badRequest('patch: must be an object');
    options = { ...options, apply: { config: config as KubeObject, force: info.query.flag('force') } };
  }
  let current: KubeObject;
  try {
    current = ctx.objects.get(type, namespace, name);
  } catch (error) {
    // Server-side apply creates what does not exist yet.
    if (!(error instanceof StatusError) || error.status.code !== 404 || contentType(request) !== APPLY_PATCH) {
      throw error;
    }
    const body = patchFromRequest(request, {});
    checkBodyMeta(type, body, namespace);
    const bodyName = body.metadata?.name;
    if (bodyName !== undefined && bodyName !== name) {
      throw badRequest(`the name of the object (${String(bodyName)}) does not match the name on the URL (${name})`);
    }
    if (type.namespaced && namespace) ctx.objects.checkNamespace(namespaces, type, namespace, name);
    body.metadata = { ...body.metadata, name };
    return createObject(ctx, request, info, type, namespace, body, options);
  }
  const patched = patchFromRequest(request, current);
  checkBodyMeta(type, patched, namespace);
  checkUidUnchanged(type, name, patched, current);
  const warnings = await checkFields(type, patched, info);
  // The patch applies to the version it was computed against: a concurrent change retries it.
  patched.metadata = { ...patched.metadata, resourceVersion: current.metadata?.resourceVersion };
  return replaceObject(ctx, request, type, namespace, name, patched, options, warnings);
};

/** DELETE of one object: what was deleted, or the object marked for deletion. */
export const deleteObject: VerbHandler = async (ctx, request, info, type, namespace) => {
  const options = { ...writeOptions(info, request), ...(await deleteOptions(request, info, type)) };
  const deleted = await ctx.objects.delete(type, namespace, info.name as string, options);
  return reply(ctx, request, type, 200, deleted);
};

/** DELETE of a collection: every selected object, as a list of what was deleted. */
export const deleteCollection: VerbHandler = async (ctx, request, info, type, namespace) => {
  const options = { ...writeOptions(info, request), ...(await deleteOptions(request, info, type)) };
  const { items, resourceVersion } = ctx.objects.list(type, {
    ...listOptions(info, type, namespace),
    limit: undefined,
  });
  const deleted: KubeObject[] = [];
  for (const item of items) {
    try {
      deleted.push(await ctx.objects.delete(type, item.metadata?.namespace, item.metadata?.name ?? '', options));
    } catch (error) {
      if (!(error instanceof StatusError) || error.status.code !== 404) throw error;
    }
  }
  return respond(request, 200, {
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type),
    metadata: { resourceVersion },
    items: deleted,
  });
};

/** Stores a new object after field validation and create admission: 201 with what was created. */
async function createObject(
  ctx: ServerContext,
  request: ApiRequest,
  info: RequestInfo,
  type: ResourceType,
  namespace: string | undefined,
  body: KubeObject,
  options: WriteOptions,
): Promise<ApiResponse> {
  const warnings = await checkFields(type, body, info);
  const admission = createAdmission(ctx, type, namespace, options.dryRun);
  const created = await ctx.objects.create(type, namespace, body, { ...options, ...admission });
  return reply(ctx, request, type, 201, created, warnings);
}

/** Replaces an object through update admission: 200 with what was stored. */
async function replaceObject(
  ctx: ServerContext,
  request: ApiRequest,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  body: KubeObject,
  options: WriteOptions,
  warnings: string[],
): Promise<ApiResponse> {
  const updated = await ctx.objects.update(type, namespace, name, body, {
    ...options,
    admit: updateAdmission(ctx, type),
  });
  return reply(ctx, request, type, 200, updated, warnings);
}

/**
 * Admission on create: the mutating plugins first (LimitRanger on pods, DefaultStorageClass on
 * claims, StorageObjectInUseProtection on claims and volumes); then service addresses and quotas.
 */
function createAdmission(ctx: ServerContext, type: ResourceType, namespace: string | undefined, dryRun: boolean) {
  let mutate: ((object: KubeObject) => void) | undefined;
  if (type.plural === 'pods') {
    mutate = (object) => admitLimitRanges(ctx.objects, namespace as string, object);
  } else if (type.plural === 'persistentvolumeclaims' && type.group === '') {
    mutate = (object) => {
      admitDefaultStorageClass(ctx.objects, object);
      admitStorageProtection(type, object);
    };
  } else if (storageProtectionFinalizer(type)) {
    mutate = (object) => admitStorageProtection(type, object);
  }
  return {
    mutate,
    admit: async (object: KubeObject): Promise<void> => {
      if (type.plural === 'services') allocateServiceAddresses(ctx.objects, ctx.rng, object);
      if (type.namespaced) await admitResourceQuota(ctx.objects, type, namespace as string, object, dryRun);
    },
  };
}

/** What admission does on an update: services keep or allocate their addresses. */
function updateAdmission(
  ctx: ServerContext,
  type: ResourceType,
): ((object: KubeObject, old: KubeObject) => Promise<void>) | undefined {
  if (type.plural !== 'services') return undefined;
  return async (object, old) => allocateServiceAddresses(ctx.objects, ctx.rng, object, old);
}
