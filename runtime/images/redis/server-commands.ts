// The server's own commands: PING, ECHO, SELECT, DBSIZE, FLUSHDB/FLUSHALL, SWAPDB, CONFIG,
// INFO, TIME and the persistence commands (accepted; nothing is written).
import { intArg, is, SYNTAX } from './args';
import type { Call, CommandSpec, CommandTable } from './command';
import { globMatch } from './glob';
import { infoText } from './info';
import { RedisError } from './keyspace';
import { dbIndex } from './keys';
import { array, bulk, bulks, integer, ok, status, type Reply } from './resp';

/** The parameters CONFIG knows, with the official image's values. */
export function defaultConfig(port: number): Map<string, string> {
  return new Map([
    ['port', String(port)],
    ['bind', '* -::*'],
    ['protected-mode', 'no'],
    ['databases', '16'],
    ['maxmemory', '0'],
    ['maxmemory-policy', 'noeviction'],
    ['maxclients', '10000'],
    ['timeout', '0'],
    ['tcp-keepalive', '300'],
    ['appendonly', 'no'],
    ['save', '3600 1 300 100 60 10000'],
    ['dir', '/data'],
    ['dbfilename', 'dump.rdb'],
    ['loglevel', 'notice'],
    ['logfile', ''],
    ['requirepass', ''],
    ['daemonize', 'no'],
    ['hz', '10'],
    ['notify-keyspace-events', ''],
    ['set-max-intset-entries', '512'],
    ['hash-max-listpack-entries', '128'],
    ['hash-max-listpack-value', '64'],
    ['zset-max-listpack-entries', '128'],
    ['zset-max-listpack-value', '64'],
    ['list-max-listpack-size', '-2'],
  ]);
}

const POLICIES = [
  'volatile-lru',
  'volatile-lfu',
  'volatile-random',
  'volatile-ttl',
  'allkeys-lru',
  'allkeys-lfu',
  'allkeys-random',
  'noeviction',
];
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };

/** A CONFIG SET value as redis stores it, or the reason it is refused. */
function configValue(name: string, value: string): string | { error: string } {
  if (name === 'maxmemory') {
    const match = /^(\d+)([a-z]*)$/i.exec(value);
    const unit = match && UNITS[match[2].toLowerCase()];
    return match && unit ? String(Number(match[1]) * unit) : { error: 'argument must be a memory value' };
  }
  if (name === 'maxmemory-policy')
    return POLICIES.includes(value.toLowerCase())
      ? value.toLowerCase()
      : { error: `argument(s) must be one of the following: ${POLICIES.join(', ')}` };
  if (['appendonly', 'protected-mode', 'daemonize'].includes(name))
    return is(value, 'yes') || is(value, 'no') ? value.toLowerCase() : { error: "argument must be 'yes' or 'no'" };
  if (['port', 'databases', 'maxclients', 'timeout', 'tcp-keepalive', 'hz'].includes(name))
    return /^-?\d+$/.test(value) ? String(Number(value)) : { error: "argument couldn't be parsed into an integer" };
  return value;
}

const CONFIG: CommandSpec = {
  arity: -2,
  run: () => ok,
  subcommands: {
    get: {
      arity: -3,
      run: (call) => {
        const found = [...call.server.config].filter(([name]) =>
          call.args.slice(2).some((p) => globMatch(p.toLowerCase(), name)),
        );
        return bulks(found.flat());
      },
    },
    set: {
      arity: -4,
      run: (call) => {
        const pairs = call.args.slice(2);
        const updates: Array<[string, string]> = [];
        for (let i = 0; i < pairs.length; i += 2) {
          const name = pairs[i].toLowerCase();
          if (!call.server.config.has(name) || i + 1 >= pairs.length)
            throw new RedisError(`ERR Unknown option or number of arguments for CONFIG SET - '${pairs[i]}'`);
          const value = configValue(name, pairs[i + 1]);
          if (typeof value !== 'string')
            throw new RedisError(`ERR CONFIG SET failed (possibly related to argument '${pairs[i]}') - ${value.error}`);
          updates.push([name, value]);
        }
        for (const [name, value] of updates) call.server.config.set(name, value);
        return ok;
      },
    },
    resetstat: { arity: 2, run: () => ok },
    rewrite: {
      arity: 2,
      run: () => {
        throw new RedisError('ERR The server is running without a config file');
      },
    },
  },
};

function flush(scope: 'db' | 'all'): CommandSpec {
  return {
    arity: -1,
    run: (call) => {
      const mode = call.args[1];
      if (call.args.length > 2 || (mode !== undefined && !is(mode, 'async') && !is(mode, 'sync')))
        throw new RedisError(SYNTAX);
      for (const db of scope === 'all' ? call.server.keyspace.databases : [call.db]) db.clear();
      return ok;
    },
  };
}

function ping(call: Call): Reply {
  if (call.args.length > 2) throw new RedisError(`ERR wrong number of arguments for 'ping' command`);
  // A subscribed RESP2 client gets PING's reply as a push-like array.
  if (call.client.channels.size + call.client.patterns.size > 0) return bulks(['pong', call.args[1] ?? '']);
  return call.args.length === 2 ? bulk(call.args[1]) : status('PONG');
}

export const SERVER_COMMANDS: CommandTable = {
  ping: { arity: -1, run: ping },
  echo: { arity: 2, run: (call) => bulk(call.args[1]) },
  select: {
    arity: 2,
    run: (call) => {
      const index = intArg(call.args[1]);
      if (index < 0 || index >= 16) throw new RedisError('ERR DB index is out of range');
      call.client.db = index;
      return ok;
    },
  },
  dbsize: { arity: 1, run: (call) => integer(call.db.size()) },
  flushdb: flush('db'),
  flushall: flush('all'),
  swapdb: {
    arity: 3,
    run: (call) => {
      const [a, b] = [dbIndex(call.args[1]), dbIndex(call.args[2])];
      if (a !== b) call.server.keyspace.databases[a].swapWith(call.server.keyspace.databases[b]);
      return ok;
    },
  },
  config: CONFIG,
  info: { arity: -1, run: (call) => bulk(infoText(call)) },
  time: {
    arity: 1,
    run: (call) => {
      const now = call.server.clock.now();
      return bulks([String(Math.floor(now / 1000)), String((now % 1000) * 1000)]);
    },
  },
  lastsave: { arity: 1, run: (call) => integer(Math.floor(call.server.startedAt / 1000)) },
  save: { arity: 1, run: () => ok },
  bgsave: { arity: -1, run: () => status('Background saving started') },
  command: {
    arity: -1,
    run: () => array([]),
    subcommands: {
      count: { arity: 2, run: () => integer(240) },
      docs: { arity: -2, run: () => array([]) },
    },
  },
  client: {
    arity: -2,
    run: () => ok,
    subcommands: {
      id: { arity: 2, run: (call) => integer(call.client.id) },
      setname: { arity: 3, run: () => ok },
      getname: { arity: 2, run: () => bulk(null) },
    },
  },
};
