// Strings and counters: GET/SET and friends, ranges, INCR/DECR/INCRBYFLOAT.
import { bigIntArg, inInt64, intArg, NOT_INTEGER, SYNTAX, toInt64 } from './args';
import { incrementByFloat } from './long-double';
import type { Call, CommandTable } from './command';
import { RedisError } from './keyspace';
import { bulk, bulks, integer, nil, ok, type Reply } from './resp';

const getString = (call: Call, key: string): string | undefined => call.db.typed(key, 'string')?.data;

const setString = (call: Call, key: string, data: string, keepTtl = false): void =>
  call.db.set(key, { type: 'string', data }, keepTtl);

/** The expiry an EX/PX/EXAT/PXAT argument gives (epoch ms); `command` names it in errors. */
export function expiryAt(call: Call, unit: string, text: string, command: string): number {
  const value = intArg(text);
  if (value <= 0) throw new RedisError(`ERR invalid expire time in '${command}' command`);
  const now = call.server.clock.now();
  switch (unit) {
    case 'ex':
      return now + value * 1000;
    case 'px':
      return now + value;
    case 'exat':
      return value * 1000;
    default:
      return value;
  }
}

function set(call: Call): Reply {
  const [, key, value, ...options] = call.args;
  let condition: 'nx' | 'xx' | undefined;
  let get = false;
  let keepTtl = false;
  let expiry: { unit: string; text: string } | undefined;
  for (let i = 0; i < options.length; i++) {
    const option = options[i].toLowerCase();
    if ((option === 'nx' || option === 'xx') && !condition) condition = option;
    else if (option === 'get') get = true;
    else if (option === 'keepttl' && !expiry) keepTtl = true;
    else if (['ex', 'px', 'exat', 'pxat'].includes(option) && !expiry && !keepTtl && i + 1 < options.length)
      expiry = { unit: option, text: options[++i] };
    else throw new RedisError(SYNTAX);
  }
  const at = expiry && expiryAt(call, expiry.unit, expiry.text, 'set');
  const old = get ? getString(call, key) : undefined;
  const exists = call.db.get(key) !== undefined;
  if ((condition === 'nx' && exists) || (condition === 'xx' && !exists)) return get ? bulk(old) : nil;
  setString(call, key, value, keepTtl);
  if (at !== undefined) call.db.expire(key, at);
  return get ? bulk(old) : ok;
}

/** INCRBY and friends: the new value, or the int64 errors. */
function incrementBy(call: Call, key: string, by: bigint): Reply {
  const current = getString(call, key);
  const base = current === undefined ? 0n : toInt64(current);
  if (base === undefined) throw new RedisError(NOT_INTEGER);
  const result = base + by;
  if (!inInt64(result)) throw new RedisError('ERR increment or decrement would overflow');
  setString(call, key, result.toString(), true);
  return integer(result);
}

/** Start and end of a byte range given as possibly negative indexes, clamped; undefined if empty. */
export function clampRange(start: number, end: number, length: number): [number, number] | undefined {
  if (start < 0) start = Math.max(0, length + start);
  if (end < 0) end = length + end;
  if (end >= length) end = length - 1;
  return start > end || length === 0 ? undefined : [start, end];
}

