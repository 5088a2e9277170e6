import type { KubeObject } from '../api/object';
import type { Status } from '../api/status';
import type { Clock, TimerHandle } from '../clock';
import type { ResourceRef, RestClient } from '../client/rest-client';
import type { WatchStream } from '../client/watch-stream';
import type { Rng } from '../rng';

/** cache.DeletedFinalStateUnknown: an object that vanished while the watch was down (seen at a relist). */
export interface DeletedFinalStateUnknown<T> {
  key: string;
  obj: T;
  finalStateUnknown: true;
}

/** What an informer tells its handlers (cache.ResourceEventHandler). */
export interface EventHandlers<T extends KubeObject> {
  /** A new object; `initialList` for those of the first list (and the replay to a late handler). */
  add?(object: T, initialList: boolean): void;
  /** A changed object, or the same one again at a relist or resync. */
  update?(old: T, current: T): void;
  /** A deleted object, or a tombstone when the deletion was missed. */
  delete?(object: T | DeletedFinalStateUnknown<T>): void;
}

/** A function from an object to the values it is indexed under (cache.IndexFunc). */
export type IndexFunc<T> = (object: T) => string[];

/** The key of an object in a cache: `namespace/name`, or `name` when cluster-scoped (MetaNamespaceKeyFunc). */
export function objectKey(object: KubeObject | DeletedFinalStateUnknown<KubeObject>): string {
  if (isTombstone(object)) return object.key;
  const meta = object.metadata ?? {};
  return meta.namespace ? `${meta.namespace}/${meta.name}` : (meta.name ?? '');
}

/** The object a handler got, whether live or a tombstone. */
export function tombstoneObject<T extends KubeObject>(object: T | DeletedFinalStateUnknown<T>): T {
  return isTombstone(object) ? object.obj : object;
}

/** True for a tombstone rather than an object. */
export function isTombstone<T extends KubeObject>(
  object: T | DeletedFinalStateUnknown<T>,
): object is DeletedFinalStateUnknown<T> {
  return (object as DeletedFinalStateUnknown<T>).finalStateUnknown === true;
}

/** The name of the index by namespace every informer keeps (cache.NamespaceIndex). */
export const NAMESPACE_INDEX = 'namespace';

/** Where an informer lists and watches, and how its watches behave. */
export interface InformerOptions {
  /** Only this namespace (default: all). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Re-deliver every cached object as an update this often (0: never). */
  resyncPeriodMs?: number;
}

/** reflector.go: watches last 5 to 10 minutes (minWatchTimeout · (1 + rand)). */
const MIN_WATCH_TIMEOUT_S = 300;

/**
 * The back-off between failed list-and-watch rounds (wait.NewExponentialBackoffManager with the
 * reflector's 800 ms, 30 s cap, reset after 2 min of health, factor 2, jitter 1).
 */
class Backoff {
  private delay = 800;
  private lastAt = -Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  next(): number {
    const now = this.clock.now();
    if (now - this.lastAt > 120_000) this.delay = 800;
    this.lastAt = now;
    const jittered = Math.round(this.delay * (1 + this.rng.next()));
    this.delay = Math.min(this.delay * 2, 30_000);
    return jittered;
  }
}

/**
 * A shared informer (client-go's sharedIndexInformer with its Reflector): lists the resource,
 * then watches from the list's resourceVersion with bookmarks, keeping an indexed cache by
 * `namespace/name` and telling every handler what changed. When a watch ends it watches again
 * from the last version seen; when the server says that version is gone (410 Expired) it lists
 * again after a back-off, and tells handlers of what it missed (deletions as tombstones). All
 * waiting is on the injected clock. Handlers must not change the objects they are given.
 */
export class Informer<T extends KubeObject = KubeObject> {
  private readonly items = new Map<string, T>();
  private readonly indexers = new Map<string, IndexFunc<T>>();
  /** index name → index value → keys. */
  private readonly indices = new Map<string, Map<string, Set<string>>>();
  private readonly handlers = new Set<EventHandlers<T>>();
  private readonly syncWaiters: Array<() => void> = [];
  private synced = false;
  private running = false;
  private stopped = false;
  private lastResourceVersion = '';
  private stream: WatchStream<T> | undefined;
  private timer: TimerHandle | undefined;
  private wake: (() => void) | undefined;
  private resyncTimer: TimerHandle | undefined;
  private readonly backoff: Backoff;

