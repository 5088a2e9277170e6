// KEYS and the SCAN family. SCAN walks the keys in insertion order, COUNT at a time, its cursor
// the position reached; HSCAN, SSCAN and ZSCAN return small collections whole (as redis does for
// listpack and intset encodings), cursor 0.
import { formatStoredScore, intArg, is, SYNTAX } from './args';
import type { Call, CommandTable } from './command';
import { globMatch } from './glob';
import { RedisError, type ValueType } from './keyspace';
import { array, bulk, bulks, type Reply } from './resp';
import { setMembers } from './sets';

interface ScanOptions {
  cursor: number;
  match?: string;
  count: number;
  type?: string;
}

function scanOptions(cursorText: string, options: string[], allowType: boolean): ScanOptions {
  if (!/^\d+$/.test(cursorText)) throw new RedisError('ERR invalid cursor');
  const parsed: ScanOptions = { cursor: Number(cursorText), count: 10 };
  for (let i = 0; i < options.length; i++) {
    const more = i + 1 < options.length;
    if (is(options[i], 'count') && more) {
      parsed.count = intArg(options[++i]);
      if (parsed.count < 1) throw new RedisError(SYNTAX);
    } else if (is(options[i], 'match') && more) parsed.match = options[++i];
    else if (is(options[i], 'type') && more && allowType) parsed.type = options[++i].toLowerCase();
    else throw new RedisError(SYNTAX);
  }
  return parsed;
}

const matching = (pattern: string | undefined, name: string): boolean =>
  pattern === undefined || pattern === '*' || globMatch(pattern, name);

function scan(call: Call): Reply {
  const options = scanOptions(call.args[1], call.args.slice(2), true);
  const keys = call.db.keys();
  const end = Math.min(keys.length, options.cursor + options.count);
  const found = keys
    .slice(options.cursor, end)
    .filter((key) => matching(options.match, key))
    .filter((key) => options.type === undefined || (call.db.get(key)?.type as ValueType) === options.type);
  return array([bulk(end >= keys.length ? '0' : String(end)), bulks(found)]);
}

/** HSCAN, SSCAN, ZSCAN: `entries` lists a collection as name–reply pairs. */
function scanCollection(type: 'hash' | 'set' | 'zset'): (call: Call) => Reply {
  return (call) => {
    const options = scanOptions(call.args[2], call.args.slice(3), false);
    const value = call.db.typed(call.args[1], type);
    const items: string[] = [];
    if (value?.type === 'hash')
      for (const [field, data] of value.data) if (matching(options.match, field)) items.push(field, data);
    if (value?.type === 'set')
      items.push(...setMembers(value.data).filter((member) => matching(options.match, member)));
    if (value?.type === 'zset')
      for (const member of value.data.members())
        if (matching(options.match, member)) items.push(member, formatStoredScore(value.data.score(member) as number));
    return array([bulk('0'), bulks(items)]);
  };
}

export const SCAN_COMMANDS: CommandTable = {
  keys: { arity: 2, run: (call) => bulks(call.db.keys().filter((key) => matching(call.args[1], key))) },
  scan: { arity: -2, run: scan },
  hscan: { arity: -3, run: scanCollection('hash') },
  sscan: { arity: -3, run: scanCollection('set') },
  zscan: { arity: -3, run: scanCollection('zset') },
};
