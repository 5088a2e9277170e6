// redis-server as the official image runs it: redis 7.0.15's start-up log (no config file,
// memory overcommit off as on minikube), port 6379, and the shutdown lines on SIGTERM.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import type { Listener, ProcessContext, ProcessSignal } from '../types';
import { redisServer } from './server';

describe('redis-server', () => {
  it('logs its start, listens on 6379 and logs its shutdown on SIGTERM', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1, 10, 0, 0, 123));
    let log = '';
    const listening = new Map<number, Listener>();
    let deliver: ((signal: ProcessSignal) => void) | undefined;
    const ctx = {
      argv: ['redis-server'],
      stdout: { write: (text: string) => void (log += text) },
      clock,
      startedAt: clock.now(),
      pid1: true,
      onSignal: (handler: (signal: ProcessSignal) => void) => {
        deliver = handler;
        return () => (deliver = undefined);
      },
      listen: (port: number, listener: Listener) => {
        listening.set(port, listener);
        return () => listening.delete(port);
      },
    } as unknown as ProcessContext;
    const exited = redisServer(ctx);
    // redis 7.0.15's own lines (server.c), as its Debian build printed them under the oracle,
    // with the official image's pid 1 and no config file.
    const at = '01 Jan 2026 10:00:00.123';
    expect(log).toBe(
      `1:C ${at} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n` +
        `1:C ${at} # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started\n` +
        `1:C ${at} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n` +
        `1:M ${at} * monotonic clock: POSIX clock_gettime\n` +
        `1:M ${at} * Running mode=standalone, port=6379.\n` +
        `1:M ${at} # Server initialized\n` +
        `1:M ${at} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.\n` +
        `1:M ${at} * Ready to accept connections\n`,
    );
    expect(listening.get(6379)?.accept).toBeTypeOf('function');
    clock.advance(61_000);
    log = '';
    deliver?.('SIGTERM');
    expect(await exited).toBe(0);
    expect(listening.size).toBe(0);
    expect(log).toBe(
      '1:signal-handler (1767261661) Received SIGTERM scheduling shutdown...\n' +
        '1:M 01 Jan 2026 10:01:01.123 # User requested shutdown...\n' +
        '1:M 01 Jan 2026 10:01:01.123 * Saving the final RDB snapshot before exiting.\n' +
        '1:M 01 Jan 2026 10:01:01.123 * DB saved on disk\n' +
        '1:M 01 Jan 2026 10:01:01.123 # Redis is now ready to exit, bye bye...\n',
    );
  });
});
