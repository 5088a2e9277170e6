// Blocking pops (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH): served at once when a list has elements;
// otherwise the client waits, first come first served, until a push reaches one of its keys or
// its timeout passes on the server's clock (0 waits for ever). Inside MULTI they never block.
import type { Clock, TimerHandle } from '../../clock';
import { toDouble } from './args';
import type { Call, CommandTable, ClientState } from './command';
import { RedisError, type Database } from './keyspace';
import { listEnd, moveElement, type End } from './lists';
import { bulks, nil, nilArray, type Reply } from './resp';

interface Waiter {
  client: ClientState;
  db: Database;
  keys: string[];
  /** Tries to serve the client: its reply, or undefined while its lists are empty. */
  serve(): Reply | undefined;
  resolve(reply: Reply | undefined): void;
  timer?: TimerHandle;
}

/** The clients blocked on keys. */
export class BlockedClients {
  private waiters: Waiter[] = [];
  private scheduled = false;

  constructor(private readonly clock: Clock) {}

  /** Waits until `serve` has a reply; undefined when `timeoutMs` (0: never) passes or the client left. */
  wait(call: Call, keys: string[], timeoutMs: number, serve: () => Reply | undefined): Promise<Reply | undefined> {
    return new Promise((resolve) => {
      const waiter: Waiter = { client: call.client, db: call.db, keys, serve, resolve };
      if (timeoutMs > 0) waiter.timer = this.clock.setTimer(timeoutMs, () => this.finish(waiter, undefined));
      this.waiters.push(waiter);
    });
  }

  /** A key changed: blocked clients are served after the command that changed it has replied. */
  keyChanged(): void {
    if (this.scheduled || this.waiters.length === 0) return;
    this.scheduled = true;
    void Promise.resolve().then(() => {
      this.scheduled = false;
      for (const waiter of [...this.waiters]) {
        const reply = waiter.serve();
        if (reply) this.finish(waiter, reply);
      }
    });
  }

  /** The client disconnected: it waits no more. */
  drop(client: ClientState): void {
    for (const waiter of this.waiters.filter((w) => w.client === client)) this.finish(waiter, undefined);
  }

  private finish(waiter: Waiter, reply: Reply | undefined): void {
    waiter.timer?.cancel();
    this.waiters = this.waiters.filter((w) => w !== waiter);
    waiter.resolve(reply);
  }
}

/** A blocking timeout in seconds, as milliseconds (rounded up). */
function timeoutMs(text: string): number {
  const seconds = toDouble(text);
  if (seconds === undefined || !Number.isFinite(seconds))
    throw new RedisError('ERR timeout is not a float or out of range');
  if (seconds < 0) throw new RedisError('ERR timeout is negative');
  return Math.ceil(seconds * 1000);
}

/**
 * Serves now, or (outside MULTI) waits: `serve` is tried at once and after each change;
 * `none` is the reply when nothing came (a null array for pops, a null for moves).
 */
function block(
  call: Call,
  keys: string[],
  timeoutText: string,
  serve: () => Reply | undefined,
  none: Reply,
): Reply | Promise<Reply> {
  const timeout = timeoutMs(timeoutText);
  const now = serve();
  if (now) return now;
  if (call.transaction) return none;
  return call.server.blocked.wait(call, keys, timeout, serve).then((reply) => reply ?? none);
}

function blockingPop(end: End): (call: Call) => Reply | Promise<Reply> {
  return (call) => {
    const keys = call.args.slice(1, -1);
    const serve = (): Reply | undefined => {
      for (const key of keys) {
        const element = listEnd(call, key, end);
        if (element !== undefined) return bulks([key, element]);
      }
      return undefined;
    };
    return block(call, keys, call.args[call.args.length - 1], serve, nilArray);
  };
}

function blockingMove(
  call: Call,
  from: string,
  to: string,
  fromEnd: End,
  toEnd: End,
  timeout: string,
): Reply | Promise<Reply> {
  const serve = (): Reply | undefined => {
    const moved = moveElement(call, from, to, fromEnd, toEnd);
    return moved.type === 'bulk' && moved.value === null ? undefined : moved;
  };
  return block(call, [from], timeout, serve, nil);
}

const end = (text: string): End => {
  const lower = text.toLowerCase();
  if (lower !== 'left' && lower !== 'right') throw new RedisError('ERR syntax error');
  return lower;
};

export const BLOCKING_COMMANDS: CommandTable = {
  blpop: { arity: -3, run: blockingPop('left') },
  brpop: { arity: -3, run: blockingPop('right') },
  brpoplpush: {
    arity: 4,
    run: (call) => blockingMove(call, call.args[1], call.args[2], 'right', 'left', call.args[3]),
  },
  blmove: {
    arity: 6,
    run: (call) => blockingMove(call, call.args[1], call.args[2], end(call.args[3]), end(call.args[4]), call.args[5]),
  },
};
