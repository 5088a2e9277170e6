// For tests: redis-cli processes wired straight to a server in the same process (a fake
// container network whose connect pairs sockets with the server's accept).
import { VirtualClock } from '../../clock';
import { NetError, socketPair } from '../../network/socket';
import { fakeProcess } from '../fake-process';
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
    const refused = (ip: string, to: number): Promise<never> => Promise.reject(new NetError('ECONNREFUSED', ip, to));
    const cli = fakeProcess(argv, {
      clock,
      cwd: '/data',
      hostname: 'redis',
      pid1: false,
      tty: options.tty,
      stdin: options.stdin,
      net: {
        address: '127.0.0.1',
        connect: async (ip, to) => {
          if (ip !== '127.0.0.1' || to !== 6379) return refused(ip, to);
          const [client, served] = socketPair({ address: ip, port: port++ }, { address: ip, port: to });
          server.listener.accept?.(served);
          return client;
        },
        http: (ip, to) => refused(ip, to),
        query: (dns) => refused(dns, 53),
      },
    });
    const output: CliRun = {
      get stdout() {
        return cli.stdout();
      },
      get stderr() {
        return cli.stderr();
      },
      status: -1,
    };
    return { ctx: cli.ctx, output, signal: cli.signal };
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
