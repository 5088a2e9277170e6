import { CancelController } from '../cancel';
import { textWidth } from './char-width';
import type { OutputStream, ShellServices, Tty } from './command';
import { complete } from './completion/complete';
import { BUILTINS } from './interpreter/builtins';
import { hasStoppedJobs } from './interpreter/builtins/flow';
import type { ForegroundSlot } from './interpreter/foreground';
import { Interpreter, type ShellRuntime } from './interpreter/interpreter';
import { notices } from './interpreter/job-report';
import { SIGHUP, SIGTSTP } from './interpreter/signal-names';
import { ExitSignal } from './interpreter/signals';
import { ShellState } from './interpreter/state';
import { standardFds } from './interpreter/streams';
import { splitKeys } from './keys';
import { SessionHistory } from './history';
import { expandHistory } from './history-expansion';
import { LineEditor } from './line-editor';
import { EMPTY_INPUT, type InputStream } from './process';
import type { List } from './syntax/ast';
import { ParseError } from './syntax/errors';
import { Parser } from './syntax/parser';
import { TerminalInput } from './terminal-input';
import { expandPrompt, UBUNTU_PS1 } from './prompt';

/** The learner's home directory on the host. */
export const HOME = '/home/learner';

/** The environment of the learner's login shell. */
const HOST_ENV: Readonly<Record<string, string>> = {
  HOME,
  LANG: 'C.UTF-8',
  LOGNAME: 'learner',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  PWD: HOME,
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  USER: 'learner',
  HOSTNAME: 'kubeplay',
};

/** xterm's alternate screen, entered and left (mode 1049, which also saves the cursor). */
const ALT_SCREEN_ON = '\x1b[?1049h';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/** The learner's user id (`\$` prints `$`). */
const LEARNER_UID = 1000;

/** The process id the learner's shell reports as $$; background jobs count up from it. */
const SHELL_PID = 4242;

/** The terminal a session draws on: bytes out, and its width in columns. */
export interface TerminalOutput {
  write(data: string): void;
}

/** Where the shell's services come from, minus what each session adds itself. */
export type SessionServices = Omit<ShellServices, 'exit' | 'lastStatus'>;

/** A key that the line editor simply inserts. */
function isPrintable(key: string): boolean {
  const cp = key.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp !== 0x7f;
}

/**
 * One interactive shell on one terminal: the line editor at the prompt, the command while one
 * runs. Keys typed during a command are kept and replayed at the next prompt (type-ahead), except
 * Ctrl-C, which interrupts the command and discards them, as a TTY does on SIGINT.
 */
export class ShellSession {
  private readonly editor: LineEditor;
  private queue: string[] = [];
  private running: CancelController | undefined;
  /** True from Enter until the next prompt is shown. */
  private busy = false;
  private status = 0;
  private exited = false;
  private column = 0;
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
  private cols: number;
  private rows: number;
  private readonly resizeListeners = new Set<() => void>();
  private readonly services: SessionServices;
  /** The cursor's column when a full-screen program took the alternate screen. */
  private savedColumn: number | undefined;

  constructor(
    sharedServices: SessionServices,
    private readonly terminal: TerminalOutput,
    cols: number,
    rows = 24,
  ) {
    // This shell's own history list over the shared file, as each bash has.
    const services: SessionServices = { ...sharedServices, history: new SessionHistory(sharedServices.history) };
    this.services = services;
    this.cols = cols;
    this.rows = rows;
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
    for (const [name, value] of Object.entries(HOST_ENV)) this.state.set(name, value, true);
    // Ubuntu's ~/.bashrc prompt, and bash's default continuation prompt; shell variables, not exported.
    this.state.set('PS1', UBUNTU_PS1, false);
    this.state.set('PS2', '> ', false);
    this.state.cwd = HOME;
    this.state.pid = SHELL_PID;
    let pid = SHELL_PID;
    this.runtime = { services, interactive: true, nextPid: () => ++pid, ticks: 0, foreground: this.foregroundJob };
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
    this.editor.begin(this.promptString('PS1'), this.column);
  }

