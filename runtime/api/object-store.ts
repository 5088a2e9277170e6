import type { Clock } from '../clock';
import { randomString, randomUuid, type Rng } from '../rng';
import { StoreError, type Store, type StoredValue } from '../storage/store';
import { base64url, fromBase64urlText } from '../util/base64url';
import { formatTime } from '../util/time';
import {
  changedFields,
  fieldsOf,
  recordApply,
  recordUpdate,
  union,
  type ApplyConflict,
  type FieldOwnership,
  type ManagedFieldsEntry,
} from './managed-fields';
import { clone, fieldAt, isObject, type KubeObject } from './object';
import { groupVersion, type AdmissionContext, type FieldError, type ResourceType } from './resource';
import type { FieldSelector, LabelSelector } from './selectors';
import {
  alreadyExists,
  badRequest,
  entityTooLarge,
  conflict,
  expired,
  forbidden,
  invalid,
  notFound,
  OPTIMISTIC_LOCK_MESSAGE,
  serviceUnavailable,
  StatusError,
} from './status';
import { validateObjectMeta } from './validation';

/** Options every write takes from the query string. */
export interface WriteOptions {
  dryRun: boolean;
  /** Who writes, for managedFields (the fieldManager, or what the user agent implies). */
  fieldManager?: string;
  /** Server-side apply: the applied configuration, and whether to take conflicting fields. */
  apply?: { config: KubeObject; force: boolean };
}

/** A list's selection and paging. */
export interface ListOptions {
  namespace?: string;
  labelSelector?: LabelSelector;
  fieldSelector?: FieldSelector;
  limit?: number;
  continueToken?: string;
}

/** What a list returns: the items and the paging metadata. */
export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/** One watch event as the API sends it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

const NAMESPACE_LABEL_RULE = new Set(['namespaces', 'services']);
/** Kinds whose names need only be a path segment (ValidateRBACName), e.g. `system:basic-user`. */
const PATH_SEGMENT_RULE = new Set(['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings']);

/**
 * The generic registry (apiserver's genericregistry.Store): turns API verbs on a resource type
 * into store operations, with object metadata, defaulting, validation, optimistic concurrency
 * and graceful deletion. Admission plugins that need the whole cluster run in the handler.
 */
export class ObjectStore {
  private readonly presented = new WeakMap<StoredValue, KubeObject>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  /** The store key of an object. */
  key(type: ResourceType, namespace: string | undefined, name: string): string {
    return `${this.prefix(type, namespace)}${name}`;
  }

  /** The key prefix of a resource, within one namespace when given. */
  prefix(type: ResourceType, namespace?: string): string {
    const base = `${type.group || 'core'}/${type.plural}/`;
    return type.namespaced && namespace ? `${base}${namespace}/` : base;
  }

  /**
   * The object as the API returns it: apiVersion, kind and resourceVersion filled in. Stored
   * values never change (a write stores a new one), so each is presented once and shared; the
   * result is frozen at its top two levels, and callers copy before they change anything.
   */
  present(type: ResourceType, stored: StoredValue): KubeObject {
    const presented = type.decode ? this.decodedCache(type) : this.presented;
    const cached = presented.get(stored);
    if (cached) return cached;
    let value = stored.value as KubeObject;
    if (type.decode) {
      value = clone(value);
      type.decode(value);
    }
    const object: KubeObject = {
      apiVersion: groupVersion(type),
      kind: type.kind,
      ...value,
      metadata: Object.freeze({ ...value.metadata, resourceVersion: String(stored.modRevision) }),
    };
    Object.freeze(object);
    presented.set(stored, object);
    return object;
  }

  private readonly decoded = new WeakMap<ResourceType, WeakMap<StoredValue, KubeObject>>();

  /** Objects decoded on read (custom resources) are cached per resource type, which a CRD change replaces. */
  private decodedCache(type: ResourceType): WeakMap<StoredValue, KubeObject> {
    let cache = this.decoded.get(type);
    if (!cache) {
      cache = new WeakMap();
      this.decoded.set(type, cache);
    }
    return cache;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const stored = this.store.get(this.key(type, namespace, name));
    if (!stored) throw notFound(errorTarget(type), name);
    return this.present(type, stored);
  }

