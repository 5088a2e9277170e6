// redis-server: the keyspace and its clients behind a RESP listener, and the program that logs
// as the official image's redis 7.0.15 does, listens on 6379 and serves until SIGTERM. Data
// lives in the process: the shutdown log's final RDB save is what redis prints, but a new
// container starts from an empty /data, as a pod without a volume does.
import type { Clock } from '../../clock';
import type { Socket } from '../../network/socket';
import { redisTime } from '../log-time';
import { serveUntilStopped } from '../programs';
import type { Listener, Program } from '../types';
import { asBytes } from './bytes';
import type { ClientState, ServerState } from './command';
import { BlockedClients } from './blocking';
import { Keyspace } from './keyspace';
import { PubSub } from './pubsub';
import { CommandParser, encodeReply, ProtocolError } from './resp';
import { defaultConfig } from './server-commands';
import { ClientSession } from './session';
import { REDIS_VERSION } from './version';

/** A running server's state and its listener. */
export interface RedisServer {
  state: ServerState;
  listener: Listener;
}

/** A server with an empty keyspace on `clock`. */
export function createRedisServer(clock: Clock, port = 6379): RedisServer {
  const connected = new Set<ClientState>();
  let nextId = 2;
  const blocked = new BlockedClients(clock);
  const state: ServerState = {
    clock,
    keyspace: new Keyspace(clock, () => blocked.keyChanged()),
    pubsub: new PubSub(),
    blocked,
    config: defaultConfig(port),
    startedAt: clock.now(),
    clients: () => connected.size,
  };
  const accept = (socket: Socket): void => {
    const client: ClientState = {
      id: nextId++,
      db: 0,
      watching: new Map(),
      channels: new Set(),
      patterns: new Set(),
      push: (reply) => socket.write(encodeReply(reply)),
    };
    connected.add(client);
    const session = new ClientSession(state, client);
    void serveClient(socket, session).finally(() => {
      connected.delete(client);
      session.disconnect();
      socket.end();
    });
  };
  return { state, listener: { protocol: 'TCP', accept } };
}

/**
 * Answers the commands arriving on `socket` in order until the client quits or hangs up (what
 * it sent before hanging up is still answered). The socket is read on its own, so a client that
 * hangs up while blocked (BLPOP) is noticed.
 */
async function serveClient(socket: Socket, session: ClientSession): Promise<void> {
  const parser = new CommandParser();
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  void (async () => {
    for await (const chunk of socket.input) {
      parser.push(asBytes(chunk));
      notify();
    }
    ended = true;
    // A client that hangs up while blocked (BLPOP) waits no more.
    session.disconnect();
    notify();
  })();
  for (;;) {
    let args: string[] | undefined;
    try {
      args = parser.next();
    } catch (thrown) {
      if (!(thrown instanceof ProtocolError)) throw thrown;
      socket.write(`-ERR Protocol error: ${thrown.message}\r\n`);
      return;
    }
    if (!args) {
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const replies = await session.execute(args);
    socket.write(replies.map(encodeReply).join(''));
    if (args[0].toLowerCase() === 'quit') return;
  }
}

/** The start-up log of the official image (no config file; vm.overcommit_memory is 0 on minikube). */
function startupLog(at: string): string[] {
  return [
    `1:C ${at} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${at} # Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${at} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
    `1:M ${at} * monotonic clock: POSIX clock_gettime`,
    `1:M ${at} * Running mode=standalone, port=6379.`,
    `1:M ${at} # Server initialized`,
    `1:M ${at} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:M ${at} * Ready to accept connections`,
  ];
}

/** `redis-server`: logs its start, serves 6379, and saves and logs its way out on SIGTERM. */
export const redisServer: Program = (ctx) => {
  for (const line of startupLog(redisTime(ctx.startedAt))) ctx.stdout.write(`${line}\n`);
  const server = createRedisServer(ctx.clock);
  const close = ctx.listen(6379, server.listener);
  return serveUntilStopped(ctx, ['SIGTERM', 'SIGINT'], (signal) => {
    close();
    const now = ctx.clock.now();
    const at = redisTime(now);
    ctx.stdout.write(`1:signal-handler (${Math.floor(now / 1000)}) Received ${signal} scheduling shutdown...\n`);
    ctx.stdout.write(`1:M ${at} # User requested shutdown...\n`);
    ctx.stdout.write(`1:M ${at} * Saving the final RDB snapshot before exiting.\n`);
    ctx.stdout.write(`1:M ${at} * DB saved on disk\n`);
    ctx.stdout.write(`1:M ${at} # Redis is now ready to exit, bye bye...\n`);
  });
};