  /** PS1 or PS2 with its escapes read, as bash shows it now (`\w` follows `cd`). */
  private promptString(name: 'PS1' | 'PS2'): string {
    return expandPrompt(this.state.get(name) ?? '', {
      user: this.state.get('USER') ?? 'learner',
      host: this.state.get('HOSTNAME') ?? 'kubeplay',
      cwd: this.state.cwd,
      home: this.state.get('HOME') ?? HOME,
      uid: LEARNER_UID,
    });
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
        this.queue = [];
        foreground?.unread();
        this.emit('^C');
        this.running.abort();
      } else if (data.includes('\x1a')) {
        // Ctrl-Z: the TTY flushes its input and echoes ^Z; SIGTSTP stops the foreground job
        // (a builtin the shell runs itself, like `read`, ignores it).
        this.queue = [];
        foreground?.unread();
        this.emit('^Z');
        this.foregroundJob.job?.deliver(SIGTSTP);
      } else if (foreground) foreground.feed(data);
      else this.enqueue(data);
      return;
    }
    this.enqueue(data);
    this.pump();
  }

  /** The terminal's new size (SIGWINCH for the foreground job). */
  resize(cols: number, rows = this.rows): void {
    this.cols = cols;
    this.rows = rows;
    this.editor.resize(cols);
    for (const listener of [...this.resizeListeners]) listener();
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
    const parser = new Parser(text, { interactive: true });
    try {
      while (parser.nextCommand()) {
        // Parse on to the end: only a command cut short by the end of the text is incomplete.
      }
      return true;
    } catch (error) {
      return !(error instanceof ParseError && error.incomplete);
    }
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
      const printable = this.takePrintable();
      if (printable) {
        this.editor.insertText(printable);
        continue;
      }
      const result = this.editor.key(this.queue.shift() as string);
      if (result === 'editing') continue;
      if (result === 'eof') {
        this.emit('exit\r\n');
        const last = this.state.currentBuiltin;
        if (last !== 'exit' && last !== 'jobs' && this.pending === undefined && hasStoppedJobs(this.state)) {
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
        this.editor.begin(this.promptString('PS2'), this.column);
        continue;
      }
      this.pending = undefined;
      void this.submit(text);
      return;
    }
  }

  /** Appends the keys in `data` to the queue (a loop: a paste may hold a million keys). */
  private enqueue(data: string): void {
    for (const key of splitKeys(data)) this.queue.push(key);
  }

  /** Removes the run of printable keys at the head of the queue, joined (empty if none). */
  private takePrintable(): string {
    let end = 0;
    while (end < this.queue.length && isPrintable(this.queue[end])) end++;
    return this.queue.splice(0, end).join('');
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
    const status = await this.execute(line, out, out, { input, tty: this.tty(input) });
    this.foreground = undefined;
    input.close();
    // What was typed and not read is the next prompt's, as a TTY's buffer would be.
    this.enqueue(input.unread());
    await recorded;
    if (this.exited) return;
    // bash starts a new line after a job killed by SIGINT; the TTY already echoed ^C.
    if (status === 130 && this.column > 0) this.emit('\r\n');
    this.busy = false;
    this.prompt();
    this.pump();
  }

  /** The terminal as the foreground job sees it: its size, raw mode, resizes. */
  private tty(input: TerminalInput): Tty {
    const size = (): { cols: number; rows: number } => ({ cols: this.cols, rows: this.rows });
    return {
      get cols() {
        return size().cols;
      },
      get rows() {
        return size().rows;
      },
      setRawMode: (raw) => {
        input.raw = raw;
      },
      onResize: (listener) => {
        this.resizeListeners.add(listener);
        return () => this.resizeListeners.delete(listener);
      },
    };
  }

  /** Writes to the terminal, keeping track of the cursor's column for the next prompt. */
  private emit(data: string): void {
    this.terminal.write(data);
    // A full-screen program (vi, less) draws on the alternate screen; leaving it puts the
    // cursor back where it was on entering (xterm's mode 1049 saves and restores it).
    let text = data;
    const enter = text.lastIndexOf(ALT_SCREEN_ON);
    if (enter >= 0) {
      this.savedColumn ??= this.column + textWidth(text.slice(0, enter));
      text = text.slice(enter);
    }
    const leave = text.lastIndexOf(ALT_SCREEN_OFF);
    if (leave >= 0) {
      this.column = this.savedColumn ?? this.column;
      this.savedColumn = undefined;
      text = text.slice(leave + ALT_SCREEN_OFF.length);
    } else if (this.savedColumn !== undefined) return;
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    const tail = lastBreak < 0 ? text : text.slice(lastBreak + 1);
    this.column = lastBreak < 0 ? this.column + textWidth(tail) : textWidth(tail);
  }
}