  /** Objects matching the options, in key order (namespace, then name). */
  list(type: ResourceType, options: ListOptions): ListResult {
    const all = this.store.range(this.prefix(type, options.namespace));
    const resourceVersion = String(this.store.revision());
    let start = 0;
    if (options.continueToken) {
      const token = decodeContinue(options.continueToken);
      start = all.findIndex((s) => s.key > token.key);
      if (start < 0) start = all.length;
    }
    const items: KubeObject[] = [];
    let i = start;
    for (; i < all.length; i++) {
      if (options.limit && items.length >= options.limit) break;
      const object = this.present(type, all[i]);
      if (this.selected(type, object, options)) items.push(object);
    }
    if (i < all.length && options.limit) {
      let remaining = 0;
      for (let j = i; j < all.length; j++) {
        if (this.selected(type, this.present(type, all[j]), options)) remaining++;
      }
      if (remaining > 0) {
        const last = all[i - 1].key;
        return {
          items,
          resourceVersion,
          continueToken: encodeContinue(last, resourceVersion),
          remainingItemCount: remaining,
        };
      }
    }
    return { items, resourceVersion };
  }

  /** True when the object passes the list's label and field selectors. */
  selected(
    type: ResourceType,
    object: KubeObject,
    options: Pick<ListOptions, 'labelSelector' | 'fieldSelector'>,
  ): boolean {
    if (options.labelSelector && !options.labelSelector.matches(object.metadata?.labels)) return false;
    if (options.fieldSelector) {
      const fields: Record<string, string> = {
        'metadata.name': object.metadata?.name ?? '',
        ...(type.namespaced ? { 'metadata.namespace': object.metadata?.namespace ?? '' } : {}),
        ...type.selectableFields?.(object),
      };
      if (!options.fieldSelector.matches(fields)) return false;
    }
    return true;
  }

  /** The fields a field selector may name for this resource. */
  selectableFieldNames(type: ResourceType): Set<string> {
    const names = new Set(['metadata.name']);
    if (type.namespaced) names.add('metadata.namespace');
    for (const name of Object.keys(type.selectableFields?.({}) ?? {})) names.add(name);
    return names;
  }

  /** Creates an object; `body` was decoded and its kind checked by the handler. */
  async create(
    type: ResourceType,
    namespace: string | undefined,
    body: KubeObject,
    options: WriteOptions & {
      /** Mutating admission: runs before the registry's defaulting (LimitRanger). */
      mutate?: (object: KubeObject) => void;
      /** Validating admission: runs after validation, before the name is generated (quota). */
      admit?: (object: KubeObject) => Promise<void>;
    },
  ): Promise<KubeObject> {
    const object = clone(body);
    type.decode?.(object);
    const meta = (object.metadata ??= {});
    if (type.namespaced) meta.namespace = namespace;
    else delete meta.namespace;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    meta.uid = randomUuid(this.rng);
    meta.creationTimestamp = formatTime(this.clock.now());
    if (type.hasStatus || isObject(object.spec)) meta.generation = 1;
    // Status is the system's to write: a new object starts with what defaulting gives it.
    if (type.hasStatus && !type.statusOnCreate) delete object.status;
    // The creator owns what it sent plus the scheme's defaults (the defaulting every write gets),
    // not what admission adds afterwards.
    type.defaults?.(object, this.admissionContext('update'));
    const sent = options.apply ? fieldsOf(options.apply.config) : fieldsOf(object);
    options.mutate?.(object);
    type.defaults?.(object, this.admissionContext('create'));
    this.validate(type, object, undefined);
    object.apiVersion = groupVersion(type);
    object.kind = type.kind;
    checkSize(object);
    // Validating admission sees the object before its name is generated (admission/errors.go).
    await options.admit?.(object);
    if (!meta.name && meta.generateName) {
      meta.name = `${meta.generateName.slice(0, 58)}${randomString(this.rng, 5)}`;
    }
    meta.managedFields = recordUpdate([], this.owner(type, options, undefined), sent, sent);
    if (options.dryRun) return object;
    const name = meta.name as string;
    try {
      return this.present(type, await this.store.create(this.key(type, namespace, name), strip(object)));
    } catch (error) {
      throw this.storeFailure(type, name, error);
    }
  }

