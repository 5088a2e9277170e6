import type { Clock } from '../clock';
import { randomString, randomUuid, type Rng } from '../rng';
import { StoreError, type Store, type StoredValue } from '../storage/store';
import { formatTime } from '../util/time';
import { createdOwnership, sentFields, updatedOwnership, type ServerSideApply } from './field-ownership';
import { checkPreconditions, namespaceFinalized, planDeletion, type DeleteOptions } from './graceful-deletion';
import { clone, deepFreeze, type KubeObject } from './object';
import { listPage, type ListOptions, type ListResult } from './object-list';
import {
  bumpGeneration,
  checkSize,
  deletesOnUpdate,
  initializeMetadata,
  keepSystemMetadata,
  strip,
  validateWrite,
} from './object-metadata';
import { groupVersion, type AdmissionContext, type ResourceType } from './resource';
import { badRequest, conflict, expired, forbidden, invalid, notFound, OPTIMISTIC_LOCK_MESSAGE } from './status';
import { errorTarget, storeFailure } from './store-errors';
import { watchEventFor, watchTrigger, type WatchEvent } from './watch-events';

/** Options every write takes from the query string. */
export interface WriteOptions {
  dryRun: boolean;
  /** Who writes, for managedFields (the fieldManager, or what the user agent implies). */
  fieldManager?: string;
  /** Server-side apply: the applied configuration, and whether to take conflicting fields. */
  apply?: ServerSideApply;
}

/**
 * The generic registry (apiserver's genericregistry.Store): turns API verbs on a resource type
 * into store operations, with object metadata, defaulting, validation, optimistic concurrency
 * and graceful deletion. Admission plugins that need the whole cluster run in the handler.
 *
 * The steps live beside it: metadata on create and update and the checks every write makes
 * (object-metadata.ts), managed fields (field-ownership.ts), deletion (graceful-deletion.ts),
 * selection and paging (object-list.ts), what a watch sees (watch-events.ts).
 */
