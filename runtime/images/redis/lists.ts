// Lists: pushes and pops at both ends, ranges, LINDEX/LSET/LINSERT/LREM/LTRIM/LPOS, LMOVE.
import { intArg, is, SYNTAX } from './args';
import type { Call, CommandTable } from './command';
import { RedisError } from './keyspace';
import { bulk, bulks, integer, nil, nilArray, ok, type Reply } from './resp';
import { clampRange } from './strings';

export type End = 'left' | 'right';

const list = (call: Call, key: string): string[] | undefined => call.db.typed(key, 'list')?.data;

function push(end: End, onlyExisting: boolean): (call: Call) => Reply {
  return (call) => {
    const key = call.args[1];
    if (onlyExisting && !list(call, key)) return integer(0);
    const data = call.db.ensure(key, 'list', () => []).data;
    for (const element of call.args.slice(2)) {
      if (end === 'left') data.unshift(element);
      else data.push(element);
    }
    call.db.touch(key);
    return integer(data.length);
  };
}

function pop(end: End): (call: Call) => Reply {
  return (call) => {
    const [, key, countText] = call.args;
    if (call.args.length > 3)
      throw new RedisError(`ERR wrong number of arguments for '${end === 'left' ? 'lpop' : 'rpop'}' command`);
    const count =
      countText === undefined ? undefined : intArg(countText, 'ERR value is out of range, must be positive');
    if (count !== undefined && count < 0) throw new RedisError('ERR value is out of range, must be positive');
    const data = list(call, key);
    if (!data) return count === undefined ? nil : nilArray;
    const taken =
      end === 'left' ? data.splice(0, count ?? 1) : data.splice(Math.max(0, data.length - (count ?? 1))).reverse();
    call.db.touch(key);
    return count === undefined ? bulk(taken[0]) : bulks(taken);
  };
}

/** Pops one element from `end` of the list at `key` (undefined when there is none). */
export function listEnd(call: Call, key: string, end: End): string | undefined {
  const data = list(call, key);
  if (!data) return undefined;
  const element = end === 'left' ? data.shift() : data.pop();
  call.db.touch(key);
  return element;
}

/** LMOVE's core: moves one element from `from`'s end to `to`'s end. */
export function moveElement(call: Call, from: string, to: string, fromEnd: End, toEnd: End): Reply {
  const source = list(call, from);
  if (!source) return nil;
  list(call, to);
  const element = fromEnd === 'left' ? source.shift() : source.pop();
  call.db.touch(from);
  const target = call.db.ensure(to, 'list', () => []).data;
  if (toEnd === 'left') target.unshift(element as string);
  else target.push(element as string);
  call.db.touch(to);
  return bulk(element);
}

const endArg = (text: string): End => {
  if (is(text, 'left') || is(text, 'right')) return text.toLowerCase() as End;
  throw new RedisError(SYNTAX);
};

function lpos(call: Call): Reply {
  const [, key, element, ...options] = call.args;
  let rank = 1;
  let count: number | undefined;
  let maxlen = 0;
  for (let i = 0; i < options.length; i++) {
    const more = i + 1 < options.length;
    if (is(options[i], 'rank') && more) {
      rank = intArg(options[++i]);
      if (rank === 0)
        throw new RedisError(
          "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
        );
    } else if (is(options[i], 'count') && more) {
      count = intArg(options[++i]);
      if (count < 0) throw new RedisError("ERR COUNT can't be negative");
    } else if (is(options[i], 'maxlen') && more) {
      maxlen = intArg(options[++i]);
      if (maxlen < 0) throw new RedisError("ERR MAXLEN can't be negative");
    } else throw new RedisError(SYNTAX);
  }
  const data = list(call, key) ?? [];
  const found: number[] = [];
  const order = rank > 0 ? data.map((_, i) => i) : data.map((_, i) => data.length - 1 - i);
  let skip = Math.abs(rank) - 1;
  for (const [checked, i] of order.entries()) {
    if (maxlen && checked >= maxlen) break;
    if (data[i] !== element) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    found.push(i);
    if (count !== undefined ? count !== 0 && found.length >= count : true) break;
  }
  if (count === undefined) return found.length ? integer(found[0]) : nil;
  return { type: 'array', items: found.map((i) => integer(i)) };
}