  /**
   * Replaces an object (PUT). A resourceVersion in the body must be current; without one the
   * update is unconditional. Changes to `status` are ignored for kinds with a status
   * subresource, and the status subresource changes only `status`.
   */
  async update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    options: WriteOptions & { subresource?: 'status'; admit?: (object: KubeObject, old: KubeObject) => Promise<void> },
  ): Promise<KubeObject> {
    const key = this.key(type, namespace, name);
    const current = this.store.get(key);
    if (!current) throw notFound(errorTarget(type), name);
    const old = this.present(type, current);
    const object = clone(body);
    type.decode?.(object);
    const meta = (object.metadata ??= {});
    if (meta.name !== undefined && meta.name !== name) {
      throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    }
    if (meta.resourceVersion && meta.resourceVersion !== String(current.modRevision)) {
      throw conflict(errorTarget(type), name, OPTIMISTIC_LOCK_MESSAGE);
    }
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = { ...old, metadata: { ...old.metadata }, status: object.status };
      if (next.status === undefined) delete next.status;
      const errors = type.validateStatus?.(next, old) ?? [];
      if (errors.length > 0) throw invalid(type.kind, type.group, name, errors);
    } else {
      next = { ...object, metadata: { ...meta } };
      if (type.hasStatus) next.status = old.status;
      const oldMeta = old.metadata ?? {};
      const nextMeta = next.metadata as NonNullable<KubeObject['metadata']>;
      nextMeta.name = name;
      if (type.namespaced) nextMeta.namespace = namespace;
      nextMeta.uid = oldMeta.uid;
      nextMeta.creationTimestamp = oldMeta.creationTimestamp;
      nextMeta.deletionTimestamp = oldMeta.deletionTimestamp;
      nextMeta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
      nextMeta.generation = oldMeta.generation;
      if (nextMeta.deletionTimestamp === undefined) delete nextMeta.deletionTimestamp;
      if (nextMeta.deletionGracePeriodSeconds === undefined) delete nextMeta.deletionGracePeriodSeconds;
      if (nextMeta.generation === undefined) delete nextMeta.generation;
      type.defaults?.(next, this.admissionContext('update'));
      if (JSON.stringify(next.spec) !== JSON.stringify(old.spec) && typeof oldMeta.generation === 'number') {
        nextMeta.generation = oldMeta.generation + 1;
      }
      this.validate(type, next, old);
      await options.admit?.(next, old);
    }
    next.apiVersion = groupVersion(type);
    next.kind = type.kind;
    next.metadata = { ...next.metadata, managedFields: this.ownership(type, options, old, next) };
    delete next.metadata?.resourceVersion;
    if (options.dryRun)
      return { ...next, metadata: { ...next.metadata, resourceVersion: String(current.modRevision) } };
    // An object being deleted goes when an update removes its last finalizer and its grace
    // period is over (shouldDeleteDuringUpdate); a terminating pod's status updates keep it.
    const oldMeta = (current.value as KubeObject).metadata ?? {};
    if (
      oldMeta.deletionTimestamp &&
      oldMeta.deletionGracePeriodSeconds === 0 &&
      (oldMeta.finalizers ?? []).length > 0 &&
      (next.metadata?.finalizers ?? []).length === 0
    ) {
      return this.remove(type, key, name, current.modRevision);
    }
    try {
      return this.present(type, await this.store.update(key, strip(next), current.modRevision));
    } catch (error) {
      throw this.storeFailure(type, name, error);
    }
  }

  /** Who a write's fields belong to. */
  private owner(type: ResourceType, options: WriteOptions, subresource: 'status' | undefined): FieldOwnership {
    return {
      manager: options.fieldManager || 'unknown',
      operation: options.apply ? 'Apply' : 'Update',
      apiVersion: groupVersion(type),
      time: formatTime(this.clock.now()),
      ...(subresource ? { subresource } : {}),
    };
  }

  /**
   * The managed fields after an update: an Update owns what it changed; a server-side apply owns
   * its configuration's fields, removes what it stopped applying, and fails on conflicts with
   * other managers unless forced.
   */
  private ownership(
    type: ResourceType,
    options: WriteOptions & { subresource?: 'status' },
    old: KubeObject,
    next: KubeObject,
  ): ManagedFieldsEntry[] {
    const entries = (old.metadata?.managedFields ?? []) as ManagedFieldsEntry[];
    const owner = this.owner(type, options, options.subresource);
    if (options.apply) {
      const result = recordApply(
        entries,
        owner,
        fieldsOf(options.apply.config),
        options.apply.config,
        old,
        next,
        options.apply.force,
      );
      if ('conflicts' in result) throw applyConflict(type, old.metadata?.name ?? '', result.conflicts);
      return result.entries;
    }
    const present = union(fieldsOf(next), fieldsOf(next, 'status'));
    const sent = fieldsOf(next, options.subresource);
    return recordUpdate(entries, owner, changedFields(sent, next, old), present);
  }

  /**
   * Deletes an object. Finalizers or a grace period (pods on a node) make it a two-step delete:
   * deletionTimestamp is set now, and the object goes when its finalizers are gone and its
   * kubelet confirms (or the grace period is zero).
   */
  async delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: WriteOptions & {
      gracePeriodSeconds?: number;
      preconditionUid?: string;
      preconditionVersion?: string;
      propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
    },
  ): Promise<KubeObject> {
    const key = this.key(type, namespace, name);
    const current = this.store.get(key);
    if (!current) throw notFound(errorTarget(type), name);
    const object = this.present(type, current);
    const meta = object.metadata ?? {};
    const target = errorTarget(type);
    if (options.preconditionUid && options.preconditionUid !== meta.uid) {
      throw conflict(
        target,
        name,
        `Precondition failed: UID in precondition: ${options.preconditionUid}, UID in object meta: ${meta.uid}`,
      );
    }
    if (options.preconditionVersion && options.preconditionVersion !== meta.resourceVersion) {
      throw conflict(
        target,
        name,
        `Precondition failed: ResourceVersion in precondition: ${options.preconditionVersion}, ResourceVersion in object meta: ${meta.resourceVersion}`,
      );
    }
    const grace = this.gracePeriod(type, object, options.gracePeriodSeconds);
    // The garbage collector's finalizers, by propagation policy (Background needs none).
    const policy = options.propagationPolicy ?? 'Background';
    const gcFinalizer = policy === 'Foreground' ? 'foregroundDeletion' : policy === 'Orphan' ? 'orphan' : undefined;
    const finalizers = [...(meta.finalizers ?? [])];
    if (gcFinalizer && !finalizers.includes(gcFinalizer)) finalizers.push(gcFinalizer);
    // A namespace goes only once the namespace controller has emptied and finalized it.
    const specFinalizers =
      type.plural === 'namespaces' ? ((object.spec as { finalizers?: string[] })?.finalizers ?? []) : [];
    if (grace === 0 && finalizers.length === 0 && specFinalizers.length === 0) {
      if (options.dryRun) return object;
      return this.remove(type, key, name, current.modRevision);
    }
    const unchangedFinalizers = finalizers.length === (meta.finalizers ?? []).length;
    if (
      meta.deletionTimestamp &&
      unchangedFinalizers &&
      (grace === undefined || (meta.deletionGracePeriodSeconds ?? 0) <= grace)
    ) {
      return object;
    }
    const next = clone(object);
    const nextMeta = next.metadata as NonNullable<KubeObject['metadata']>;
    nextMeta.deletionTimestamp ??= formatTime(this.clock.now() + (grace ?? 0) * 1000);
    nextMeta.deletionGracePeriodSeconds = grace ?? 0;
    if (finalizers.length > 0) nextMeta.finalizers = finalizers;
    if (type.plural === 'namespaces') (next.status as { phase?: string }).phase = 'Terminating';
    delete nextMeta.resourceVersion;
    if (options.dryRun) return next;
    try {
      return this.present(type, await this.store.update(key, strip(next), current.modRevision));
    } catch (error) {
      throw this.storeFailure(type, name, error);
    }
  }

  /**
   * namespaces/finalize: the namespace controller's last write, which sets spec.finalizers; a
   * terminating namespace left with no finalizers is removed.
   */
  async finalizeNamespace(
    type: ResourceType,
    name: string,
    body: KubeObject,
    options: WriteOptions,
  ): Promise<KubeObject> {
    const key = this.key(type, undefined, name);
    const current = this.store.get(key);
    if (!current) throw notFound(errorTarget(type), name);
    const object = clone(this.present(type, current));
    const finalizers = (body.spec as { finalizers?: unknown } | undefined)?.finalizers;
    (object.spec as { finalizers?: unknown }).finalizers = Array.isArray(finalizers) ? finalizers : [];
    const meta = object.metadata as NonNullable<KubeObject['metadata']>;
    if (options.dryRun) return object;
    if (
      meta.deletionTimestamp &&
      (object.spec as { finalizers: unknown[] }).finalizers.length === 0 &&
      !(meta.finalizers ?? []).length
    ) {
      return this.remove(type, key, name, current.modRevision);
    }
    delete meta.resourceVersion;
    try {
      return this.present(type, await this.store.update(key, strip(object), current.modRevision));
    } catch (error) {
      throw this.storeFailure(type, name, error);
    }
  }

  /** Watches the resource from `after` (a revision); past events first, then live ones. */
  watch(
    type: ResourceType,
    options: ListOptions,
    after: number,
    listener: (event: WatchEvent) => void,
  ): { cancel(): void } {
    try {
      return this.store.watch(this.prefix(type, options.namespace), after, (event) => {
        let object = this.present(type, event.object);
        if (event.type === 'delete') {
          object = { ...object, metadata: { ...object.metadata, resourceVersion: String(event.revision) } };
        }
        const now = this.selected(type, object, options);
        const before = event.previous ? this.selected(type, this.present(type, event.previous), options) : false;
        if (event.type === 'delete') {
          if (now) listener({ type: 'DELETED', object });
        } else if (!event.previous) {
          if (now) listener({ type: 'ADDED', object });
        } else if (now) {
          listener({ type: before ? 'MODIFIED' : 'ADDED', object });
        } else if (before) {
          listener({ type: 'DELETED', object });
        }
      });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'Compacted') {
        throw expired(`too old resource version: ${after} (${this.store.compactedRevision()})`);
      }
      throw error;
    }
  }

  /** The store's current revision. */
  revision(): number {
    return this.store.revision();
  }

  private gracePeriod(type: ResourceType, object: KubeObject, requested: number | undefined): number | undefined {
    if (type.plural !== 'pods') return 0;
    const spec = (object.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
    // A pod no kubelet runs has nothing to wait for.
    if (!spec.nodeName) return 0;
    const phase = (object.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    return requested ?? spec.terminationGracePeriodSeconds ?? 30;
  }

  private async remove(type: ResourceType, key: string, name: string, revision: number): Promise<KubeObject> {
    try {
      const deleted = await this.store.delete(key, revision);
      return this.present(type, deleted);
    } catch (error) {
      throw this.storeFailure(type, name, error);
    }
  }

  private validate(type: ResourceType, object: KubeObject, old: KubeObject | undefined): void {
    const meta = object.metadata ?? {};
    const errors: FieldError[] = validateObjectMeta(
      meta,
      NAMESPACE_LABEL_RULE.has(type.plural)
        ? 'label'
        : PATH_SEGMENT_RULE.has(type.plural) && type.group === 'rbac.authorization.k8s.io'
          ? 'pathSegment'
          : 'subdomain',
    );
    if (old) {
      for (const field of ['metadata.namespace']) {
        if (fieldAt(object, field) !== fieldAt(old, field)) {
          errors.push({
            type: 'FieldValueInvalid',
            field,
            message: `Invalid value: ${JSON.stringify(fieldAt(object, field))}: field is immutable`,
          });
        }
      }
    }
    errors.push(...(type.validate?.(object, old) ?? []));
    if (errors.length > 0) throw invalid(type.kind, type.group, meta.name ?? meta.generateName ?? '', errors);
  }

  private admissionContext(operation: AdmissionContext['operation']): AdmissionContext {
    return {
      now: this.clock.now(),
      operation,
      randomSuffix: () => randomString(this.rng, 5),
      list: (type) => this.list(type, {}).items,
    };
  }

  private storeFailure(type: ResourceType, name: string, error: unknown): unknown {
    if (!(error instanceof StoreError)) return error;
    const target = errorTarget(type);
    switch (error.code) {
      case 'KeyExists':
        return alreadyExists(target, name);
      case 'NotFound':
        return notFound(target, name);
      case 'Conflict':
        return conflict(target, name, OPTIMISTIC_LOCK_MESSAGE);
      case 'Unavailable':
        return serviceUnavailable(error.message);
      default:
        return error;
    }
  }

  /** NamespaceLifecycle: new objects only in namespaces that exist and are not terminating. */
  checkNamespace(namespaceType: ResourceType, type: ResourceType, namespace: string, name: string): void {
    const ns = this.store.get(this.key(namespaceType, undefined, namespace));
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, namespace);
    if ((ns.value as KubeObject).metadata?.deletionTimestamp) {
      throw forbidden(
        errorTarget(type),
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }
}

/** etcd's limit on one value (its default --max-request-bytes). */
const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;

/** Refuses an object too large to store, as the apiserver maps etcd's refusal. */
function checkSize(object: KubeObject): void {
  if (JSON.stringify(object).length > MAX_OBJECT_BYTES) throw entityTooLarge('etcdserver: request is too large');
}

/** How errors name the resource. */
export function errorTarget(type: ResourceType): { group: string; resource: string } {
  return { group: type.group, resource: type.plural };
}

/** 409 for a server-side apply that would take other managers' fields (structured-merge-diff's text). */
function applyConflict(type: ResourceType, name: string, conflicts: ApplyConflict[]): StatusError {
  const count = conflicts.reduce((n, c) => n + c.paths.length, 0);
  const parts = conflicts.map((c) =>
    c.paths.length === 1
      ? `conflict with "${c.manager}" using ${c.apiVersion}: ${c.paths[0]}`
      : `conflicts with "${c.manager}" using ${c.apiVersion}:\n${c.paths.map((p) => `- ${p}`).join('\n')}`,
  );
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Apply failed with ${count} conflict${count === 1 ? '' : 's'}: ${parts.join('\n')}`,
    reason: 'Conflict',
    details: {
      name,
      ...(type.group ? { group: type.group } : {}),
      kind: type.plural,
      causes: conflicts.flatMap((c) =>
        c.paths.map((field) => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}" using ${c.apiVersion}`,
          field,
        })),
      ),
    },
    code: 409,
  });
}

/**
 * The object as stored: without apiVersion, kind and resourceVersion, which the store supplies,
 * and without empty label or annotation maps (Go's omitempty drops them).
 */
function strip(object: KubeObject): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = object;
  const meta = { ...rest.metadata };
  delete meta.resourceVersion;
  for (const field of ['labels', 'annotations'] as const) {
    if (meta[field] && Object.keys(meta[field] as object).length === 0) delete meta[field];
  }
  return { ...rest, metadata: meta };
}

function encodeContinue(key: string, resourceVersion: string): string {
  return base64url(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(resourceVersion), start: key }));
}

function decodeContinue(token: string): { key: string } {
  try {
    const parsed = JSON.parse(fromBase64urlText(token)) as { start?: unknown };
    if (typeof parsed.start !== 'string') throw new Error('no start');
    return { key: parsed.start };
  } catch {
    throw badRequest(`continue key is not valid: illegal base64 data`);
  }
}
