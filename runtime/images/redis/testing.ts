// For tests: redis-cli processes wired straight to a server in the same process (a fake
// container network whose connect pairs sockets with the server's accept).
import { VirtualClock } from '../../clock';
import { NetError, socketPair } from '../../network/socket';
import type { ProcessContext, ProcessSignal } from '../types';
import { redisCli } from './cli';
import { createRedisServer, type RedisServer } from './server';

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number;
}

/** A server on a virtual clock, and a way to run redis-cli against it (127.0.0.1:6379 only). */
export function redisFixture(start = Date.UTC(2026, 0, 1)): {
  clock: VirtualClock;
  server: RedisServer;
  context(
    argv: string[],
    options?: { tty?: boolean; stdin?: AsyncIterable<string> },
  ): { ctx: ProcessContext; output: CliRun; signal(s: ProcessSignal): void };
  run(argv: string[], input?: string, tty?: boolean): Promise<CliRun>;
} {
  const clock = new VirtualClock(start);
  const server = createRedisServer(clock);
  let port = 40000;
  const context = (argv: string[], options: { tty?: boolean; stdin?: AsyncIterable<string> } = {}) => {
    const output: CliRun = { stdout: '', stderr: '', status: -1 };
    const handlers = new Set<(signal: ProcessSignal) => void>();
    const ctx = {
      argv,
      env: {},
      cwd: '/data',
      stdout: { write: (text: string) => void (output.stdout += text) },
      stderr: { write: (text: string) => void (output.stderr += text) },
      stdin: options.stdin,
      tty: options.tty ?? false,
      clock,
      hostname: 'redis',
      startedAt: clock.now(),
      pid1: false,
      onSignal: (handler: (signal: ProcessSignal) => void) => {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      net: {
        address: '127.0.0.1',
        connect: async (ip: string, to: number) => {
          if (ip !== '127.0.0.1' || to !== 6379) throw new NetError('ECONNREFUSED', ip, to);
          const [client, served] = socketPair({ address: ip, port: port++ }, { address: ip, port: to });
          server.listener.accept?.(served);
          return client;
        },
      },
    } as unknown as ProcessContext;
    return { ctx, output, signal: (s: ProcessSignal) => handlers.forEach((handler) => handler(s)) };
  };
  return {
    clock,
    server,
    context,
    async run(argv, input, tty) {
      const stdin =
        input === undefined
          ? undefined
          : (async function* () {
              yield input;
            })();
      const { ctx, output } = context(argv, { tty, stdin });
      output.status = await redisCli(ctx);
      return output;
    },
  };
}

/** Keys typed into a process, a chunk at a time, until `end`. */
export function keyboard(): { stdin: AsyncIterable<string>; type(text: string): void; end(): void } {
  const chunks: Array<string | null> = [];
  let wake: (() => void) | undefined;
  const push = (chunk: string | null): void => {
    chunks.push(chunk);
    wake?.();
    wake = undefined;
  };
  return {
    stdin: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          if (chunks.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const chunk = chunks.shift() as string | null;
          if (chunk === null) return;
          yield chunk;
        }
      },
    },
    type: (text) => push(text),
    end: () => push(null),
  };
}

/** Lets pending promise work run (socket hops, the cli's reads: all microtasks). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 200; i++) await Promise.resolve();
}
