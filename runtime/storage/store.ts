import type { StorageBackend, StorageWrite } from './backend';
import { migrate, OBJECT_PREFIX, type ObjectRecord } from './schema';
import { SortedKeys } from './sorted-keys';

/** An object as the store keeps it: the JSON value and its revisions (etcd's KeyValue). */
export interface StoredValue {
  key: string;
  value: unknown;
  /** The revision that created the key. */
  createRevision: number;
  /** The revision of the last change (Kubernetes' resourceVersion). */
  modRevision: number;
}

/** One change, as watchers see it. */
export interface StoreEvent {
  type: 'put' | 'delete';
  /** After a put, the new value; after a delete, the value that was deleted. */
  object: StoredValue;
  /** For a put that replaced a value, the value before. */
  previous?: StoredValue;
  /** The revision of this change. */
  revision: number;
}

/** Why a store operation failed; the API layer turns these into Kubernetes Status errors. */
export class StoreError extends Error {
  constructor(
    readonly code: 'KeyExists' | 'NotFound' | 'Conflict' | 'Compacted' | 'Unavailable',
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Which new changes a watch needs: those whose value (or value before) gives `value` under `of`.
 * Watches with the same function share an index, so pass one function per indexed field.
 */
export interface WatchTrigger {
  of: (value: unknown) => string | undefined;
  value: string;
}

type Listener = (event: StoreEvent) => void;

/**
 * Listeners, handed out as an array that is copied only when one joins or leaves: a listener
 * that cancels its watch while an event is delivered does not disturb that delivery.
 */
class Listeners {
  private readonly set = new Set<Listener>();
  private array: readonly Listener[] = [];

  add(listener: Listener): void {
    this.set.add(listener);
    this.array = [...this.set];
  }

  delete(listener: Listener): void {
    if (this.set.delete(listener)) this.array = [...this.set];
  }

  list(): readonly Listener[] {
    return this.array;
  }
}

interface WatcherGroup {
  plain: Listeners;
  triggered: Map<WatchTrigger['of'], Map<string, Listeners>>;
}

/** A registered watcher; cancel() stops its events. */
export interface StoreWatch {
  cancel(): void;
}

const REVISION_KEY = 'meta/revision';

/** How many past events the store keeps for watches that start in the past. */
export const DEFAULT_HISTORY = 10_000;

/**
 * The etcd analogue: a sorted key space of JSON values, one global revision that every write
 * advances, optimistic concurrency on modRevision, and watches from any retained revision.
 *
 * Writes apply to memory at once, in order (so revisions and conflict checks are exact), and are
 * made durable by group commit: every write of one turn goes to the backend in one commit, and
 * each write's promise resolves only once that commit is done. Watchers hear of a change only
 * after it is durable. A failed commit makes the store refuse further writes: memory may then be
 * ahead of the disk, and only a reload brings them back together.
 */
export class Store {
  private readonly objects = new Map<string, StoredValue>();
  private sortedKeys: SortedKeys | undefined;
  private current: number;
  /** Past events from index `historyStart` on (the ones before it are dropped in bulk). */
  private history: StoreEvent[] = [];
  private historyStart = 0;
  private compacted: number;
  /** Watchers by prefix: each event is matched against the few distinct prefixes once. */
  private readonly watchers = new Map<string, WatcherGroup>();
  /** The batch that new writes join; it closes when its commit starts. */
  private batch: { events: StoreEvent[]; committed: Promise<void> } | undefined;
  /** The last commit scheduled; the next batch waits for it. */
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  private constructor(
    private readonly backend: StorageBackend,
    revision: number,
    private readonly historyLimit: number,
  ) {
    this.current = revision;
    this.compacted = revision;
  }

  /**
   * Loads the store kept in `backend` (empty at revision 1 if there is none), migrating records
   * an older kubeplay wrote.
   */
  static async open(backend: StorageBackend, historyLimit = DEFAULT_HISTORY): Promise<Store> {
    await migrate(backend);
    const [meta] = await backend.scan(REVISION_KEY);
    const store = new Store(backend, meta ? Number(meta[1]) : 1, historyLimit);
    for (const [recordKey, record] of await backend.scan(OBJECT_PREFIX)) {
      const key = recordKey.slice(OBJECT_PREFIX.length);
      store.objects.set(key, { key, ...(record as ObjectRecord) });
    }
    return store;
  }

  /** The revision of the last write. */
  revision(): number {
    return this.current;
  }

  /** The oldest revision a watch may still start after. */
  compactedRevision(): number {
    return this.compacted;
  }

  get(key: string): StoredValue | undefined {
    return this.objects.get(key);
  }

  private keys(): SortedKeys {
    this.sortedKeys ??= new SortedKeys([...this.objects.keys()].sort());
    return this.sortedKeys;
  }

  /** Every value whose key starts with `prefix`, in key order. */
  range(prefix: string): StoredValue[] {
    const out: StoredValue[] = [];
    for (const key of this.keys().withPrefix(prefix)) out.push(this.objects.get(key) as StoredValue);
    return out;
  }

  /** Creates `key`; fails with KeyExists if it is there. */
  create(key: string, value: unknown): Promise<StoredValue> {
    this.checkWritable(key);
    if (this.objects.has(key)) throw new StoreError('KeyExists', key, `key exists: ${key}`);
    const revision = ++this.current;
    const stored = { key, value, createRevision: revision, modRevision: revision };
    return this.apply({ type: 'put', object: stored, revision });
  }

  /**
   * Replaces `key`'s value. With `expectedRevision`, fails with Conflict unless the key's
   * modRevision is that revision (compare-and-swap).
   */
  update(key: string, value: unknown, expectedRevision?: number): Promise<StoredValue> {
    this.checkWritable(key);
    const previous = this.objects.get(key);
    if (!previous) throw new StoreError('NotFound', key, `key not found: ${key}`);
    if (expectedRevision !== undefined && previous.modRevision !== expectedRevision) {
      throw new StoreError('Conflict', key, `revision ${previous.modRevision} is not ${expectedRevision}`);
    }
    const revision = ++this.current;
    const stored = { key, value, createRevision: previous.createRevision, modRevision: revision };
    return this.apply({ type: 'put', object: stored, previous, revision });
  }

  /** Deletes `key`, optionally only at `expectedRevision`; resolves to the deleted value. */
  delete(key: string, expectedRevision?: number): Promise<StoredValue> {
    this.checkWritable(key);
    const previous = this.objects.get(key);
    if (!previous) throw new StoreError('NotFound', key, `key not found: ${key}`);
    if (expectedRevision !== undefined && previous.modRevision !== expectedRevision) {
      throw new StoreError('Conflict', key, `revision ${previous.modRevision} is not ${expectedRevision}`);
    }
    const revision = ++this.current;
    return this.apply({ type: 'delete', object: previous, revision }).then(() => previous);
  }

  /**
   * Calls `listener` with every change under `prefix` (empty, or ending at a '/') after revision `after`, first the retained
   * past ones, then each new one once it is durable. Fails with Compacted when `after` is older
   * than the history kept. With a `trigger`, new changes reach the listener only when the
   * trigger's function gives its value for the new or the old value (the watch cache's
   * triggers: a kubelet's watch of its own pods hears nothing of the other nodes' pods).
   */
  watch(prefix: string, after: number, listener: (event: StoreEvent) => void, trigger?: WatchTrigger): StoreWatch {
    if (prefix !== '' && !prefix.endsWith('/')) throw new Error(`watch prefix ${prefix} does not end at a '/'`);
    if (after < this.compacted) {
      throw new StoreError('Compacted', prefix, `required revision ${after} has been compacted`);
    }
    for (let i = this.historyStart; i < this.history.length; i++) {
      const event = this.history[i];
      if (event.revision > after && event.object.key.startsWith(prefix)) listener(event);
    }
    let group = this.watchers.get(prefix);
    if (!group) this.watchers.set(prefix, (group = { plain: new Listeners(), triggered: new Map() }));
    if (!trigger) {
      group.plain.add(listener);
      return { cancel: () => group.plain.delete(listener) };
    }
    let byValue = group.triggered.get(trigger.of);
    if (!byValue) group.triggered.set(trigger.of, (byValue = new Map()));
    let listeners = byValue.get(trigger.value);
    if (!listeners) byValue.set(trigger.value, (listeners = new Listeners()));
    const own = listeners;
    own.add(listener);
    return { cancel: () => own.delete(listener) };
  }

  /** Resolves once every write made so far is durable (or has failed). */
  async flush(): Promise<void> {
    await this.chain;
  }

  private checkWritable(key: string): void {
    if (this.failure) throw new StoreError('Unavailable', key, `storage failed: ${this.failure.message}`);
  }

  private apply(event: StoreEvent): Promise<StoredValue> {
    const { object } = event;
    // The sorted keys follow each change, so a range after a write does not sort the whole
    // key space again.
    if (event.type === 'put') {
      if (!this.objects.has(object.key)) this.sortedKeys?.insert(object.key);
      this.objects.set(object.key, object);
    } else {
      this.objects.delete(object.key);
      this.sortedKeys?.delete(object.key);
    }
    if (!this.batch) {
      const events: StoreEvent[] = [];
      // The batch commits after the previous commit, at the earliest in the next microtask, so
      // every write of this turn (and any made while the previous commit runs) joins it.
      const committed = this.chain.then(() => this.commit(events));
      this.batch = { events, committed };
      this.chain = committed.catch(() => {});
    }
    this.batch.events.push(event);
    return this.batch.committed.then(() => object);
  }

  /** Commits one batch in one backend commit, then tells the watchers. */
  private async commit(events: StoreEvent[]): Promise<void> {
    if (this.batch?.events === events) this.batch = undefined;
    if (this.failure) throw new StoreError('Unavailable', '', `storage failed: ${this.failure.message}`);
    const writes: StorageWrite[] = events.map(({ type, object }) =>
      type === 'put'
        ? { key: OBJECT_PREFIX + object.key, value: persisted(object) }
        : { key: OBJECT_PREFIX + object.key, delete: true },
    );
    writes.push({ key: REVISION_KEY, value: events[events.length - 1].revision });
    try {
      await this.backend.commit(writes);
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      throw new StoreError('Unavailable', '', `storage failed: ${this.failure.message}`);
    }
    for (const event of events) this.publish(event);
  }

  private publish(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length - this.historyStart > this.historyLimit) {
      this.compacted = this.history[this.historyStart].revision;
      this.historyStart++;
      // Dropped events are cut off once they are as many as the kept ones: amortized O(1).
      if (this.historyStart >= this.historyLimit) {
        this.history = this.history.slice(this.historyStart);
        this.historyStart = 0;
      }
    }
    // Watch prefixes end at a '/' (a resource, or a namespace in it): only the key's own
    // prefixes can match, so delivery does not grow with the number of resources watched.
    const key = event.object.key;
    this.deliver(this.watchers.get(''), event);
    for (let slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
      this.deliver(this.watchers.get(key.slice(0, slash + 1)), event);
    }
  }

  private deliver(group: WatcherGroup | undefined, event: StoreEvent): void {
    if (!group) return;
    for (const listener of group.plain.list()) listener(event);
    if (group.triggered.size === 0) return;
    for (const [of, byValue] of group.triggered) {
      const value = of(event.object.value);
      const previous = event.previous ? of(event.previous.value) : undefined;
      for (const listener of byValue.get(value as string)?.list() ?? []) listener(event);
      if (previous !== value) for (const listener of byValue.get(previous as string)?.list() ?? []) listener(event);
    }
  }
}

/**
 * The record schema 2 keeps for an object: its key is the record's key. The record of a frozen
 * value is frozen too, so a backend may keep it without copying.
 */
function persisted({ value, createRevision, modRevision }: StoredValue): ObjectRecord {
  const record = { value, createRevision, modRevision };
  return typeof value === 'object' && value !== null && Object.isFrozen(value) ? Object.freeze(record) : record;
}