export class ObjectStore {
  private readonly presented = new WeakMap<StoredValue, KubeObject>();
  private readonly decoded = new WeakMap<ResourceType, WeakMap<StoredValue, KubeObject>>();

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
    const base = type.storage
      ? `${type.storage.group || 'core'}/${type.storage.plural}/`
      : `${type.group || 'core'}/${type.plural}/`;
    return type.namespaced && namespace ? `${base}${namespace}/` : base;
  }

  /**
   * The object as the API returns it: apiVersion, kind and resourceVersion filled in. Stored
   * values never change (a write stores a new one), so each is presented once and shared, with
   * watchers too; the result is frozen all through (in its JSON form), and callers copy before
   * they change anything.
   */
  present(type: ResourceType, stored: StoredValue): KubeObject {
    const presented = type.decode || type.storage ? this.decodedCache(type) : this.presented;
    const cached = presented.get(stored);
    if (cached) return cached;
    let value = stored.value as KubeObject;
    if (type.storage) value = type.storage.fromStored(value);
    if (type.decode) {
      value = clone(value);
      type.decode(value);
    }
    const object: KubeObject = {
      apiVersion: groupVersion(type),
      kind: type.kind,
      ...value,
      metadata: { ...value.metadata, resourceVersion: String(stored.modRevision) },
    };
    deepFreeze(object);
    presented.set(stored, object);
    return object;
  }

  /**
   * What is written to the store: the object without server-filled fields, in its storage's
   * form, frozen (stored values never change; the backend may then keep it without a copy).
   */
  private stored(type: ResourceType, object: KubeObject): KubeObject {
    const value = strip(object);
    return deepFreeze(type.storage ? type.storage.toStored(value) : value);
  }

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
    return this.present(type, this.current(type, namespace, name).stored);
  }

  /** Objects matching the options, in key order (namespace, then name). */
  list(type: ResourceType, options: ListOptions): ListResult {
    const all = this.store.range(this.prefix(type, options.namespace));
    const resourceVersion = String(this.store.revision());
    return listPage(type, all, resourceVersion, options, (stored) => this.present(type, stored));
  }

  /** Creates an object from `body`, which the handler decoded (its own copy) and whose kind it checked. */
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
    // The body is the request's own decoded copy: the store takes it over (changes and freezes it).
    const object = body;
    type.decode?.(object);
    const meta = initializeMetadata(type, object, namespace, randomUuid(this.rng), formatTime(this.clock.now()));
    // The creator owns what it sent plus the scheme's defaults (the defaulting every write gets),
    // not what admission adds afterwards.
    type.defaults?.(object, this.admissionContext('update'));
    const sent = sentFields(options, object);
    options.mutate?.(object);
    type.defaults?.(object, this.admissionContext('create'));
    type.prepareForCreate?.(object);
    validateWrite(type, object, undefined);
    object.apiVersion = groupVersion(type);
    object.kind = type.kind;
    checkSize(object);
    // Validating admission sees the object before its name is generated (admission/errors.go).
    await options.admit?.(object);
    if (!meta.name && meta.generateName) {
      meta.name = `${meta.generateName.slice(0, 58)}${randomString(this.rng, 5)}`;
    }
    meta.managedFields = createdOwnership(type, options, sent, formatTime(this.clock.now()));
    if (options.dryRun) return object;
    const name = meta.name as string;
    return this.persist(type, name, () =>
      this.store.create(this.key(type, namespace, name), this.stored(type, object)),
    );
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
    options: WriteOptions & {
      subresource?: 'status';
      admit?: (object: KubeObject, old: KubeObject) => Promise<void>;
    },
  ): Promise<KubeObject> {
    const { key, stored: current } = this.current(type, namespace, name);
    const old = this.present(type, current);
    // A built-in kind's status write takes only the body's status and reads its metadata: nothing
    // changes the body, so it needs no copy of its own, save the status a validator may read
    // (the spec and the rest stay the stored object's).
    const statusWrite = options.subresource === 'status' && !type.decode;
    const object = !statusWrite
      ? clone(body)
      : type.validateStatus
        ? { ...body, status: clone(body.status) }
        : { ...body };
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
      next = { ...old, metadata: statusWriteMetadata(type, old, meta), status: object.status };
      if (next.status === undefined) delete next.status;
      const errors = type.validateStatus?.(next, old) ?? [];
      if (errors.length > 0) throw invalid(type.kind, type.group, name, errors);
    } else {
      next = { ...object, metadata: { ...meta } };
      if (type.hasStatus) next.status = old.status;
      keepSystemMetadata(type, next, old, name, namespace);
      type.defaults?.(next, this.admissionContext('update'));
      bumpGeneration(type, next, old);
      validateWrite(type, next, old);
      await options.admit?.(next, old);
    }
    next.apiVersion = groupVersion(type);
    next.kind = type.kind;
    next.metadata = {
      ...next.metadata,
      managedFields: updatedOwnership(type, options, old, next, formatTime(this.clock.now())),
    };
    type.prepareForUpdate?.(next, old);
    delete next.metadata?.resourceVersion;
    if (options.dryRun)
      return { ...next, metadata: { ...next.metadata, resourceVersion: String(current.modRevision) } };
    if (deletesOnUpdate(type, current.value as KubeObject, next))
      return this.remove(type, key, name, current.modRevision);
    return this.persist(type, name, () => this.store.update(key, this.stored(type, next), current.modRevision));
  }

  /**
   * Writes `next` (made from the current object) as it is, as a registry that updates storage
   * directly does (GuaranteedUpdate without the strategy: pods/binding's assignPod): no
   * defaulting, validation, managed fields or generation.
   */
  async writeThrough(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    next: KubeObject,
    dryRun: boolean,
  ): Promise<KubeObject> {
    const { key, stored: current } = this.current(type, namespace, name);
    if (dryRun) return next;
    return this.persist(type, name, () => this.store.update(key, this.stored(type, next), current.modRevision));
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
    options: WriteOptions & DeleteOptions,
  ): Promise<KubeObject> {
    const { key, stored: current } = this.current(type, namespace, name);
    const object = this.present(type, current);
    checkPreconditions(type, name, object, options);
    const plan = planDeletion(type, object, options, this.clock.now());
    if (plan.action === 'remove') {
      if (options.dryRun) return object;
      return this.remove(type, key, name, current.modRevision);
    }
    if (plan.action === 'keep') return object;
    if (options.dryRun) return plan.next;
    return this.persist(type, name, () => this.store.update(key, this.stored(type, plan.next), current.modRevision));
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
    const { key, stored: current } = this.current(type, undefined, name);
    const object = clone(this.present(type, current));
    const finalizers = (body.spec as { finalizers?: unknown } | undefined)?.finalizers;
    const spec = object.spec as { finalizers?: unknown };
    // Go's omitempty: an emptied list is not stored.
    if (Array.isArray(finalizers) && finalizers.length > 0) spec.finalizers = finalizers;
    else delete spec.finalizers;
    if (options.dryRun) return object;
    if (namespaceFinalized(object)) return this.remove(type, key, name, current.modRevision);
    delete object.metadata?.resourceVersion;
    return this.persist(type, name, () => this.store.update(key, this.stored(type, object), current.modRevision));
  }

  /** Watches the resource from `after` (a revision); past events first, then live ones. */
  watch(
    type: ResourceType,
    options: ListOptions,
    after: number,
    listener: (event: WatchEvent) => void,
  ): { cancel(): void } {
    try {
      const trigger = watchTrigger(type, options);
      return this.store.watch(
        this.prefix(type, options.namespace),
        after,
        (event) => {
          let object = this.present(type, event.object);
          const deleted = event.type === 'delete';
          if (deleted)
            object = { ...object, metadata: { ...object.metadata, resourceVersion: String(event.revision) } };
          const previous = event.previous ? this.present(type, event.previous) : undefined;
          const watchEvent = watchEventFor(type, options, { deleted, object, previous });
          if (watchEvent) listener(watchEvent);
        },
        trigger,
      );
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

  /** NamespaceLifecycle: new objects only in namespaces that exist and are not terminating. */
  checkNamespace(namespaceType: ResourceType, type: ResourceType, namespace: string, name: string): void {
    const ns = this.store.get(this.key(namespaceType, undefined, namespace));
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, namespace);
    if ((ns.value as KubeObject).metadata?.deletionTimestamp) {
      const error = forbidden(
        errorTarget(type),
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
      // The cause controllers look for (apierrors.HasStatusCause NamespaceTerminating).
      const cause = {
        reason: 'NamespaceTerminating',
        message: `namespace ${namespace} is being terminated`,
        field: 'metadata.namespace',
      };
      error.status.details = { ...error.status.details, causes: [cause] };
      throw error;
    }
  }

  /** An object's key and stored value; 404 when there is none. */
  private current(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): { key: string; stored: StoredValue } {
    const key = this.key(type, namespace, name);
    const stored = this.store.get(key);
    if (!stored) throw notFound(errorTarget(type), name);
    return { key, stored };
  }

  private remove(type: ResourceType, key: string, name: string, revision: number): Promise<KubeObject> {
    return this.persist(type, name, () => this.store.delete(key, revision));
  }

  /** A store write, and what it stored as the API returns it; storage failures as Status errors. */
  private async persist(type: ResourceType, name: string, write: () => Promise<StoredValue>): Promise<KubeObject> {
    try {
      return this.present(type, await write());
    } catch (error) {
      throw storeFailure(type, name, error);
    }
  }

  private admissionContext(operation: AdmissionContext['operation']): AdmissionContext {
    return {
      now: this.clock.now(),
      operation,
      randomSuffix: () => randomString(this.rng, 5),
      list: (type) => this.list(type, {}).items,
    };
  }
}

/** Apps workloads whose status writes keep their labels (their status strategies reset them). */
const STATUS_KEEPS_LABELS = new Set(['deployments', 'replicasets', 'statefulsets', 'daemonsets']);

/**
 * The metadata a status write leaves: a built-in kind's status strategy resets only the spec (and
 * the labels of apps workloads, the owner references of pods), so the request's annotations,
 * labels, finalizers and owner references stay; a custom resource keeps everything but status.
 */
function statusWriteMetadata(
  type: ResourceType,
  old: KubeObject,
  sent: KubeObject['metadata'],
): KubeObject['metadata'] {
  const kept = { ...old.metadata };
  if (type.schema || !sent) return kept;
  const fields = ['annotations', 'finalizers', 'ownerReferences', 'labels'].filter(
    (field) =>
      !(field === 'labels' && type.group === 'apps' && STATUS_KEEPS_LABELS.has(type.plural)) &&
      !(field === 'ownerReferences' && type.plural === 'pods' && type.group === ''),
  );
  const metadata = kept as Record<string, unknown>;
  for (const field of fields) {
    const value = (sent as Record<string, unknown>)[field];
    if (value === undefined) delete metadata[field];
    else metadata[field] = value;
  }
  return kept;
}
