// `sh` inside a container: the shell's interpreter over the container's filesystem, with the
// image's programs as its commands and busybox ash's wording for its own errors. It runs
// `sh -c 'script'` (the commands of countless pod specs), a script file, or what stdin brings
// (a prompt first when a terminal is attached); with no stdin at all it ends at once, as
// `kubectl run b --image=busybox` shows (the pod completes and restarts).
import { CancelController } from '../cancel';
import type { ApiClient } from '../api/client';
import type { CommandContext, ShellCommand, ShellServices } from '../shell/command';
import type { HistoryList } from '../shell/history';
import { Interpreter, type ShellRuntime } from '../shell/interpreter/interpreter';
import { runInteractive } from '../shell/interpreter/nested-shell';
import { runText, type TextOrigin } from '../shell/interpreter/script';
import { ExitSignal } from '../shell/interpreter/signals';
import { ShellState, type Dialect } from '../shell/interpreter/state';
import { standardFds, type Fds } from '../shell/interpreter/streams';
import { TerminalInput } from '../shell/terminal-input';
import { normalizePath } from '../shell/fs/volume';
import { readAll, type InputStream } from '../shell/process';
import { inputOf } from './command-context';
import type { ProcessContext, Program } from './types';

/** What tells the shells of images apart: their name, wording, complaints and prompt. */
interface Flavor {
  name: 'sh' | 'bash';
  dialect: Dialect;
  /** Starts a `-c` string's syntax errors. */
  commandLabel: string;
  /** What names a `-c` string's errors (dash: `sh: 1:`; bash and ash name no line). */
  commandErrorName?: string;
  cannotOpen(file: string): string;
  /** `sh -c` without its string. */
  missingCommand: string;
  cannotOpenStatus: number;
  /** The prompt for root in `cwd` on `hostname`. */
  prompt(cwd: string, hostname: string): string;
}

/** busybox's ash (busybox, alpine): PS1 `\w \$ `. */
const ASH: Flavor = {
  name: 'sh',
  dialect: 'ash',
  commandLabel: 'sh: ',
  cannotOpen: (file) => `sh: can't open '${file}': No such file or directory`,
  missingCommand: 'sh: -c requires an argument',
  cannotOpenStatus: 2,
  prompt: (cwd) => `${cwd} # `,
};

/** Debian's dash as /bin/sh (the nginx and redis images): PS1 `# ` for root. */
const DASH: Flavor = {
  name: 'sh',
  dialect: 'dash',
  commandLabel: 'sh: ',
  commandErrorName: 'sh',
  cannotOpen: (file) => `sh: 0: cannot open ${file}: No such file`,
  missingCommand: 'sh: 0: -c requires an argument',
  cannotOpenStatus: 2,
  prompt: () => '# ',
};

/** Debian's bash in a container: root's default prompt. */
const BASH: Flavor = {
  name: 'bash',
  dialect: 'bash',
  commandLabel: 'bash: -c: ',
  cannotOpen: (file) => `bash: ${file}: No such file or directory`,
  missingCommand: 'bash: -c: option requires an argument',
  cannotOpenStatus: 127,
  prompt: (cwd, hostname) => `root@${hostname}:${cwd}# `,
};

/** The image's program `program` as a command of the interpreter: a child process of `sh`. */
function asCommand(ctx: ProcessContext, name: string, program: Program): ShellCommand {
  return {
    name,
    summary: '',
    run: (child: CommandContext) =>
      program({
        ...ctx,
        argv: child.argv,
        env: { ...child.env },
        cwd: child.cwd,
        stdout: child.stdout,
        stderr: child.stderr,
        stdin: chunks(child.stdin),
        pid1: false,
        // Signals go to PID 1 alone; its children end with the container.
        onSignal: () => () => {},
      }),
  };
}

/** An InputStream as the async chunks programs read. */
async function* chunks(input: InputStream): AsyncGenerator<string> {
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) yield chunk;
}

/** The image's programs by name, looked up on the image's PATH as the shell asks for them. */
class ImagePrograms extends Map<string, ShellCommand> {
  constructor(private readonly ctx: ProcessContext) {
    super();
  }

