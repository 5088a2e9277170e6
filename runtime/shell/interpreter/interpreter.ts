// The tree-walking interpreter: lists, and-or lists, pipelines (run concurrently over pipes),
// simple commands (functions, then builtins, then the host's commands), background jobs and
// subshells.
import type { CancelSignal } from '../../cancel';
import type { Clock } from '../../clock';
import type { ShellCommand, ShellServices, Tty } from '../command';
import { BrokenPipeError, createPipe, SIGPIPE_STATUS, type InputStream, type OutputStream } from '../process';
import type { AndOr, Assignment, Command, List, Pipeline, Script } from '../syntax/ast';
import { BUILTINS } from './builtins';
import { commandText } from './command-text';
import { runCompound } from './compound';
import { expandString, expandWords, wordPieces, type ExpansionHost } from './expand';
import { controlsJobs, runForeground, startBackground, type ForegroundSlot } from './foreground';
import { ungated, type Job } from './job';
import type { ReportPlace } from './job-report';
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
import { inputOf, outputOf, WriteError, type Fds, type Stream } from './streams';
import { traceLine } from './trace';

/** bash's limit on nested function calls (FUNCNEST), so that runaway recursion ends cleanly. */
export const MAX_FUNCTION_DEPTH = 1000;
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

/** How many processes a session may have alive at once (its `ulimit -u`). */
export const MAX_PROCESSES = 256;

/** Throws bash's fork failure when the session has MAX_PROCESSES alive. */
export function checkFork(runtime: ShellRuntime): void {
  if ((runtime.processes ?? 0) >= MAX_PROCESSES) throw new ShellError('fork: Resource temporarily unavailable', 254);
}

