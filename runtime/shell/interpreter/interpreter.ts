// The tree-walking interpreter: lists, and-or lists, pipelines (run concurrently over pipes),
// simple commands (functions, then builtins, then the host's commands), background jobs and
// subshells. Simple commands are in invoke.ts, pipeline members in pipeline.ts, command
// substitution in substitution.ts; compound commands in compound.ts.
import type { CancelSignal } from '../../cancel';
import type { ShellServices, Tty } from '../command';
import { BrokenPipeError, SIGPIPE_STATUS, type InputStream, type OutputStream } from '../process';
import type { AndOr, Command, List, Pipeline } from '../syntax/ast';
import { commandText } from './command-text';
import { runCompound } from './compound';
import { expandString, expandWords, type ExpansionHost } from './expand';
import { controlsJobs, runForeground, startBackground, type ForegroundSlot } from './foreground';
import { invoke, runSimple } from './invoke';
import type { Job } from './job';
import type { ReportPlace } from './job-report';
import { runPipelineCommands } from './pipeline';
import { applyRedirects, RedirectError } from './redirect';
import {
  BreakSignal,
  ContinueSignal,
  ExitSignal,
  InterruptSignal,
  ReturnSignal,
  ShellError,
  SIGINT_STATUS,
} from './signals';
import { ShellState } from './state';
import { outputOf, type Fds } from './streams';
import { substitute } from './substitution';
import { checkFork } from './processes';
import { processSubstitution, withProcessSubstitutions, wordsOf } from './process-substitution';

export { MAX_FUNCTION_DEPTH } from './invoke';

/** Commands run between two yields to the event loop, so that Ctrl-C gets through a busy loop. */
const YIELD_EVERY = 500;

/** What every shell of one session shares. */
export interface ShellRuntime {
  services: Omit<ShellServices, 'exit' | 'lastStatus'>;
  /** An interactive shell announces background jobs and says `exit` when it exits. */
  interactive: boolean;
  /** A process id for a new background job. */
  nextPid(): number;
  /** Commands run so far (for yielding now and then). */
  ticks: number;
  /** When the session's login shell started (epoch ms), for ps. */
  startedAt?: number;
  /** The session's own shell, a login shell (`logout` works there alone). */
  login?: boolean;
  /** Subshells, pipeline members and jobs alive now (bounded, as `ulimit -u` bounds forks). */
  processes?: number;
  /**
   * The terminal of an interactive command line: a command whose standard output is the
   * terminal's gets its TTY (so `ls` lays out columns and `vi` takes the screen).
   */
  terminal?: { output: OutputStream; tty: Tty; input?: InputStream };
  /** Job control, in an interactive session: the foreground job, which Ctrl-Z stops. */
  foreground?: ForegroundSlot;
}

/** One shell process: the top-level shell, or a subshell with its own copy of the state. */
export class Interpreter {
  loopDepth = 0;
  functionDepth = 0;
  sourceDepth = 0;
  /** Inside an `if`/`while` condition or on the left of && and ||: `set -e` does not apply. */
  conditionDepth = 0;
  /** The status of the last command substitution of the current simple command (substitution.ts sets it). */
  substitutionStatus: number | undefined;
  /** The simple command being run (its text names the job if Ctrl-Z stops it; invoke.ts sets it). */
  simpleCommand: Command | undefined;

  constructor(
    readonly state: ShellState,
    readonly runtime: ShellRuntime,
    readonly signal: CancelSignal,
    readonly isSubshell = false,
    /** The job this shell runs in, if any: stopping it holds the shell between commands. */
    readonly job?: Job,
  ) {}

  get fs(): ShellServices['fs'] {
    return this.runtime.services.fs;
  }

  /** Expansion bound to the descriptors that command substitutions inherit. */
  expansion(fds: Fds): ExpansionHost {
    return {
      state: this.state,
      fs: this.fs,
      commandSubstitution: (body) => substitute(this, body, fds),
      processSubstitution: (body, output) => processSubstitution(this, fds, body, output),
    };
  }

  /** What starts an error message: `bash: ` at the prompt, `FILE: line N: ` in a script. */
  errorPrefix(): string {
    const { errorName, lineno, dialect } = this.state;
    if (dialect === 'dash') return `${errorName ?? 'sh'}: ${lineno}: `;
    if (errorName === undefined) return dialect === 'ash' ? 'sh: ' : 'bash: ';
    return `${errorName}: line ${lineno}: `;
  }

  /** Runs a top-level command: errors that abandon the line are reported here. */
  async runTopLevel(list: List, fds: Fds): Promise<number> {
    const status = await this.guard(() => this.runList(list, fds), fds);
    this.state.lastStatus = status;
    return status;
  }

