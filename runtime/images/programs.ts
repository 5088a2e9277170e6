import { normalizePath } from '../shell/fs/volume';
import { sh } from './container-shell';
import { tar } from './tar';
import { testProgram } from './test-program';
import type { ProcessContext, ProcessSignal, Program } from './types';

/** Exit status of a process killed by `signal` (128 + signal number), as a shell reports it. */
export const SIGNAL_EXIT: Record<ProcessSignal, number> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGQUIT: 131,
  SIGKILL: 137,
  SIGTERM: 143,
};

/**
 * Waits on the cluster clock for `ms`, or until a signal ends the wait. A process that is not
 * PID 1 dies of SIGTERM/SIGINT/SIGHUP/SIGQUIT (resolving the signal's exit status); PID 1 keeps
 * waiting, as the kernel ignores unhandled signals for it.
 */
export function sleepFor(ctx: ProcessContext, ms: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    if (ctx.ended?.aborted) return resolve(SIGNAL_EXIT.SIGKILL);
    const timer = Number.isFinite(ms) ? ctx.clock.setTimer(ms, () => finish(undefined)) : undefined;
    const unsubscribe = ctx.onSignal((signal) => {
      if (!ctx.pid1) finish(SIGNAL_EXIT[signal]);
    });
    const stopEnding = ctx.ended?.onAbort(() => finish(SIGNAL_EXIT.SIGKILL));
    function finish(code: number | undefined): void {
      timer?.cancel();
      unsubscribe();
      stopEnding?.();
      resolve(code);
    }
  });
}

/**
 * A daemon's main loop: runs until a signal it stops on (by default SIGTERM, SIGINT and SIGQUIT)
 * and exits 0, as nginx, redis and the Kubernetes components do.
 */
export function serveUntilStopped(
  ctx: ProcessContext,
  stopOn: ProcessSignal[] = ['SIGTERM', 'SIGINT', 'SIGQUIT'],
  onStop?: (signal: ProcessSignal) => void,
): Promise<number> {
  return new Promise((resolve) => {
    const unsubscribe = ctx.onSignal((signal) => {
      if (!stopOn.includes(signal)) return;
      unsubscribe();
      onStop?.(signal);
      resolve(0);
    });
  });
}

const sleep: Program = async (ctx) => {
  const operand = ctx.argv[1];
  if (operand === undefined) {
    ctx.stderr.write(
      'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n',
    );
    return 1;
  }
  let seconds = 0;
  for (const arg of ctx.argv.slice(1)) {
    const match = /^(\d+(?:\.\d*)?|inf(?:inity)?)([smhd]?)$/.exec(arg);
    if (!match) {
      ctx.stderr.write(`sleep: invalid number '${arg}'\n`);
      return 1;
    }
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]] ?? 1;
    seconds += match[1].startsWith('inf') ? Infinity : Number(match[1]) * unit;
  }
  return (await sleepFor(ctx, seconds * 1000)) ?? 0;
};

const echo: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  let newline = true;
  if (args[0] === '-n') {
    newline = false;
    args = args.slice(1);
  }
  ctx.stdout.write(args.join(' ') + (newline ? '\n' : ''));
  return 0;
};

/**
 * Runs `fn` for each operand path, printing busybox's `<name>: <what> '<path>': <error>` for
 * failures (`cat: can't open 'x': …`, `rm: can't remove 'x': …`), or `<name>: <path>: <error>`.
 */
function eachPath(ctx: ProcessContext, fn: (path: string) => void, what?: string): number {
  let status = 0;
  for (const arg of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      fn(normalizePath(arg, ctx.cwd));
    } catch (error) {
      const code = (error as Error).message;
      const text =
        code === 'ENOENT'
          ? 'No such file or directory'
          : code === 'EISDIR'
            ? 'Is a directory'
            : code === 'EROFS'
              ? 'Read-only file system'
              : code;
      const name = ctx.argv[0].split('/').pop();
      ctx.stderr.write(what ? `${name}: ${what} '${arg}': ${text}\n` : `${name}: ${arg}: ${text}\n`);
      status = 1;
    }
  }
  return status;
}

const cat: Program = async (ctx) => eachPath(ctx, (path) => ctx.stdout.write(ctx.fs.readFile(path)), "can't open");
const touch: Program = async (ctx) =>
  eachPath(ctx, (path) => {
    if (!ctx.fs.exists(path)) ctx.fs.writeFile(path, '');
  });
const rm: Program = async (ctx) => {
  const force = ctx.argv.some((a) => /^-[a-z]*f/.test(a));
  return eachPath(
    ctx,
    (path) => {
      if (!force || ctx.fs.exists(path)) ctx.fs.remove(path);
    },
    "can't remove",
  );
};
const mkdir: Program = async (ctx) => eachPath(ctx, (path) => ctx.fs.mkdir(path));
const env: Program = async (ctx) => {
  for (const [name, value] of Object.entries(ctx.env)) ctx.stdout.write(`${name}=${value}\n`);
  return 0;
};
const hostname: Program = async (ctx) => {
  ctx.stdout.write(`${ctx.hostname}\n`);
  return 0;
};

/** The everyday programs every simulated image carries (busybox applets or coreutils). */
export const BASE_PROGRAMS: Record<string, Program> = {
  sh,
  sleep,
  echo,
  true: async () => 0,
  false: async () => 1,
  cat,
  touch,
  rm,
  mkdir,
  env,
  hostname,
  tar,
  test: testProgram,
  '[': testProgram,
};