/** One shell process: the top-level shell, or a subshell with its own copy of the state. */
export class Interpreter {
  loopDepth = 0;
  functionDepth = 0;
  sourceDepth = 0;
  /** Inside an `if`/`while` condition or on the left of && and ||: `set -e` does not apply. */
  conditionDepth = 0;
  /** The status of the last command substitution of the current simple command. */
  private substitutionStatus: number | undefined;
  /** The simple command being run (its text names the job if Ctrl-Z stops it). */
  private simpleCommand: Command | undefined;

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
    return { state: this.state, fs: this.fs, commandSubstitution: (body) => this.substitute(body, fds) };
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
        outputOf(fds, 2).write(`bash: ${error.message}\n`);
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
              process.runPipelineCommands(pipeline, own),
            )
          : await this.runPipelineCommands(pipeline, fds);
    } finally {
      if (pipeline.negate) this.conditionDepth--;
    }
    if (this.signal.aborted) throw new InterruptSignal();
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  private async runPipelineCommands(pipeline: Pipeline, fds: Fds): Promise<number> {
    if (pipeline.commands.length === 1) {
      const status = await this.runCommand(pipeline.commands[0], fds);
      this.state.pipeStatus = [status];
      return status;
    }
    const statuses = await this.runConcurrently(pipeline.commands, fds);
    this.state.pipeStatus = statuses;
    if (this.state.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
    return statuses[statuses.length - 1];
  }

  /** `a | b | c`: every command in its own subshell, all at once, joined by pipes. */
  private async runConcurrently(commands: Command[], fds: Fds): Promise<number[]> {
    const pipes = commands.slice(1).map(() => createPipe());
    const runs = commands.map((command, i) => {
      const own = new Map<number, Stream>(fds);
      if (i > 0) own.set(0, pipes[i - 1].reader);
      if (i < pipes.length) own.set(1, pipes[i].writer);
      const process = this.subshell();
      return process
        .runProcess(() => process.runCommand(command, own), own)
        .finally(() => {
          // The process is gone: its reader sees end of file, its writer a broken pipe.
          if (i < pipes.length) pipes[i].writer.close();
          if (i > 0) pipes[i - 1].reader.close();
        });
    });
    return Promise.all(runs);
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
    if (command.type === 'simple') return this.runSimple(command, fds);
    if (command.type === 'function') {
      this.state.functions.set(command.name, command.body);
      return 0;
    }
    const own = await this.redirect(command.redirects, fds);
    if (!own) return 1;
    return runCompound(this, command, own);
  }

  /** Applies redirections, reporting a failure on stderr (undefined then). */
  async redirect(redirects: Command['redirects'], fds: Fds): Promise<Fds | undefined> {
    try {
      return await applyRedirects(this.expansion(fds), redirects, fds);
    } catch (error) {
      if (!(error instanceof RedirectError)) throw error;
      outputOf(fds, 2).write(`bash: ${error.message}\n`);
      return undefined;
    }
  }

  private async runSimple(command: Extract<Command, { type: 'simple' }>, fds: Fds): Promise<number> {
    const host = this.expansion(fds);
    this.substitutionStatus = undefined;
    const argv = await expandWords(host, command.words);
    const values: Array<[string, string]> = [];
    for (const assign of command.assigns) values.push([assign.name, await this.assignmentValue(assign, host)]);
    if (this.state.options.xtrace) traceLine(outputOf(fds, 2), values, argv);
    if (argv.length === 0) {
      const substitution = this.substitutionStatus;
      for (const [name, value] of values) {
        if (!this.state.set(name, value)) throw new ShellError(`${name}: readonly variable`);
      }
      const own = await this.redirect(command.redirects, fds);
      if (!own) return 1;
      return substitution ?? 0;
    }
    const own = await this.redirect(command.redirects, fds);
    if (!own) return 1;
    this.simpleCommand = command;
    return this.invoke(argv, values, own);
  }

  /** The value of `name=value` (or `name+=value`), expanded without splitting or globbing. */
  async assignmentValue(assign: Assignment, host: ExpansionHost): Promise<string> {
    const pieces = await wordPieces(host, assign.value, true);
    const value = pieces.map((p) => ('fieldBreak' in p ? ' ' : p.text)).join('');
    return assign.append ? (this.state.get(assign.name) ?? '') + value : value;
  }

  /** The terminal, when the command's standard output is the terminal's. */
  private ttyFor(fds: Fds): Tty | undefined {
    const terminal = this.runtime.terminal;
    return terminal && ungated(outputOf(fds, 1)) === terminal.output ? terminal.tty : undefined;
  }

  /** Runs a command by name: a function, a builtin, or one of the host's commands. */
  async invoke(argv: string[], assigns: Array<[string, string]>, fds: Fds): Promise<number> {
    const name = argv[0];
    this.state.previousBuiltin = this.state.currentBuiltin;
    this.state.currentBuiltin = BUILTINS.has(name) && !this.state.functions.has(name) ? name : undefined;
    const fn = this.state.functions.get(name);
    if (fn) return this.withTemporary(assigns, () => this.callFunction(fn, argv, fds));
    const builtin = BUILTINS.get(name);
    if (builtin) {
      return this.withTemporary(assigns, async () => {
        try {
          return await builtin({
            argv,
            stdin: inputOf(fds),
            stdout: outputOf(fds, 1),
            stderr: outputOf(fds, 2),
            shell: this,
            fds,
          });
        } catch (error) {
          if (error instanceof BrokenPipeError) return SIGPIPE_STATUS;
          if (!(error instanceof WriteError)) throw error;
          outputOf(fds, 2).write(`bash: ${name}: ${error.message}\n`);
          return 1;
        }
      });
    }
    const command = this.runtime.services.commands.get(name);
    if (!command) {
      outputOf(fds, 2).write(
        name.includes('/') ? `bash: ${name}: No such file or directory\n` : `bash: ${name}: command not found\n`,
      );
      return 127;
    }
    const env = this.state.environment();
    for (const [key, value] of assigns) env[key] = value;
    const simple = this.simpleCommand;
    if (simple && controlsJobs(this)) {
      return runForeground(this, [commandText(simple)], fds, (process, own) =>
        process.runHost(command, argv, env, own),
      );
    }
    return this.runHost(command, argv, env, fds);
  }

  /** Runs one of the host's commands as a process of this shell (or of its job). */
  private async runHost(command: ShellCommand, argv: string[], env: Record<string, string>, fds: Fds) {
    const name = argv[0];
    const clock: Clock = this.job?.clock ?? this.runtime.services.clock;
    const shell: ShellServices = {
      ...this.runtime.services,
      clock,
      exit: (code) => {
        throw new ExitSignal(code);
      },
      lastStatus: () => this.state.lastStatus,
    };
    const stderr = outputOf(fds, 2);
    let status: number;
    try {
      status = await command.run({
        argv,
        stdin: inputOf(fds),
        stdout: outputOf(fds, 1),
        stderr,
        env,
        cwd: this.state.cwd,
        fs: this.fs,
        tty: this.ttyFor(fds),
        signal: this.signal,
        shell,
      });
    } catch (error) {
      if (error instanceof BrokenPipeError) return SIGPIPE_STATUS;
      if (error instanceof ExitSignal) throw error;
      if (error instanceof WriteError) {
        stderr.write(`${name}: ${error.message}\n`);
        return 1;
      }
      // A command that throws is a bug in kubeplay, never the learner's fault: say so, keep going.
      stderr.write(`kubeplay: internal error in ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    if (this.signal.aborted) throw new InterruptSignal();
    return status;
  }

  /** Runs `work` with `assigns` set (and exported) for its duration only, as `X=1 f` does. */
  private async withTemporary(assigns: Array<[string, string]>, work: () => Promise<number>): Promise<number> {
    if (assigns.length === 0) return work();
    const saved = assigns.map(([name]) => [name, this.state.vars.get(name)] as const);
    for (const [name, value] of assigns) this.state.vars.set(name, { value, exported: true });
    try {
      return await work();
    } finally {
      for (const [name, variable] of saved) {
        if (variable) this.state.vars.set(name, variable);
        else this.state.vars.delete(name);
      }
    }
  }

  /** Calls a shell function with `argv` as its positional parameters. */
  async callFunction(body: Command, argv: string[], fds: Fds): Promise<number> {
    if (this.functionDepth >= MAX_FUNCTION_DEPTH) {
      throw new ShellError(`${argv[0]}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})`);
    }
    const state = this.state;
    const positional = state.positional;
    const loops = this.loopDepth;
    state.positional = argv.slice(1);
    state.localFrames.push(new Map());
    this.functionDepth++;
    this.loopDepth = 0;
    try {
      return await this.runCommand(body, fds);
    } catch (error) {
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    } finally {
      this.functionDepth--;
      this.loopDepth = loops;
      state.positional = positional;
      for (const [name, variable] of state.localFrames.pop() ?? []) {
        if (variable) state.vars.set(name, variable);
        else state.vars.delete(name);
      }
    }
  }

  /** $(…): runs `body` in a subshell and returns its output. */
  async substitute(body: Script, fds: Fds): Promise<string> {
    const only = body.length === 1 && body[0].andOr.rest.length === 0 ? body[0].andOr.first.commands : [];
    const command = only.length === 1 ? only[0] : undefined;
    // $(< file) is bash's fast `cat file`.
    if (
      command?.type === 'simple' &&
      command.words.length === 0 &&
      command.assigns.length === 0 &&
      command.redirects.length === 1 &&
      command.redirects[0].op === '<'
    ) {
      const own = await this.redirect(command.redirects, fds);
      this.substitutionStatus = own ? 0 : 1;
      return own ? await readAllOf(own) : '';
    }
    let text = '';
    const process = this.subshell();
    const own = new Map<number, Stream>(fds);
    own.set(1, { write: (t: string) => void (text += t) });
    const status = await process.runProcess(() => process.runList(body, own), own);
    this.substitutionStatus = status;
    this.state.lastStatus = status;
    return text;
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

async function readAllOf(fds: Fds): Promise<string> {
  const input = inputOf(fds);
  let text = '';
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) text += chunk;
  return text;
}

export { ShellState };