export const STRING_COMMANDS: CommandTable = {
  get: { arity: 2, run: (call) => bulk(getString(call, call.args[1])) },
  set: { arity: -3, run: set },
  setnx: {
    arity: 3,
    run: (call) => {
      if (call.db.get(call.args[1])) return integer(0);
      setString(call, call.args[1], call.args[2]);
      return integer(1);
    },
  },
  setex: { arity: 4, run: (call) => setExpiring(call, 'ex', 'setex') },
  psetex: { arity: 4, run: (call) => setExpiring(call, 'px', 'psetex') },
  getset: {
    arity: 3,
    run: (call) => {
      const old = getString(call, call.args[1]);
      setString(call, call.args[1], call.args[2]);
      return bulk(old);
    },
  },
  getdel: {
    arity: 2,
    run: (call) => {
      const old = getString(call, call.args[1]);
      if (old !== undefined) call.db.delete(call.args[1]);
      return bulk(old);
    },
  },
  getex: { arity: -2, run: getex },
  mget: {
    arity: -2,
    run: (call) =>
      bulks(
        call.args.slice(1).map((key) => {
          const value = call.db.get(key);
          return value?.type === 'string' ? value.data : undefined;
        }),
      ),
  },
  mset: {
    arity: -3,
    run: (call) => {
      if (call.args.length % 2 === 0) throw new RedisError(`ERR wrong number of arguments for 'mset' command`);
      for (let i = 1; i < call.args.length; i += 2) setString(call, call.args[i], call.args[i + 1]);
      return ok;
    },
  },
  msetnx: {
    arity: -3,
    run: (call) => {
      if (call.args.length % 2 === 0) throw new RedisError(`ERR wrong number of arguments for 'msetnx' command`);
      for (let i = 1; i < call.args.length; i += 2) if (call.db.get(call.args[i])) return integer(0);
      for (let i = 1; i < call.args.length; i += 2) setString(call, call.args[i], call.args[i + 1]);
      return integer(1);
    },
  },
  append: {
    arity: 3,
    run: (call) => {
      const data = (getString(call, call.args[1]) ?? '') + call.args[2];
      setString(call, call.args[1], data, true);
      return integer(data.length);
    },
  },
  strlen: { arity: 2, run: (call) => integer(getString(call, call.args[1])?.length ?? 0) },
  getrange: { arity: 4, run: getrange },
  substr: { arity: 4, run: getrange },
  setrange: {
    arity: 4,
    run: (call) => {
      const offset = intArg(call.args[2]);
      if (offset < 0) throw new RedisError('ERR offset is out of range');
      const current = getString(call, call.args[1]);
      const patch = call.args[3];
      if (patch === '') return integer(current?.length ?? 0);
      const base = (current ?? '').padEnd(offset, '\0');
      const data = base.slice(0, offset) + patch + base.slice(offset + patch.length);
      setString(call, call.args[1], data, true);
      return integer(data.length);
    },
  },
  incr: { arity: 2, run: (call) => incrementBy(call, call.args[1], 1n) },
  decr: { arity: 2, run: (call) => incrementBy(call, call.args[1], -1n) },
  incrby: { arity: 3, run: (call) => incrementBy(call, call.args[1], bigIntArg(call.args[2])) },
  decrby: {
    arity: 3,
    run: (call) => {
      const by = bigIntArg(call.args[2]);
      if (by === -(2n ** 63n)) throw new RedisError('ERR decrement would overflow');
      return incrementBy(call, call.args[1], -by);
    },
  },
  incrbyfloat: {
    arity: 3,
    run: (call) => {
      const current = getString(call, call.args[1]);
      const text = incrementByFloat(current, call.args[2], 'ERR value is not a valid float');
      setString(call, call.args[1], text, true);
      return bulk(text);
    },
  },
};

function setExpiring(call: Call, unit: 'ex' | 'px', command: string): Reply {
  const at = expiryAt(call, unit, call.args[2], command);
  setString(call, call.args[1], call.args[3]);
  call.db.expire(call.args[1], at);
  return ok;
}

function getrange(call: Call): Reply {
  const start = intArg(call.args[2]);
  const end = intArg(call.args[3]);
  const value = getString(call, call.args[1]) ?? '';
  if (start < 0 && end < 0 && start > end) return bulk('');
  const range = clampRange(start, end, value.length);
  return bulk(range ? value.slice(range[0], range[1] + 1) : '');
}

function getex(call: Call): Reply {
  const [, key, ...options] = call.args;
  let at: number | undefined;
  let persist = false;
  for (let i = 0; i < options.length; i++) {
    const option = options[i].toLowerCase();
    if (option === 'persist' && at === undefined && !persist) persist = true;
    else if (['ex', 'px', 'exat', 'pxat'].includes(option) && at === undefined && !persist && i + 1 < options.length)
      at = expiryAt(call, option, options[++i], 'getex');
    else throw new RedisError(SYNTAX);
  }
  const value = getString(call, key);
  if (value === undefined) return nil;
  if (at !== undefined) call.db.expire(key, at);
  else if (persist && call.db.expiry(key) !== undefined) call.db.expire(key, undefined);
  return bulk(value);
}
