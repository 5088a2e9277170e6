import { CancelController } from '../cancel';
import type { OutputStream, ShellServices, Tty } from './command';
import { complete } from './completion/complete';
import { BUILTINS } from './interpreter/builtins';
import { EXITS_AFTER, hasStoppedJobs } from './interpreter/builtins/flow';
import type { ForegroundSlot } from './interpreter/foreground';
import { Interpreter, type ShellRuntime } from './interpreter/interpreter';
import { notices } from './interpreter/job-report';
import { SIGHUP, SIGTSTP } from './interpreter/signal-names';
import { isCompleteCommand } from './interpreter/script';
import { ExitSignal } from './interpreter/signals';
import { ShellState } from './interpreter/state';
import { standardFds } from './interpreter/streams';
import { SessionHistory } from './history';
import { expandHistory } from './history-expansion';
import { LineEditor } from './line-editor';
import { EMPTY_INPUT, type InputStream } from './process';
import type { List } from './syntax/ast';
import { ParseError } from './syntax/errors';
import { Parser } from './syntax/parser';
import { KeyQueue } from './key-queue';
import { HOME, promptString, setUpLoginShell, SHELL_PID } from './login-shell';
import { SessionTerminal, type TerminalOutput } from './session-terminal';
import { TerminalInput } from './terminal-input';

export { HOME } from './login-shell';
export type { TerminalOutput } from './session-terminal';

/** Where the shell's services come from, minus what each session adds itself. */
export type SessionServices = Omit<ShellServices, 'exit' | 'lastStatus'>;

/**
 * One interactive shell on one terminal: the line editor at the prompt, the command while one
 * runs. Keys typed during a command are kept and replayed at the next prompt (type-ahead), except
 * Ctrl-C, which interrupts the command and discards them, as a TTY does on SIGINT.
 */
export class ShellSession {
  private readonly editor: LineEditor;
  private readonly queue = new KeyQueue();
  private running: CancelController | undefined;
  /** True from Enter until the next prompt is shown. */
  private busy = false;
  private status = 0;
  private exited = false;
  /** The lines of a command still incomplete (an open quote, `if` without `fi`), joined by newlines. */
  private pending: string | undefined;
  /** The shell's variables, functions, aliases, options and working directory. */
  readonly state = new ShellState();
  private readonly runtime: ShellRuntime;
  /** The job that has the terminal while a command line runs: Ctrl-Z stops it. */
  private readonly foregroundJob: ForegroundSlot = { job: undefined };
  /** Called once, with the exit status, when the shell exits (`exit` or Ctrl-D). */
  onExit: (code: number) => void = () => {};

  /** The foreground job's terminal input, while a command line runs. */
  private foreground: TerminalInput | undefined;
  private readonly screen: SessionTerminal;
  private readonly services: SessionServices;

  constructor(sharedServices: SessionServices, terminal: TerminalOutput, cols: number, rows = 24) {
    // This shell's own history list over the shared file, as each bash has.
    const services: SessionServices = { ...sharedServices, history: new SessionHistory(sharedServices.history) };
    if (terminal.open) services.openUrl = (url) => terminal.open?.(url);
    this.services = services;
    this.screen = new SessionTerminal(terminal, cols, rows);
    this.editor = new LineEditor(
      (data) => this.emit(data),
      () => services.history.entries(),
      cols,
      (before) =>
        complete(before, {
          services,
          cwd: this.state.cwd,
          home: this.state.get('HOME') ?? HOME,
          extraCommands: [...BUILTINS.keys(), ...this.state.aliases.keys(), ...this.state.functions.keys()],
        }),
    );
    setUpLoginShell(this.state);
    let pid = SHELL_PID;
    this.runtime = {
      services,
      interactive: true,
      nextPid: () => ++pid,
      ticks: 0,
      foreground: this.foregroundJob,
      startedAt: services.clock.now(),
      login: true,
    };
  }

  /** Shows the first prompt. */
  start(): void {
    this.prompt();
  }

  /** Shows the prompt, after the news of jobs that ended or stopped since the last one (as bash). */
  private prompt(): void {
    const place = { cwd: this.state.cwd, home: this.state.get('HOME') };
    const news = notices(this.state.jobs, place, this.services.clock.now());
    if (news !== '') this.emit(news.replace(/\n/g, '\r\n'));
    this.editor.begin(promptString(this.state, 'PS1'), this.screen.column);
  }

  /**
   * Keystrokes or pasted text from the terminal. While a command line runs they go to its
   * terminal input (echoed, or raw to an editor); Ctrl-C interrupts it unless the terminal is raw.
   */
  input(data: string): void {
    if (this.exited) return;
    if (this.busy) {
      const foreground = this.foreground;
      if (foreground?.raw) foreground.feed(data);
      else if (this.running && data.includes('\x03')) {
        this.queue.clear();
        foreground?.unread();
        this.emit('^C');
        this.running.abort();
      } else if (data.includes('\x1a')) {
        // Ctrl-Z: the TTY flushes its input and echoes ^Z; SIGTSTP stops the foreground job
        // (a builtin the shell runs itself, like `read`, ignores it).
        this.queue.clear();
        foreground?.unread();
        this.emit('^Z');
        this.foregroundJob.job?.deliver(SIGTSTP);
      } else if (foreground) foreground.feed(data);
      else this.queue.push(data);
      return;
    }
    this.queue.push(data);
    this.pump();
  }

  /** The terminal's new size (SIGWINCH for the foreground job). */
  resize(cols: number, rows = this.screen.rows): void {
    this.editor.resize(cols);
    this.screen.resize(cols, rows);
  }

