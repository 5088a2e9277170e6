// For tests of image programs without a cluster: a ProcessContext over an image's files, on a
// virtual clock, that records the logs, the ports listened on, and delivers signals.
import { CancelController } from '../cancel';
import { VirtualClock } from '../clock';
import { Volume } from '../shell/fs/volume';
import type { ContainerNetwork, Listener, ProcessContext, ProcessSignal, Program } from './types';

export interface FakeProcess {
  ctx: ProcessContext;
  stdout: () => string;
  stderr: () => string;
  listeners: Map<number, Listener>;
  signal(signal: ProcessSignal): void;
  kill(): void;
  clock: VirtualClock;
}

export function fakeProcess(
  argv: string[],
  options: {
    files?: Record<string, string>;
    fs?: Volume;
    programs?: Record<string, Program>;
    env?: Record<string, string>;
    pid1?: boolean;
    clock?: VirtualClock;
    net?: ContainerNetwork;
    cwd?: string;
    /** Typed into the process's stdin, as one chunk. */
    stdin?: string | AsyncIterable<string>;
    tty?: boolean;
    hostname?: string;
  } = {},
): FakeProcess {
  const clock = options.clock ?? new VirtualClock(Date.UTC(2026, 0, 1));
  const fs = options.fs ?? new Volume(options.files ?? {});
  let out = '';
  let err = '';
  const handlers = new Set<(signal: ProcessSignal) => void>();
  const listeners = new Map<number, Listener>();
  const ended = new CancelController();
  const programs = options.programs ?? {};
  const ctx: ProcessContext = {
    argv,
    env: options.env ?? {},
    cwd: options.cwd ?? '/',
    stdout: { write: (text) => void (out += text) },
    stderr: { write: (text) => void (err += text) },
    stdin: typeof options.stdin === 'string' ? oneChunk(options.stdin) : options.stdin,
    tty: options.tty ?? false,
    fs,
    clock,
    hostname: options.hostname ?? 'web',
    startedAt: clock.now(),
    pid1: options.pid1 ?? true,
    onSignal: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    program: (name) => programs[name] ?? programs[name.split('/').pop() ?? ''],
    listen: (port, listener) => {
      if (listeners.has(port)) throw new Error('EADDRINUSE');
      listeners.set(port, listener);
      return () => listeners.delete(port);
    },
    spawn: (program, childArgv) => program({ ...ctx, argv: childArgv, pid1: false }),
    ended: ended.signal,
    net: options.net,
  };
  return {
    ctx,
    stdout: () => out,
    stderr: () => err,
    listeners,
    clock,
    signal: (signal) => [...handlers].forEach((handler) => handler(signal)),
    kill: () => ended.abort(),
  };
}

async function* oneChunk(text: string): AsyncIterable<string> {
  yield text;
}