  override get(name: string): ShellCommand | undefined {
    if (!super.has(name)) {
      const program = this.ctx.program(name);
      if (!program) return undefined;
      super.set(name, asCommand(this.ctx, name, program));
    }
    return super.get(name);
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

/** The shell's services in a container: no host API or history, the container's files and programs. */
function containerServices(ctx: ProcessContext): Omit<ShellServices, 'exit' | 'lastStatus'> {
  return {
    clock: ctx.clock,
    fs: ctx.fs,
    commands: new ImagePrograms(ctx),
    // The image's programs never reach the learner's host, so a container has neither.
    api: undefined as unknown as ApiClient,
    history: undefined as unknown as HistoryList,
  };
}

/** The shell program of `flavor`. */
const shellOf =
  (flavor: Flavor): Program =>
  async (ctx) => {
    const stopped = new CancelController();
    const unsubscribe = ctx.ended?.onAbort(() => stopped.abort()) ?? (() => {});
    let pid = 1;
    const runtime: ShellRuntime = {
      services: containerServices(ctx),
      interactive: false,
      nextPid: () => ++pid,
      ticks: 0,
    };
    const state = new ShellState();
    for (const [name, value] of Object.entries(ctx.env)) state.set(name, value, true);
    state.cwd = ctx.cwd;
    state.pid = ctx.pid1 ? 1 : 100;
    state.dialect = flavor.dialect;
    state.set('0', flavor.name);
    const stdin = inputOf(ctx.stdin);
    const shell = new Interpreter(state, runtime, stopped.signal);
    const fds = standardFds(stdin, ctx.stdout, ctx.stderr);
    const origin: TextOrigin = { label: flavor.commandLabel, aliases: false, dialect: flavor.dialect };
    try {
      const args = ctx.argv.slice(1);
      if (args[0] === '-c') {
        if (args[1] === undefined) {
          ctx.stderr.write(`${flavor.missingCommand}\n`);
          return 2;
        }
        state.errorName = flavor.commandErrorName;
        if (args[2] !== undefined) state.set('0', args[2]);
        state.positional = args.slice(3);
        return await shell.guard(() => runText(shell, args[1], fds, origin), fds);
      }
      if (args.length > 0) {
        let text: string;
        try {
          text = ctx.fs.readFile(normalizePath(args[0], ctx.cwd));
        } catch {
          ctx.stderr.write(`${flavor.cannotOpen(args[0])}\n`);
          return flavor.cannotOpenStatus;
        }
        state.set('0', args[0]);
        state.positional = args.slice(1);
        state.errorName = args[0];
        return await shell.guard(() => runText(shell, text, fds, { ...origin, label: `${args[0]}: ` }), fds);
      }
      if (!ctx.stdin) return 0;
      if (ctx.tty) return await interactive(shell, ctx, fds, flavor);
      return await shell.guard(async () => runText(shell, await readAll(stdin), fds, origin), fds);
    } catch (error) {
      if (error instanceof ExitSignal) return error.status;
      throw error;
    } finally {
      unsubscribe();
    }
  };

/**
 * A terminal session (`kubectl exec -ti … -- sh`): the container's terminal echoes what is
 * typed and hands over whole lines (the shell's line discipline), and the shell prompts for each.
 */
function interactive(shell: Interpreter, ctx: ProcessContext, fds: Fds, flavor: Flavor): Promise<number> {
  const terminal = new TerminalInput((text) => void ctx.stdout.write(text));
  void (async () => {
    for await (const chunk of ctx.stdin ?? []) terminal.feed(chunk);
    // The stream's end is an end of file after what was typed (twice: a partial line first).
    terminal.feed('\x04\x04');
  })();
  return runInteractive(
    shell,
    fds,
    terminal,
    ctx.stdout,
    {
      primary: () => flavor.prompt(shell.state.cwd, ctx.hostname),
      continuation: () => '> ',
      atEnd: flavor.name === 'bash' ? 'exit\n' : '',
    },
    { aliases: false, dialect: flavor.dialect },
  );
}

/** busybox's `sh` (ash), in busybox and alpine. */
export const sh: Program = shellOf(ASH);

/** The shells of Debian-based images (nginx, redis): dash as `sh`, and bash. */
export const DEBIAN_SHELLS: Record<string, Program> = { sh: shellOf(DASH), bash: shellOf(BASH) };
