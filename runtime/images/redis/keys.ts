// Keys and expiry: DEL, EXISTS, TYPE, the EXPIRE family and TTLs on the server's clock, RENAME,
// COPY, MOVE, TOUCH, RANDOMKEY.
import { intArg, is, SYNTAX } from './args';
import type { Call, CommandTable } from './command';
import { cloneValue, RedisError } from './keyspace';
import { bulk, integer, ok, status, type Reply } from './resp';

const count = (call: Call, test: (key: string) => boolean): Reply => integer(call.args.slice(1).filter(test).length);

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT: `toMs` turns the argument into an expiry time. */
function expire(toMs: (call: Call, value: number) => number): (call: Call) => Reply {
  return (call) => {
    const [, key, when, ...options] = call.args;
    const value = intArg(when);
    const flags = new Set<string>();
    for (const option of options) {
      const flag = option.toLowerCase();
      if (!['nx', 'xx', 'gt', 'lt'].includes(flag)) throw new RedisError(`ERR Unsupported option ${option}`);
      flags.add(flag);
    }
    if (flags.has('nx') && (flags.has('xx') || flags.has('gt') || flags.has('lt')))
      throw new RedisError('ERR NX and XX, GT or LT options at the same time are not compatible');
    if (flags.has('gt') && flags.has('lt'))
      throw new RedisError('ERR GT and LT options at the same time are not compatible');
    if (!call.db.get(key)) return integer(0);
    const at = toMs(call, value);
    const current = call.db.expiry(key);
    if (flags.has('nx') && current !== undefined) return integer(0);
    if (flags.has('xx') && current === undefined) return integer(0);
    // No expiry counts as an infinite TTL for GT and LT.
    if (flags.has('gt') && (current === undefined || at <= current)) return integer(0);
    if (flags.has('lt') && current !== undefined && at >= current) return integer(0);
    call.db.expire(key, at);
    return integer(1);
  };
}

/** TTL and PTTL: -2 missing, -1 no expiry, else the time left in `unitMs`, rounded. */
function ttl(unitMs: number, absolute = false): (call: Call) => Reply {
  return (call) => {
    if (!call.db.get(call.args[1])) return integer(-2);
    const at = call.db.expiry(call.args[1]);
    if (at === undefined) return integer(-1);
    if (absolute) return integer(Math.floor(at / unitMs));
    const left = Math.max(0, at - call.server.clock.now());
    return integer(Math.floor((left + unitMs / 2) / unitMs));
  };
}

/** DB index argument of MOVE, COPY and SWAPDB. */
export function dbIndex(text: string): number {
  const index = intArg(text);
  if (index < 0 || index >= 16) throw new RedisError('ERR DB index is out of range');
  return index;
}

function rename(onlyIfNew: boolean): (call: Call) => Reply {
  return (call) => {
    const [, from, to] = call.args;
    const value = call.db.get(from);
    if (!value) throw new RedisError('ERR no such key');
    if (from === to) return onlyIfNew ? integer(0) : ok;
    if (onlyIfNew && call.db.get(to)) return integer(0);
    const at = call.db.expiry(from);
    call.db.delete(from);
    call.db.restore(to, value, at);
    return onlyIfNew ? integer(1) : ok;
  };
}

function copy(call: Call): Reply {
  const [, from, to, ...options] = call.args;
  let target = call.db;
  let replace = false;
  for (let i = 0; i < options.length; i++) {
    if (is(options[i], 'replace')) replace = true;
    else if (is(options[i], 'db') && i + 1 < options.length)
      target = call.server.keyspace.databases[dbIndex(options[++i])];
    else throw new RedisError(SYNTAX);
  }
  if (target === call.db && from === to) throw new RedisError('ERR source and destination objects are the same');
  const value = call.db.get(from);
  if (!value) return integer(0);
  if (target.get(to) && !replace) return integer(0);
  target.restore(to, cloneValue(value), call.db.expiry(from));
  return integer(1);
}

function move(call: Call): Reply {
  const [, key, db] = call.args;
  const target = call.server.keyspace.databases[dbIndex(db)];
  if (target === call.db) throw new RedisError('ERR source and destination objects are the same');
  const value = call.db.get(key);
  if (!value || target.get(key)) return integer(0);
  const at = call.db.expiry(key);
  call.db.delete(key);
  target.restore(key, value, at);
  return integer(1);
}

export const KEY_COMMANDS: CommandTable = {
  del: { arity: -2, run: (call) => count(call, (key) => call.db.delete(key)) },
  unlink: { arity: -2, run: (call) => count(call, (key) => call.db.delete(key)) },
  exists: { arity: -2, run: (call) => count(call, (key) => call.db.get(key) !== undefined) },
  touch: { arity: -2, run: (call) => count(call, (key) => call.db.get(key) !== undefined) },
  type: { arity: 2, run: (call) => status(call.db.get(call.args[1])?.type ?? 'none') },
  expire: { arity: -3, run: expire((call, s) => call.server.clock.now() + s * 1000) },
  pexpire: { arity: -3, run: expire((call, ms) => call.server.clock.now() + ms) },
  expireat: { arity: -3, run: expire((_, s) => s * 1000) },
  pexpireat: { arity: -3, run: expire((_, ms) => ms) },
  ttl: { arity: 2, run: ttl(1000) },
  pttl: { arity: 2, run: ttl(1) },
  expiretime: { arity: 2, run: ttl(1000, true) },
  pexpiretime: { arity: 2, run: ttl(1, true) },
  persist: {
    arity: 2,
    run: (call) => {
      if (call.db.expiry(call.args[1]) === undefined) return integer(0);
      call.db.expire(call.args[1], undefined);
      return integer(1);
    },
  },
  rename: { arity: 3, run: rename(false) },
  renamenx: { arity: 3, run: rename(true) },
  copy: { arity: -3, run: copy },
  move: { arity: 3, run: move },
  randomkey: { arity: 1, run: (call) => bulk(call.db.keys()[0]) },
};