export const LIST_COMMANDS: CommandTable = {
  lpush: { arity: -3, run: push('left', false) },
  rpush: { arity: -3, run: push('right', false) },
  lpushx: { arity: -3, run: push('left', true) },
  rpushx: { arity: -3, run: push('right', true) },
  lpop: { arity: -2, run: pop('left') },
  rpop: { arity: -2, run: pop('right') },
  llen: { arity: 2, run: (call) => integer(list(call, call.args[1])?.length ?? 0) },
  lrange: {
    arity: 4,
    run: (call) => {
      const start = intArg(call.args[2]);
      const end = intArg(call.args[3]);
      const data = list(call, call.args[1]) ?? [];
      const range = clampRange(start, end, data.length);
      return bulks(range ? data.slice(range[0], range[1] + 1) : []);
    },
  },
  lindex: {
    arity: 3,
    run: (call) => {
      const index = intArg(call.args[2]);
      const data = list(call, call.args[1]) ?? [];
      return bulk(data[index < 0 ? data.length + index : index]);
    },
  },
  lset: {
    arity: 4,
    run: (call) => {
      const index = intArg(call.args[2]);
      const data = list(call, call.args[1]);
      if (!data) throw new RedisError('ERR no such key');
      const at = index < 0 ? data.length + index : index;
      if (at < 0 || at >= data.length) throw new RedisError('ERR index out of range');
      data[at] = call.args[3];
      call.db.touch(call.args[1]);
      return ok;
    },
  },
  linsert: {
    arity: 5,
    run: (call) => {
      const [, key, where, pivot, element] = call.args;
      if (!is(where, 'before') && !is(where, 'after')) throw new RedisError(SYNTAX);
      const data = list(call, key);
      if (!data) return integer(0);
      const at = data.indexOf(pivot);
      if (at < 0) return integer(-1);
      data.splice(is(where, 'before') ? at : at + 1, 0, element);
      call.db.touch(key);
      return integer(data.length);
    },
  },
  lrem: {
    arity: 4,
    run: (call) => {
      const [, key, countText, element] = call.args;
      const count = intArg(countText);
      const data = list(call, key);
      if (!data) return integer(0);
      let removed = 0;
      const indexes = count < 0 ? data.map((_, i) => data.length - 1 - i) : data.map((_, i) => i);
      const drop = new Set<number>();
      for (const i of indexes) {
        if (count !== 0 && removed >= Math.abs(count)) break;
        if (data[i] === element) {
          drop.add(i);
          removed++;
        }
      }
      const kept = data.filter((_, i) => !drop.has(i));
      data.splice(0, data.length, ...kept);
      if (removed) call.db.touch(key);
      return integer(removed);
    },
  },
  ltrim: {
    arity: 4,
    run: (call) => {
      const start = intArg(call.args[2]);
      const end = intArg(call.args[3]);
      const data = list(call, call.args[1]);
      if (!data) return ok;
      const range = clampRange(start, end, data.length);
      data.splice(0, data.length, ...(range ? data.slice(range[0], range[1] + 1) : []));
      call.db.touch(call.args[1]);
      return ok;
    },
  },
  lpos: { arity: -3, run: lpos },
  rpoplpush: { arity: 3, run: (call) => moveElement(call, call.args[1], call.args[2], 'right', 'left') },
  lmove: {
    arity: 5,
    run: (call) => moveElement(call, call.args[1], call.args[2], endArg(call.args[3]), endArg(call.args[4])),
  },
};
