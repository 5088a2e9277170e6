// What a command implementation sees, and how the command table describes commands.
import type { Clock } from '../../clock';
import type { BlockedClients } from './blocking';
import type { Database, Keyspace } from './keyspace';
import type { PubSub } from './pubsub';
import type { Reply } from './resp';

/** The server as commands see it. */
export interface ServerState {
  clock: Clock;
  keyspace: Keyspace;
  pubsub: PubSub;
  blocked: BlockedClients;
  /** CONFIG parameters by name, values as CONFIG GET prints them. */
  config: Map<string, string>;
  /** When the server started (epoch ms), for INFO. */
  startedAt: number;
  /** Connected clients, for INFO. */
  clients(): number;
}

/** One connection's state. */
export interface ClientState {
  id: number;
  db: number;
  /** Commands queued since MULTI; `dirty` when one was rejected. */
  multi?: { queue: string[][]; dirty: boolean };
  /** Versions of WATCHed keys at WATCH time, by `db\nkey`. */
  watching: Map<string, number>;
  channels: Set<string>;
  patterns: Set<string>;
  /** Sends a reply outside the request/reply flow (published messages). */
  push(reply: Reply): void;
}

/** One call of a command. `args[0]` is the name as sent. */
export interface Call {
  args: string[];
  db: Database;
  server: ServerState;
  client: ClientState;
  /** Run by EXEC: blocking commands do not block. */
  transaction?: boolean;
}

/**
 * A command: its arity as redis counts it (negative: at least that many) and its handler, which
 * returns its reply (a list for commands that send several, as SUBSCRIBE does per channel; a
 * promise for a blocking command that waits).
 */
export interface CommandSpec {
  arity: number;
  run(call: Call): Reply | Reply[] | Promise<Reply>;
  /** A container (CONFIG, PUBSUB, OBJECT): its subcommands by lower-case name. */
  subcommands?: Record<string, CommandSpec>;
}

export type CommandTable = Record<string, CommandSpec>;
