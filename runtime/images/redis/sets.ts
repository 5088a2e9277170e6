// Sets. Sets of integers (up to set-max-intset-entries, 512) list sorted, as redis's intset
// encoding does; others in insertion order (redis's hash order is seeded at random).
import { intArg, is, SYNTAX, toInt64 } from './args';
import type { Call, CommandTable } from './command';
import { RedisError } from './keyspace';
import { bulk, bulks, integer, type Reply } from './resp';

/** A set's members in the order SMEMBERS lists them. */
export function setMembers(data: Set<string>): string[] {
  const members = [...data];
  if (members.length > 512 || !members.every((member) => toInt64(member) !== undefined)) return members;
  return members.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

const set = (call: Call, key: string): Set<string> | undefined => call.db.typed(key, 'set')?.data;

/** The sets named by `keys` (missing ones empty); type-checked before any work. */
const sets = (call: Call, keys: string[]): Array<Set<string>> => keys.map((key) => set(call, key) ?? new Set());

const combine = {
  inter: (all: Array<Set<string>>): Set<string> =>
    new Set([...(all[0] ?? [])].filter((member) => all.every((other) => other.has(member)))),
  union: (all: Array<Set<string>>): Set<string> => new Set(all.flatMap((one) => [...one])),
  diff: (all: Array<Set<string>>): Set<string> =>
    new Set([...(all[0] ?? [])].filter((member) => !all.slice(1).some((other) => other.has(member)))),
};

function algebra(kind: keyof typeof combine, store: boolean): (call: Call) => Reply {
  return (call) => {
    const result = combine[kind](sets(call, call.args.slice(store ? 2 : 1)));
    if (!store) return bulks(setMembers(result));
    const target = call.args[1];
    call.db.delete(target);
    if (result.size > 0) call.db.set(target, { type: 'set', data: result });
    return integer(result.size);
  };
}

export const SET_COMMANDS: CommandTable = {
  sadd: {
    arity: -3,
    run: (call) => {
      const data = call.db.ensure(call.args[1], 'set', () => new Set()).data;
      const before = data.size;
      for (const member of call.args.slice(2)) data.add(member);
      call.db.touch(call.args[1]);
      return integer(data.size - before);
    },
  },
  srem: {
    arity: -3,
    run: (call) => {
      const data = set(call, call.args[1]);
      const removed = call.args.slice(2).filter((member) => data?.delete(member)).length;
      if (removed) call.db.touch(call.args[1]);
      return integer(removed);
    },
  },
  smembers: { arity: 2, run: (call) => bulks(setMembers(set(call, call.args[1]) ?? new Set())) },
  scard: { arity: 2, run: (call) => integer(set(call, call.args[1])?.size ?? 0) },
  sismember: { arity: 3, run: (call) => integer(set(call, call.args[1])?.has(call.args[2]) ?? false) },
  smismember: {
    arity: -3,
    run: (call) => {
      const data = set(call, call.args[1]);
      return { type: 'array', items: call.args.slice(2).map((member) => integer(data?.has(member) ?? false)) };
    },
  },
  sinter: { arity: -2, run: algebra('inter', false) },
  sunion: { arity: -2, run: algebra('union', false) },
  sdiff: { arity: -2, run: algebra('diff', false) },
  sinterstore: { arity: -3, run: algebra('inter', true) },
  sunionstore: { arity: -3, run: algebra('union', true) },
  sdiffstore: { arity: -3, run: algebra('diff', true) },
  sintercard: {
    arity: -3,
    run: (call) => {
      const count = intArg(call.args[1]);
      if (count <= 0) throw new RedisError('ERR numkeys should be greater than 0');
      if (count > call.args.length - 2) throw new RedisError("ERR Number of keys can't be greater than number of args");
      const rest = call.args.slice(2 + count);
      let limit = 0;
      if (rest.length === 2 && is(rest[0], 'limit')) {
        limit = intArg(rest[1]);
        if (limit < 0) throw new RedisError("ERR LIMIT can't be negative");
      } else if (rest.length > 0) throw new RedisError(SYNTAX);
      const size = combine.inter(sets(call, call.args.slice(2, 2 + count))).size;
      return integer(limit ? Math.min(limit, size) : size);
    },
  },
  smove: {
    arity: 4,
    run: (call) => {
      const [, from, to, member] = call.args;
      const source = set(call, from);
      set(call, to);
      if (!source?.has(member)) return integer(0);
      source.delete(member);
      call.db.touch(from);
      call.db.ensure(to, 'set', () => new Set()).data.add(member);
      call.db.touch(to);
      return integer(1);
    },
  },
  spop: {
    arity: -2,
    run: (call) => {
      const data = set(call, call.args[1]);
      const member = data ? setMembers(data)[0] : undefined;
      if (member !== undefined) {
        data?.delete(member);
        call.db.touch(call.args[1]);
      }
      return bulk(member);
    },
  },
  srandmember: {
    arity: -2,
    run: (call) => bulk(setMembers(set(call, call.args[1]) ?? new Set())[0]),
  },
};
