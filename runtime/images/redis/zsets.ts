// Sorted sets: ZADD with its flags, scores as `%.17g`, ranks, and ZRANGE in all its forms
// (by rank, BYSCORE, BYLEX, REV, LIMIT, WITHSCORES) with the older ZRANGEBY*/ZREV* spellings.
import { doubleArg, formatG17, intArg, SYNTAX, toDouble } from './args';
import type { Call, CommandTable } from './command';
import { RedisError } from './keyspace';
import { SortedSet } from './sorted-set';
import { array, bulk, bulks, integer, nil, type Reply } from './resp';
import { clampRange } from './strings';

const zset = (call: Call, key: string): SortedSet | undefined => call.db.typed(key, 'zset')?.data;
const score = (value: number): Reply => bulk(formatG17(value));

function zadd(call: Call, forceIncr: boolean): Reply {
  const key = call.args[1];
  const flags = new Set<string>(forceIncr ? ['incr'] : []);
  let at = 2;
  while (at < call.args.length && ['nx', 'xx', 'gt', 'lt', 'ch', 'incr'].includes(call.args[at].toLowerCase()))
    flags.add(call.args[at++].toLowerCase());
  const pairs = call.args.slice(at);
  if (pairs.length === 0 || pairs.length % 2) throw new RedisError(SYNTAX);
  if (flags.has('nx') && flags.has('xx'))
    throw new RedisError('ERR XX and NX options at the same time are not compatible');
  if ((flags.has('nx') && (flags.has('gt') || flags.has('lt'))) || (flags.has('gt') && flags.has('lt')))
    throw new RedisError('ERR GT, LT, and/or NX options at the same time are not compatible');
  if (flags.has('incr') && pairs.length > 2)
    throw new RedisError('ERR INCR option supports a single increment-element pair');
  const scores = pairs.filter((_, i) => i % 2 === 0).map((text) => doubleArg(text));
  const existing = zset(call, key);
  if (!existing && flags.has('xx')) return flags.has('incr') ? nil : integer(0);
  const data = existing ?? call.db.ensure(key, 'zset', () => new SortedSet()).data;
  let added = 0;
  let updated = 0;
  let last: number | undefined;
  for (let i = 0; i < scores.length; i++) {
    const member = pairs[i * 2 + 1];
    const current = data.score(member);
    let next = scores[i];
    if (current === undefined) {
      if (flags.has('xx')) continue;
      data.set(member, next);
      added++;
      last = next;
      continue;
    }
    if (flags.has('nx')) continue;
    if (flags.has('incr')) {
      next = current + next;
      if (Number.isNaN(next)) throw new RedisError('ERR resulting score is not a number (NaN)');
    }
    if ((flags.has('gt') && next <= current) || (flags.has('lt') && next >= current)) continue;
    last = next;
    if (next !== current) {
      data.set(member, next);
      updated++;
    }
  }
  if (added || updated) call.db.touch(key);
  if (flags.has('incr')) return last === undefined ? nil : score(last);
  return integer(flags.has('ch') ? added + updated : added);
}

/** A score bound: `(x` is exclusive. */
interface Bound {
  value: number;
  exclusive: boolean;
}

function scoreBound(text: string): Bound {
  const exclusive = text.startsWith('(');
  const value = toDouble(exclusive ? text.slice(1) : text);
  if (value === undefined) throw new RedisError('ERR min or max is not a float');
  return { value, exclusive };
}

const aboveMin = (value: number, min: Bound): boolean => (min.exclusive ? value > min.value : value >= min.value);
const belowMax = (value: number, max: Bound): boolean => (max.exclusive ? value < max.value : value <= max.value);

/** A lex bound: `[x` inclusive, `(x` exclusive, `-` and `+` the ends. */
type LexBound = { kind: 'min' | 'max' } | { kind: 'value'; value: string; exclusive: boolean };

function lexBound(text: string): LexBound {
  if (text === '-') return { kind: 'min' };
  if (text === '+') return { kind: 'max' };
  if (text[0] === '[' || text[0] === '(') return { kind: 'value', value: text.slice(1), exclusive: text[0] === '(' };
  throw new RedisError('ERR min or max not valid string range item');
}

function lexAbove(member: string, min: LexBound): boolean {
  if (min.kind !== 'value') return min.kind === 'min';
  return min.exclusive ? member > min.value : member >= min.value;
}

function lexBelow(member: string, max: LexBound): boolean {
  if (max.kind !== 'value') return max.kind === 'max';
  return max.exclusive ? member < max.value : member <= max.value;
}

interface RangeRequest {
  by: 'rank' | 'score' | 'lex';
  rev: boolean;
  withScores: boolean;
  limit?: [number, number];
}

/** The members a range selects, in reply order. `min`/`max` are as given (REV swaps them). */
function selectRange(data: SortedSet, start: string, stop: string, request: RangeRequest): string[] {
  const members = request.rev ? [...data.members()].reverse() : data.members();
  let chosen: string[];
  if (request.by === 'rank') {
    const range = clampRange(intArg(start), intArg(stop), members.length);
    chosen = range ? members.slice(range[0], range[1] + 1) : [];
  } else if (request.by === 'score') {
    const [min, max] = request.rev ? [scoreBound(stop), scoreBound(start)] : [scoreBound(start), scoreBound(stop)];
    chosen = members.filter((m) => aboveMin(data.score(m) as number, min) && belowMax(data.score(m) as number, max));
  } else {
    const [min, max] = request.rev ? [lexBound(stop), lexBound(start)] : [lexBound(start), lexBound(stop)];
    chosen = members.filter((m) => lexAbove(m, min) && lexBelow(m, max));
  }
  if (request.limit) {
    const [offset, count] = request.limit;
    if (offset < 0) return [];
    chosen = chosen.slice(offset, count < 0 ? undefined : offset + count);
  }
  return chosen;
}