  constructor(
    private readonly client: RestClient,
    readonly ref: ResourceRef,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly options: InformerOptions = {},
  ) {
    this.backoff = new Backoff(clock, rng);
    this.addIndexer(NAMESPACE_INDEX, (object) => [object.metadata?.namespace ?? '']);
  }

  /**
   * Registers handlers; once synced, they first get an `add` for every cached object, as a
   * handler added to a running shared informer does. The result unregisters them.
   */
  addEventHandler(handlers: EventHandlers<T>): { remove(): void } {
    this.handlers.add(handlers);
    if (this.synced) for (const object of this.items.values()) handlers.add?.(object, true);
    return { remove: () => this.handlers.delete(handlers) };
  }

  /** Adds an index; objects already cached are indexed at once. */
  addIndexer(name: string, index: IndexFunc<T>): void {
    this.indexers.set(name, index);
    this.indices.set(name, new Map());
    for (const [key, object] of this.items) this.indexObject(name, key, object);
  }

  /** The cached objects whose index `name` includes `value`. */
  byIndex(name: string, value: string): T[] {
    const keys = this.indices.get(name)?.get(value);
    if (!keys) return [];
    return [...keys].map((key) => this.items.get(key) as T);
  }

  /** The cached object at `key` (`namespace/name`). */
  getByKey(key: string): T | undefined {
    return this.items.get(key);
  }

  /** The cached object `name` in `namespace` (omit it for cluster-scoped objects). */
  get(namespace: string | undefined, name: string): T | undefined {
    return this.items.get(namespace ? `${namespace}/${name}` : name);
  }

  /** Every cached object, or those of one namespace. */
  list(namespace?: string): T[] {
    return namespace === undefined ? [...this.items.values()] : this.byIndex(NAMESPACE_INDEX, namespace);
  }

  /** The keys of every cached object. */
  keys(): string[] {
    return [...this.items.keys()];
  }