  /**
   * Runs one line as the shell would after Enter, writing to the given streams. The line
   * editor uses it, and so do scripts (`kubeplay run`), which pass plain-text streams.
   */
  async execute(
    line: string,
    stdout: OutputStream,
    stderr: OutputStream,
    terminal?: { input: InputStream; tty: Tty },
  ): Promise<number> {
    const controller = new CancelController();
    this.running = controller;
    this.runtime.terminal = terminal && { output: stdout, tty: terminal.tty, input: terminal.input };
    const fds = standardFds(terminal?.input ?? EMPTY_INPUT, stdout, stderr);
    const shell = new Interpreter(this.state, this.runtime, controller.signal);
    // One top-level command at a time, as bash -c does: an alias defined by one applies to the next.
    const parser = new Parser(line, { alias: (name) => this.state.aliases.get(name) });
    try {
      while (!this.exited) {
        let list: List | null;
        try {
          list = parser.nextCommand();
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          stderr.write(`bash: ${error.message}\n`);
          this.status = this.state.lastStatus = 2;
          break;
        }
        for (const warning of parser.warnings.splice(0)) stderr.write(`bash: ${warning}\n`);
        if (!list) break;
        this.status = await shell.runTopLevel(list, fds);
        if (controller.signal.aborted) break;
      }
    } catch (error) {
      if (!(error instanceof ExitSignal)) throw error;
      this.exit(error.status);
    } finally {
      this.running = undefined;
      this.runtime.terminal = undefined;
    }
    return this.status;
  }

  /** Whether `text` is a whole command, or the prompt must ask for more lines. */
  isComplete(text: string): boolean {
    return isCompleteCommand(text);
  }

  /** The filesystem of the learner's host, which this shell works in. */
  get fs(): ShellServices['fs'] {
    return this.services.fs;
  }

  /** True once the shell has exited. */
  get hasExited(): boolean {
    return this.exited;
  }

  /**
   * The terminal goes away (its tab closed): the command running is interrupted and the shell
   * ends as a hung-up bash does, its jobs getting SIGHUP.
   */
  close(): void {
    if (this.exited) return;
    this.running?.abort();
    this.exit(129);
  }

  private exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    this.status = this.state.lastStatus = code;
    // The terminal hangs up: its jobs get SIGHUP (stopped ones are continued to die of it).
    for (const job of this.state.jobs.jobs) job.deliver(SIGHUP);
    this.onExit(code);
  }

  /** Feeds queued keys to the line editor until a line is submitted or the queue is empty. */
  private pump(): void {
    while (this.queue.length > 0 && !this.busy && !this.exited) {
      const printable = this.queue.takePrintable();
      if (printable) {
        this.editor.insertText(printable);
        continue;
      }
      const result = this.editor.key(this.queue.shift());
      if (result === 'editing') continue;
      if (result === 'eof') {
        this.emit('exit\r\n');
        const last = this.state.currentBuiltin;
        if (!EXITS_AFTER.has(last ?? '') && this.pending === undefined && hasStoppedJobs(this.state)) {
          // As the `exit` builtin: the first Ctrl-D with stopped jobs only warns.
          this.emit('There are stopped jobs.\r\n');
          this.state.previousBuiltin = this.state.currentBuiltin = 'exit';
          this.prompt();
          continue;
        }
        this.exit(this.status);
        return;
      }
      if (result === 'interrupt') {
        this.status = this.state.lastStatus = 130;
        this.pending = undefined;
        this.prompt();
        continue;
      }
      const text = this.pending === undefined ? result.submit : `${this.pending}\n${result.submit}`;
      if (!this.isComplete(text)) {
        this.pending = text;
        this.editor.begin(promptString(this.state, 'PS2'), this.screen.column);
        continue;
      }
      this.pending = undefined;
      void this.submit(text);
      return;
    }
  }

  private async submit(typed: string): Promise<void> {
    // History expansion (`!!`, `!$`, `^old^new` …) happens before anything else, as in bash:
    // a line that changed is shown as run; one naming no event is dropped.
    const expansion = expandHistory(typed, this.services.history.entries());
    if ('error' in expansion) {
      this.emit(`bash: ${expansion.error}\r\n`);
      this.prompt();
      this.pump();
      return;
    }
    if (expansion.changed) this.emit(`${expansion.line.replace(/\n/g, '\r\n')}\r\n`);
    const line = expansion.line;
    const out = { write: (text: string) => this.emit(this.foreground?.raw ? text : text.replace(/\n/g, '\r\n')) };
    this.busy = true;
    const recorded = this.services.history.add(line).catch((error: unknown) => {
      out.write(`kubeplay: history not saved: ${error instanceof Error ? error.message : String(error)}\n`);
    });
    const input = new TerminalInput((text) => this.emit(text));
    this.foreground = input;
    const status = await this.execute(line, out, out, { input, tty: this.screen.tty(input) });
    this.foreground = undefined;
    input.close();
    // What was typed and not read is the next prompt's, as a TTY's buffer would be.
    this.queue.push(input.unread());
    await recorded;
    if (this.exited) return;
    // bash starts a new line after a job killed by SIGINT; the TTY already echoed ^C.
    if (status === 130 && this.screen.column > 0) this.emit('\r\n');
    this.busy = false;
    this.prompt();
    this.pump();
  }

  /** Writes to the terminal (keeping track of the cursor's column for the next prompt). */
  private emit(data: string): void {
    this.screen.write(data);
  }
}
