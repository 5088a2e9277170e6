// Every command the server knows, by lower-case name.
import { BLOCKING_COMMANDS } from './blocking';
import type { CommandTable } from './command';
import { HASH_COMMANDS } from './hashes';
import { KEY_COMMANDS } from './keys';
import { LIST_COMMANDS } from './lists';
import { PUBSUB_COMMANDS } from './pubsub';
import { bulk } from './resp';
import { SCAN_COMMANDS } from './scan';
import { SERVER_COMMANDS } from './server-commands';
import { SET_COMMANDS } from './sets';
import { STRING_COMMANDS } from './strings';
import { ZSET_COMMANDS } from './zsets';

/** OBJECT ENCODING: what redis 7.0 picks for small values. */
const OBJECT: CommandTable = {
  object: {
    arity: -2,
    run: () => bulk(null),
    subcommands: {
      encoding: {
        arity: 3,
        run: (call) => {
          const value = call.db.get(call.args[2]);
          if (!value) return bulk(null);
          if (value.type === 'string')
            return bulk(/^(0|-?[1-9]\d{0,18})$/.test(value.data) ? 'int' : value.data.length <= 44 ? 'embstr' : 'raw');
          if (value.type === 'set')
            return bulk([...value.data].every((m) => /^(0|-?[1-9]\d*)$/.test(m)) ? 'intset' : 'hashtable');
          return bulk(value.type === 'list' ? 'quicklist' : 'listpack');
        },
      },
    },
  },
};

/** The transaction commands, run by the session itself (see session.ts); here for lookup. */
const byTheSession = (): never => {
  throw new Error('handled by ClientSession');
};
const TRANSACTIONS: CommandTable = {
  multi: { arity: 1, run: byTheSession },
  exec: { arity: 1, run: byTheSession },
  discard: { arity: 1, run: byTheSession },
  watch: { arity: -2, run: byTheSession },
  unwatch: { arity: 1, run: byTheSession },
  quit: { arity: -1, run: byTheSession },
  reset: { arity: 1, run: byTheSession },
};

export const COMMANDS: CommandTable = {
  ...TRANSACTIONS,
  ...STRING_COMMANDS,
  ...KEY_COMMANDS,
  ...SCAN_COMMANDS,
  ...LIST_COMMANDS,
  ...BLOCKING_COMMANDS,
  ...HASH_COMMANDS,
  ...SET_COMMANDS,
  ...ZSET_COMMANDS,
  ...SERVER_COMMANDS,
  ...PUBSUB_COMMANDS,
  ...OBJECT,
};
