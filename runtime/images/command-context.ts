// A host shell command run as a container's process: its streams, files and environment as the
// command's context, with no learner host behind it (no API, no history).
import { CancelController } from '../cancel';
import type { ApiClient } from '../api/client';
import type { CommandContext } from '../shell/command';
import type { HistoryList } from '../shell/history';
import { EMPTY_INPUT, type InputStream } from '../shell/process';
import type { OutputStream, ProcessContext } from './types';

/** The process's stdin chunks as the shell's InputStream. */
export function inputOf(stdin: AsyncIterable<string> | undefined): InputStream {
  if (!stdin) return EMPTY_INPUT;
  const iterator = stdin[Symbol.asyncIterator]();
  return {
    read: async () => {
      const next = await iterator.next();
      return next.done ? null : next.value;
    },
    close: () => void iterator.return?.(),
  };
}

/** The shell-side context of a command run as `ctx`'s process. */
export function commandContext(ctx: ProcessContext, stderr: OutputStream = ctx.stderr): CommandContext {
  const never = new CancelController();
  return {
    argv: ctx.argv,
    stdin: inputOf(ctx.stdin),
    stdout: ctx.stdout as CommandContext['stdout'],
    stderr: stderr as CommandContext['stderr'],
    env: ctx.env,
    cwd: ctx.cwd,
    fs: ctx.fs,
    // A container's terminal, as far as a command asks of it (whether there is one).
    tty: ctx.tty ? { cols: 80, rows: 24, setRawMode: () => {}, onResize: () => () => {} } : undefined,
    signal: ctx.ended ?? never.signal,
    shell: {
      clock: ctx.clock,
      fs: ctx.fs,
      commands: new Map(),
      // A container's programs never reach the learner's API or history.
      api: undefined as unknown as ApiClient,
      history: undefined as unknown as HistoryList,
      exit: () => {},
      lastStatus: () => 0,
    },
  };
}