  /** True once the first list has been delivered to the handlers. */
  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves once synced (at once if already), or when the informer stops first. */
  waitForSync(): Promise<void> {
    if (this.synced || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  /** The resourceVersion of the last list or event seen. */
  lastSyncResourceVersion(): string {
    return this.lastResourceVersion;
  }

  /** Starts listing and watching (once; later calls do nothing). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.run();
    this.scheduleResync();
  }

  /** Stops: closes the watch, cancels pending waits; the cache stays as it was. */
  stop(): void {
    this.stopped = true;
    this.stream?.close();
    this.timer?.cancel();
    this.resyncTimer?.cancel();
    this.wake?.();
    for (const resolve of this.syncWaiters.splice(0)) resolve();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.listAndWatch();
      } catch {
        // A failed list or watch is retried after the back-off, as the reflector does.
      }
      if (this.stopped) break;
      await this.sleep(this.backoff.next());
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = this.clock.setTimer(ms, () => {
        this.wake = undefined;
        resolve();
      });
    });
  }

  /** One list, then watches until the watch fails; returns when a relist is needed. */
  private async listAndWatch(): Promise<void> {
    const resource = this.client.resource<T>(this.ref, this.options.namespace);
    const list = await resource.list({
      labelSelector: this.options.labelSelector,
      fieldSelector: this.options.fieldSelector,
      resourceVersion: this.lastResourceVersion || '0',
    });
    if (this.stopped) return;
    this.replace(list.items, list.metadata.resourceVersion);
    while (!this.stopped) {
      this.stream = await resource.watch({
        labelSelector: this.options.labelSelector,
        fieldSelector: this.options.fieldSelector,
        resourceVersion: this.lastResourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds: Math.floor(MIN_WATCH_TIMEOUT_S * (1 + this.rng.next())),
      });
      if (this.stopped) {
        this.stream.close();
        return;
      }
      for await (const event of this.stream) {
        if (event.type === 'ERROR') {
          const status = event.object as Status;
          // 410 Expired (or Gone): the version is compacted; list again.
          if (status.code === 410) return;
          throw new Error(status.message ?? 'watch error');
        }
        const object = event.object as T;
        const version = object.metadata?.resourceVersion;
        if (version) this.lastResourceVersion = version;
        if (event.type === 'ADDED' || event.type === 'MODIFIED') this.upsert(object);
        else if (event.type === 'DELETED') this.remove(objectKey(object), object);
      }
      this.stream = undefined;
    }
  }

  /** Replaces the cache with a list, telling handlers of every difference (DeltaFIFO.Replace). */
  private replace(objects: T[], resourceVersion: string): void {
    const seen = new Set<string>();
    const initial = !this.synced;
    for (const object of objects) {
      const key = objectKey(object);
      seen.add(key);
      const old = this.items.get(key);
      this.store(key, object);
      for (const handler of this.handlers) {
        if (old) handler.update?.(old, object);
        else handler.add?.(object, initial);
      }
    }
    for (const [key, old] of [...this.items]) {
      if (seen.has(key)) continue;
      this.unstore(key, old);
      const tombstone: DeletedFinalStateUnknown<T> = { key, obj: old, finalStateUnknown: true };
      for (const handler of this.handlers) handler.delete?.(tombstone);
    }
    this.lastResourceVersion = resourceVersion;
    if (!this.synced) {
      this.synced = true;
      for (const resolve of this.syncWaiters.splice(0)) resolve();
    }
  }

  private upsert(object: T): void {
    const key = objectKey(object);
    const old = this.items.get(key);
    this.store(key, object);
    for (const handler of this.handlers) {
      if (old) handler.update?.(old, object);
      else handler.add?.(object, false);
    }
  }

  private remove(key: string, object: T): void {
    const old = this.items.get(key);
    if (old) this.unstore(key, old);
    for (const handler of this.handlers) handler.delete?.(object);
  }

  private scheduleResync(): void {
    const period = this.options.resyncPeriodMs ?? 0;
    if (period <= 0 || this.stopped) return;
    this.resyncTimer = this.clock.setTimer(period, () => {
      if (this.synced) {
        for (const object of this.items.values()) for (const handler of this.handlers) handler.update?.(object, object);
      }
      this.scheduleResync();
    });
  }

  private store(key: string, object: T): void {
    const old = this.items.get(key);
    this.items.set(key, object);
    for (const [name, index] of this.indexers) {
      const values = index(object);
      if (old) {
        const before = index(old);
        // Most updates (status writes) leave an object's index values as they were.
        if (sameValues(before, values)) continue;
        this.unindex(name, key, before);
      }
      this.indexValues(name, key, values);
    }
  }

  private unstore(key: string, object: T): void {
    this.items.delete(key);
    for (const [name, index] of this.indexers) this.unindex(name, key, index(object));
  }

  private indexObject(name: string, key: string, object: T): void {
    this.indexValues(name, key, (this.indexers.get(name) as IndexFunc<T>)(object));
  }

  private indexValues(name: string, key: string, indexed: string[]): void {
    const values = this.indices.get(name) as Map<string, Set<string>>;
    for (const value of indexed) {
      let keys = values.get(value);
      if (!keys) values.set(value, (keys = new Set()));
      keys.add(key);
    }
  }

  private unindex(name: string, key: string, indexed: string[]): void {
    const values = this.indices.get(name) as Map<string, Set<string>>;
    for (const value of indexed) {
      const keys = values.get(value);
      keys?.delete(key);
      if (keys?.size === 0) values.delete(value);
    }
  }
}

function sameValues(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One informer per resource, shared by every controller that asks for it
 * (informers.SharedInformerFactory), all over one client.
 */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();
  private started = false;

  constructor(
    private readonly client: RestClient,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly options: Pick<InformerOptions, 'resyncPeriodMs'> = {},
  ) {}

  /** The informer of `ref` (created on first request; started if the factory already is). */
  informerFor<T extends KubeObject = KubeObject>(ref: ResourceRef): Informer<T> {
    const key = `${ref.group}/${ref.version}/${ref.resource}`;
    let informer = this.informers.get(key);
    if (!informer) {
      informer = new Informer(this.client, ref, this.clock, this.rng, this.options);
      this.informers.set(key, informer);
      if (this.started) informer.start();
    }
    return informer as unknown as Informer<T>;
  }

  /** Starts every informer asked for so far, and any asked for later. */
  start(): void {
    this.started = true;
    for (const informer of this.informers.values()) informer.start();
  }

  /** Resolves once every informer has synced (cache.WaitForCacheSync). */
  async waitForCacheSync(): Promise<void> {
    await Promise.all([...this.informers.values()].map((informer) => informer.waitForSync()));
  }

  /** Stops every informer. */
  shutdown(): void {
    for (const informer of this.informers.values()) informer.stop();
  }
}
