// Hashes: fields in insertion order (redis's listpack encoding keeps that order for small hashes).
import { bigIntArg, inInt64, toInt64 } from './args';
import { incrementByFloat } from './long-double';
import type { Call, CommandTable } from './command';
import { RedisError } from './keyspace';
import { array, bulk, bulks, integer, ok, type Reply } from './resp';

const hash = (call: Call, key: string): Map<string, string> | undefined => call.db.typed(key, 'hash')?.data;

function hset(reply: (added: number) => Reply, name: string): (call: Call) => Reply {
  return (call) => {
    if (call.args.length % 2 !== 0) throw new RedisError(`ERR wrong number of arguments for '${name}' command`);
    const key = call.args[1];
    const data = call.db.ensure(key, 'hash', () => new Map()).data;
    let added = 0;
    for (let i = 2; i < call.args.length; i += 2) {
      if (!data.has(call.args[i])) added++;
      data.set(call.args[i], call.args[i + 1]);
    }
    call.db.touch(key);
    return reply(added);
  };
}

export const HASH_COMMANDS: CommandTable = {
  hset: { arity: -4, run: hset(integer, 'hset') },
  hmset: { arity: -4, run: hset(() => ok, 'hmset') },
  hsetnx: {
    arity: 4,
    run: (call) => {
      const [, key, field, value] = call.args;
      if (hash(call, key)?.has(field)) return integer(0);
      call.db.ensure(key, 'hash', () => new Map()).data.set(field, value);
      call.db.touch(key);
      return integer(1);
    },
  },
  hget: { arity: 3, run: (call) => bulk(hash(call, call.args[1])?.get(call.args[2])) },
  hmget: {
    arity: -3,
    run: (call) => {
      const data = hash(call, call.args[1]);
      return bulks(call.args.slice(2).map((field) => data?.get(field)));
    },
  },
  hgetall: { arity: 2, run: (call) => bulks([...(hash(call, call.args[1]) ?? [])].flat()) },
  hkeys: { arity: 2, run: (call) => bulks([...(hash(call, call.args[1])?.keys() ?? [])]) },
  hvals: { arity: 2, run: (call) => bulks([...(hash(call, call.args[1])?.values() ?? [])]) },
  hlen: { arity: 2, run: (call) => integer(hash(call, call.args[1])?.size ?? 0) },
  hexists: { arity: 3, run: (call) => integer(hash(call, call.args[1])?.has(call.args[2]) ?? false) },
  hstrlen: { arity: 3, run: (call) => integer(hash(call, call.args[1])?.get(call.args[2])?.length ?? 0) },
  hdel: {
    arity: -3,
    run: (call) => {
      const data = hash(call, call.args[1]);
      const removed = call.args.slice(2).filter((field) => data?.delete(field)).length;
      if (removed) call.db.touch(call.args[1]);
      return integer(removed);
    },
  },
  hincrby: {
    arity: 4,
    run: (call) => {
      const [, key, field, by] = call.args;
      const increment = bigIntArg(by);
      const data = call.db.ensure(key, 'hash', () => new Map()).data;
      const current = data.has(field) ? toInt64(data.get(field) as string) : 0n;
      if (current === undefined) throw new RedisError('ERR hash value is not an integer');
      const result = current + increment;
      if (!inInt64(result)) throw new RedisError('ERR increment or decrement would overflow');
      data.set(field, result.toString());
      call.db.touch(key);
      return integer(result);
    },
  },
  hincrbyfloat: {
    arity: 4,
    run: (call) => {
      const [, key, field, by] = call.args;
      const data = call.db.ensure(key, 'hash', () => new Map()).data;
      const text = incrementByFloat(data.get(field), by, 'ERR hash value is not a float');
      data.set(field, text);
      call.db.touch(key);
      return bulk(text);
    },
  },
  hrandfield: {
    arity: -2,
    run: (call) => {
      const data = hash(call, call.args[1]);
      return call.args.length > 2 ? array([]) : bulk(data?.keys().next().value);
    },
  },
};
