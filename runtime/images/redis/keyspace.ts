// The keyspace: 16 numbered databases of typed values, each key with an optional expiry on the
// injected clock. Expired keys vanish when next looked at (as redis's lazy expiry does; its
// active expiry cycle changes nothing a client can observe beyond that). Every change to a key
// bumps its version, which WATCH compares.
import type { Clock } from '../../clock';
import { SortedSet } from './sorted-set';

export type Value =
  | { type: 'string'; data: string }
  | { type: 'list'; data: string[] }
  | { type: 'hash'; data: Map<string, string> }
  | { type: 'set'; data: Set<string> }
  | { type: 'zset'; data: SortedSet };

export type ValueType = Value['type'];

/** redis's error for a command on a key of another type. */
export class RedisError extends Error {}
export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

/** One numbered database. */
export class Database {
  private readonly values = new Map<string, Value>();
  /** Expiry times (epoch ms) of keys that have one. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly versions: Map<string, number>,
    readonly index: number,
    private readonly changed: () => void,
  ) {}

  /** The value of `key` (undefined when missing or expired). */
  get(key: string): Value | undefined {
    const at = this.expiries.get(key);
    if (at !== undefined && at <= this.clock.now()) this.delete(key);
    return this.values.get(key);
  }

  /** The value of `key` if of `type`; throws WRONGTYPE for another type. */
  typed<T extends ValueType>(key: string, type: T): Extract<Value, { type: T }> | undefined {
    const value = this.get(key);
    if (value && value.type !== type) throw new RedisError(WRONGTYPE);
    return value as Extract<Value, { type: T }> | undefined;
  }

  /** The value of `key`, created empty by `create` when missing; throws WRONGTYPE. */
  ensure<T extends ValueType>(
    key: string,
    type: T,
    create: () => Extract<Value, { type: T }>['data'],
  ): Extract<Value, { type: T }> {
    const found = this.typed(key, type);
    if (found) return found;
    const value = { type, data: create() } as unknown as Extract<Value, { type: T }>;
    this.values.set(key, value);
    return value;
  }

  /** Sets `key`, dropping its expiry unless `keepTtl`. */
  set(key: string, value: Value, keepTtl = false): void {
    this.get(key);
    this.values.set(key, value);
    if (!keepTtl) this.expiries.delete(key);
    this.touch(key);
  }

  delete(key: string): boolean {
    this.expiries.delete(key);
    const had = this.values.delete(key);
    if (had) this.touch(key);
    return had;
  }

  /** Marks `key` changed (WATCH sees it); removes it when a collection became empty. */
  touch(key: string): void {
    const name = `${this.index}\n${key}`;
    this.versions.set(name, (this.versions.get(name) ?? 0) + 1);
    this.changed();
    const value = this.values.get(key);
    if (value && value.type !== 'string' && sizeOf(value) === 0) {
      this.values.delete(key);
      this.expiries.delete(key);
    }
  }

  version(key: string): number {
    this.get(key);
    return this.versions.get(`${this.index}\n${key}`) ?? 0;
  }

  /** The expiry of `key` (epoch ms), if any. */
  expiry(key: string): number | undefined {
    return this.get(key) ? this.expiries.get(key) : undefined;
  }

  /** Sets the expiry of an existing key; a time already past deletes it. */
  expire(key: string, at: number | undefined): void {
    if (at === undefined) this.expiries.delete(key);
    else if (at <= this.clock.now()) this.delete(key);
    else this.expiries.set(key, at);
    this.touch(key);
  }

  /** The live keys, in insertion order. */
  keys(): string[] {
    return [...this.values.keys()].filter((key) => this.get(key) !== undefined);
  }

  size(): number {
    return this.keys().length;
  }

  /** How many live keys have an expiry. */
  expiring(): number {
    return this.keys().filter((key) => this.expiries.has(key)).length;
  }

  clear(): void {
    for (const key of this.values.keys()) this.touch(key);
    this.values.clear();
    this.expiries.clear();
  }

  /** Moves everything to `other` (SWAPDB swaps contents, not numbers). */
  swapWith(other: Database): void {
    const mine = [...this.values].map(([key, value]) => [key, value, this.expiries.get(key)] as const);
    const theirs = [...other.values].map(([key, value]) => [key, value, other.expiries.get(key)] as const);
    this.clear();
    other.clear();
    for (const [key, value, at] of theirs) this.restore(key, value, at);
    for (const [key, value, at] of mine) other.restore(key, value, at);
  }

  /** Puts `key` back with its value and expiry (MOVE, COPY, SWAPDB). */
  restore(key: string, value: Value, at: number | undefined): void {
    this.values.set(key, value);
    if (at !== undefined) this.expiries.set(key, at);
    else this.expiries.delete(key);
    this.touch(key);
  }
}

/** How many elements a collection holds (a string counts as 1). */
export function sizeOf(value: Value): number {
  switch (value.type) {
    case 'string':
      return 1;
    case 'list':
      return value.data.length;
    default:
      return value.data.size;
  }
}

/** A deep copy (COPY must not share collections). */
export function cloneValue(value: Value): Value {
  switch (value.type) {
    case 'string':
      return { ...value };
    case 'list':
      return { type: 'list', data: [...value.data] };
    case 'hash':
      return { type: 'hash', data: new Map(value.data) };
    case 'set':
      return { type: 'set', data: new Set(value.data) };
    case 'zset':
      return { type: 'zset', data: value.data.clone() };
  }
}

/** The server's databases (16, as `databases` defaults to). */
export class Keyspace {
  readonly databases: Database[];
  private readonly versions = new Map<string, number>();

  /** `changed` hears of every change (blocked clients wait for pushes). */
  constructor(
    readonly clock: Clock,
    changed: () => void = () => {},
  ) {
    this.databases = Array.from({ length: 16 }, (_, index) => new Database(clock, this.versions, index, changed));
  }
}
