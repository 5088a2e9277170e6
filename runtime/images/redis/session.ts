// One client's commands through the server: lookup and arity as processCommand checks them, the
// pub/sub context's restrictions, MULTI/EXEC/DISCARD/WATCH, and errors thrown by commands
// turned into error replies.
import type { ClientState, CommandSpec, ServerState } from './command';
import { COMMANDS } from './command-table';
import { RedisError } from './keyspace';
import { array, error, nilArray, ok, status, type Reply } from './resp';

/** The command `args` names, or the error redis rejects it with. */
function lookup(args: string[]): { spec: CommandSpec; fullName: string } | { error: string } {
  const name = args[0].toLowerCase();
  const container = COMMANDS[name];
  if (!container) {
    // Each argument quoted and followed by a space, up to 128 characters; newlines blanked.
    let shown = '';
    for (const arg of args.slice(1)) {
      if (shown.length >= 128) break;
      shown += `'${arg.slice(0, 128 - shown.length)}' `;
    }
    return {
      error: `ERR unknown command '${args[0].slice(0, 128)}', with args beginning with: ${shown}`.replace(
        /[\r\n]/g,
        ' ',
      ),
    };
  }
  if (container.subcommands && args.length >= 2) {
    const sub = container.subcommands[args[1].toLowerCase()];
    if (!sub)
      return {
        error: `ERR unknown subcommand '${args[1].slice(0, 128)}'. Try ${name.toUpperCase()} HELP.`.replace(
          /[\r\n]/g,
          ' ',
        ),
      };
    return arityOk(sub, args)
      ? { spec: sub, fullName: `${name}|${args[1].toLowerCase()}` }
      : arityError(`${name}|${args[1].toLowerCase()}`);
  }
  return arityOk(container, args) ? { spec: container, fullName: name } : arityError(name);
}

const arityOk = (spec: CommandSpec, args: string[]): boolean =>
  spec.arity > 0 ? args.length === spec.arity : args.length >= -spec.arity;

const arityError = (name: string): { error: string } => ({
  error: `ERR wrong number of arguments for '${name}' command`,
});

const PUBSUB_ALLOWED = new Set([
  'subscribe',
  'psubscribe',
  'unsubscribe',
  'punsubscribe',
  'ping',
  'quit',
  'reset',
  'ssubscribe',
  'sunsubscribe',
]);
const NOT_QUEUED = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

/** A connection's view of the server. */
export class ClientSession {
  constructor(
    private readonly server: ServerState,
    readonly client: ClientState,
  ) {}

  /** The replies to one command (several for SUBSCRIBE with several channels). */
  execute(args: string[], transaction = false): Reply[] | Promise<Reply[]> {
    const found = lookup(args);
    const name = args[0].toLowerCase();
    if ('error' in found) {
      if (this.client.multi) this.client.multi.dirty = true;
      return [error(found.error)];
    }
    if (this.client.channels.size + this.client.patterns.size > 0 && !PUBSUB_ALLOWED.has(name))
      return [
        error(
          `ERR Can't execute '${found.fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
        ),
      ];
    if (this.client.multi && !NOT_QUEUED.has(name)) {
      this.client.multi.queue.push(args);
      return [status('QUEUED')];
    }
    switch (name) {
      case 'multi':
        if (this.client.multi) return [error('ERR MULTI calls can not be nested')];
        this.client.multi = { queue: [], dirty: false };
        return [ok];
      case 'discard':
        if (!this.client.multi) return [error('ERR DISCARD without MULTI')];
        this.client.multi = undefined;
        this.client.watching.clear();
        return [ok];
      case 'exec':
        return [this.exec()];
      case 'watch':
        if (this.client.multi) return [error('ERR WATCH inside MULTI is not allowed')];
        for (const key of args.slice(1))
          this.client.watching.set(`${this.client.db}\n${key}`, this.version(this.client.db, key));
        return [ok];
      case 'unwatch':
        this.client.watching.clear();
        return [ok];
      case 'quit':
      case 'reset':
        return [ok];
    }
    return this.run(found.spec, args, transaction);
  }

  /** The connection closed: a blocked command waits no more. */
  disconnect(): void {
    this.server.blocked.drop(this.client);
    this.server.pubsub.forget(this.client);
  }

  private version(db: number, key: string): number {
    return this.server.keyspace.databases[db].version(key);
  }

  private exec(): Reply {
    const multi = this.client.multi;
    if (!multi) return error('ERR EXEC without MULTI');
    this.client.multi = undefined;
    const watched = [...this.client.watching];
    this.client.watching.clear();
    if (multi.dirty) return error('EXECABORT Transaction discarded because of previous errors.');
    for (const [name, version] of watched) {
      const [db, ...key] = name.split('\n');
      if (this.version(Number(db), key.join('\n')) !== version) return nilArray;
    }
    // Queued commands run without blocking, so their replies are immediate.
    return array(multi.queue.flatMap((args) => this.execute(args, true) as Reply[]));
  }

  private run(spec: CommandSpec, args: string[], transaction: boolean): Reply[] | Promise<Reply[]> {
    try {
      const db = this.server.keyspace.databases[this.client.db];
      const reply = spec.run({ args, db, server: this.server, client: this.client, transaction });
      if (reply instanceof Promise) return reply.then((late) => [late]);
      return Array.isArray(reply) ? reply : [reply];
    } catch (thrown) {
      if (thrown instanceof RedisError) return [error(thrown.message)];
      throw thrown;
    }
  }
}