  /** Runs `work`, turning errors that end a command line or process into a status. */
  async guard(work: () => Promise<number>, fds: Fds): Promise<number> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ShellError) {
        outputOf(fds, 2).write(`${this.errorPrefix()}${error.message}\n`);
        return error.status;
      }
      if (error instanceof InterruptSignal) return SIGINT_STATUS;
      if (error instanceof BrokenPipeError) return SIGPIPE_STATUS;
      if (error instanceof BreakSignal || error instanceof ContinueSignal) return 0;
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    }
  }

  /**
   * Runs `work` as a separate process (subshell, pipeline element, job): `exit` ends only it.
   * Past MAX_PROCESSES alive, fork fails as bash reports it, and the command line is abandoned
   * (a fork bomb runs out of processes instead of memory).
   */
  async runProcess(work: () => Promise<number>, fds: Fds): Promise<number> {
    checkFork(this.runtime);
    this.runtime.processes = (this.runtime.processes ?? 0) + 1;
    try {
      return await this.guard(work, fds);
    } catch (error) {
      if (error instanceof ExitSignal) return error.status;
      throw error;
    } finally {
      this.runtime.processes = (this.runtime.processes ?? 1) - 1;
    }
  }

  /** A subshell: a copy of this shell's state. */
  subshell(signal = this.signal, job = this.job): Interpreter {
    return new Interpreter(this.state.clone(), this.runtime, signal, true, job);
  }

  /** Where job reports are printed from: `(wd: …)` notes compare against it. */
  reportPlace(): ReportPlace {
    return { cwd: this.state.cwd, home: this.state.get('HOME') };
  }

  async runList(list: List, fds: Fds): Promise<number> {
    let status = 0;
    for (const item of list) {
      if (item.background) {
        startBackground(this, item.andOr, fds);
        status = this.state.lastStatus = 0;
      } else status = await this.runAndOr(item.andOr, fds);
    }
    return status;
  }

  async runAndOr(andOr: AndOr, fds: Fds): Promise<number> {
    const steps = [{ op: undefined as '&&' | '||' | undefined, pipeline: andOr.first }, ...andOr.rest];
    let status = 0;
    for (let i = 0; i < steps.length; i++) {
      const { op, pipeline } = steps[i];
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      const last = i === steps.length - 1;
      if (!last) this.conditionDepth++;
      try {
        status = await this.runPipeline(pipeline, fds);
      } finally {
        if (!last) this.conditionDepth--;
      }
      this.state.lastStatus = status;
      if (last && status !== 0 && !pipeline.negate && this.state.options.errexit && this.conditionDepth === 0) {
        throw new ExitSignal(status);
      }
    }
    return status;
  }

  async runPipeline(pipeline: Pipeline, fds: Fds): Promise<number> {
    let status: number;
    if (pipeline.negate) this.conditionDepth++;
    try {
      // A pipeline, or a lone ( subshell ), is a process of its own: in an interactive shell, a job.
      const forks = pipeline.commands.length > 1 || pipeline.commands[0].type === 'subshell';
      status =
        forks && controlsJobs(this)
          ? await runForeground(this, pipeline.commands.map(commandText), fds, (process, own) =>
              runPipelineCommands(process, pipeline, own),
            )
          : await runPipelineCommands(this, pipeline, fds);
    } finally {
      if (pipeline.negate) this.conditionDepth--;
    }
    if (this.signal.aborted) throw new InterruptSignal();
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  /**
   * Checks for Ctrl-C, and now and then lets the event loop run (a busy loop must not hang the
   * page). A stopped job's shell waits here until it is continued.
   */
  async tick(): Promise<void> {
    const resumed = this.job?.whenRunning();
    if (resumed) await resumed;
    if (this.signal.aborted) throw new InterruptSignal();
    if (++this.runtime.ticks % YIELD_EVERY === 0) {
      await new Promise<void>((resolve) => this.runtime.services.clock.setTimer(0, resolve));
      if (this.signal.aborted) throw new InterruptSignal();
    }
  }

  async runCommand(command: Command, fds: Fds): Promise<number> {
    await this.tick();
    if (command.line !== undefined) this.state.lineno = command.line;
    if (command.type === 'simple') return runSimple(this, command, fds);
    if (command.type === 'function') {
      this.state.functions.set(command.name, command.body);
      return 0;
    }
    return withProcessSubstitutions(this, wordsOf(command), fds, async (scoped) => {
      const own = await this.redirect(command.redirects, scoped);
      if (!own) return 1;
      return runCompound(this, command, own);
    });
  }

  /** Applies redirections, reporting a failure on stderr (undefined then). */
  async redirect(redirects: Command['redirects'], fds: Fds): Promise<Fds | undefined> {
    try {
      return await applyRedirects(this.expansion(fds), redirects, fds);
    } catch (error) {
      if (!(error instanceof RedirectError)) throw error;
      outputOf(fds, 2).write(`${this.errorPrefix()}${error.message}\n`);
      return undefined;
    }
  }
  /** Runs a command by name: a function, a builtin, or one of the host's commands. */
  invoke(argv: string[], assigns: Array<[string, string]>, fds: Fds): Promise<number> {
    return invoke(this, argv, assigns, fds);
  }

  /** Expands a word to a single string (here for builtins). */
  expandToString(word: Parameters<typeof expandString>[1], fds: Fds): Promise<string> {
    return expandString(this.expansion(fds), word);
  }

  /** Expands words to arguments (here for compound commands). */
  expandToWords(words: Parameters<typeof expandWords>[1], fds: Fds): Promise<string[]> {
    return expandWords(this.expansion(fds), words);
  }
}

export { ShellState };