function rangeReply(data: SortedSet | undefined, members: string[], withScores: boolean): Reply {
  if (!data) return array([]);
  return bulks(withScores ? members.flatMap((m) => [m, formatG17(data.score(m) as number)]) : members);
}

/** ZRANGE and its older spellings: `fixed` is what the command name implies. */
function zrange(fixed: Partial<RangeRequest>, allowKeywords: boolean): (call: Call) => Reply {
  return (call) => {
    const [, key, start, stop, ...options] = call.args;
    const request: RangeRequest = { by: 'rank', rev: false, withScores: false, ...fixed };
    for (let i = 0; i < options.length; i++) {
      const option = options[i].toLowerCase();
      if (option === 'withscores') request.withScores = true;
      else if (option === 'limit' && i + 2 < options.length) {
        request.limit = [intArg(options[i + 1]), intArg(options[i + 2])];
        i += 2;
      } else if (allowKeywords && option === 'byscore') request.by = 'score';
      else if (allowKeywords && option === 'bylex') request.by = 'lex';
      else if (allowKeywords && option === 'rev') request.rev = true;
      else throw new RedisError(SYNTAX);
    }
    if (request.limit && request.by === 'rank')
      throw new RedisError('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
    if (request.withScores && request.by === 'lex')
      throw new RedisError('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
    const data = zset(call, key);
    const members = selectRange(data ?? new SortedSet(), start, stop, request);
    return rangeReply(data, members, request.withScores);
  };
}

function removeRange(by: RangeRequest['by']): (call: Call) => Reply {
  return (call) => {
    const [, key, start, stop] = call.args;
    const data = zset(call, key);
    const members = selectRange(data ?? new SortedSet(), start, stop, { by, rev: false, withScores: false });
    for (const member of members) data?.delete(member);
    if (members.length) call.db.touch(key);
    return integer(members.length);
  };
}

function popEnd(max: boolean): (call: Call) => Reply {
  return (call) => {
    const count = call.args[2] === undefined ? 1 : intArg(call.args[2]);
    if (count < 0) throw new RedisError('ERR value is out of range, must be positive');
    const data = zset(call, call.args[1]);
    if (!data) return array([]);
    const members = max ? [...data.members()].reverse() : data.members();
    const taken = members.slice(0, count);
    const reply = taken.flatMap((m) => [m, formatG17(data.score(m) as number)]);
    for (const member of taken) data.delete(member);
    if (taken.length) call.db.touch(call.args[1]);
    return bulks(reply);
  };
}

function rank(reverse: boolean): (call: Call) => Reply {
  return (call) => {
    const [, key, member] = call.args;
    const data = zset(call, key);
    const at = data?.rank(member);
    if (data === undefined || at === undefined) return nil;
    return integer(reverse ? data.size - 1 - at : at);
  };
}

export const ZSET_COMMANDS: CommandTable = {
  zadd: { arity: -4, run: (call) => zadd(call, false) },
  zincrby: { arity: 4, run: (call) => zadd(call, true) },
  zscore: {
    arity: 3,
    run: (call) => {
      const value = zset(call, call.args[1])?.score(call.args[2]);
      return value === undefined ? nil : score(value);
    },
  },
  zmscore: {
    arity: -3,
    run: (call) => {
      const data = zset(call, call.args[1]);
      return array(
        call.args.slice(2).map((m) => {
          const value = data?.score(m);
          return value === undefined ? nil : score(value);
        }),
      );
    },
  },
  zcard: { arity: 2, run: (call) => integer(zset(call, call.args[1])?.size ?? 0) },
  zcount: {
    arity: 4,
    run: (call) => {
      const data = zset(call, call.args[1]);
      return integer(
        selectRange(data ?? new SortedSet(), call.args[2], call.args[3], { by: 'score', rev: false, withScores: false })
          .length,
      );
    },
  },
  zlexcount: {
    arity: 4,
    run: (call) => {
      const data = zset(call, call.args[1]);
      return integer(
        selectRange(data ?? new SortedSet(), call.args[2], call.args[3], { by: 'lex', rev: false, withScores: false })
          .length,
      );
    },
  },
  zrank: { arity: 3, run: rank(false) },
  zrevrank: { arity: 3, run: rank(true) },
  zrange: { arity: -4, run: zrange({}, true) },
  zrevrange: { arity: -4, run: zrange({ rev: true }, false) },
  zrangebyscore: { arity: -4, run: zrange({ by: 'score' }, false) },
  zrevrangebyscore: { arity: -4, run: zrange({ by: 'score', rev: true }, false) },
  zrangebylex: { arity: -4, run: zrange({ by: 'lex' }, false) },
  zrevrangebylex: { arity: -4, run: zrange({ by: 'lex', rev: true }, false) },
  zrem: {
    arity: -3,
    run: (call) => {
      const data = zset(call, call.args[1]);
      const removed = call.args.slice(2).filter((m) => data?.delete(m)).length;
      if (removed) call.db.touch(call.args[1]);
      return integer(removed);
    },
  },
  zremrangebyscore: { arity: 4, run: removeRange('score') },
  zremrangebyrank: { arity: 4, run: removeRange('rank') },
  zremrangebylex: { arity: 4, run: removeRange('lex') },
  zpopmin: { arity: -2, run: popEnd(false) },
  zpopmax: { arity: -2, run: popEnd(true) },
};
