import type { ApiClient } from '../api/client';
import type { CancelSignal } from '../cancel';
import type { Clock } from '../clock';
import type { History } from './history';

/** Where a command writes: its stdout or stderr. Text uses `\n`; the terminal adds `\r`. */
export interface OutputStream {
  write(text: string): void;
}

/** The cluster clock's controls, where the host lets the learner move it (clock-control.ts). */
export interface ClockControls {
  readonly speed: number;
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  setSpeed(speed: number): void;
  step(ms: number): void;
}

/** What the shell lends every command it runs. */
export interface ShellServices {
  clock: Clock;
  /** Present when the cluster clock can be paused, sped up and stepped (the browser, the CLI). */
  clockControls?: ClockControls;
  api: ApiClient;
  history: History;
  /** Every command this shell knows, by name. */
  commands: ReadonlyMap<string, ShellCommand>;
  /** Ends the shell session with `code` (the `exit` builtin). */
  exit(code: number): void;
  /** The exit status of the previous command (`$?`). */
  lastStatus(): number;
}

/** The context of one command run. */
export interface CommandContext {
  /** argv[0] is the command's name as typed. */
  argv: string[];
  stdout: OutputStream;
  stderr: OutputStream;
  /** Raised by Ctrl-C; long waits must stop when it fires. */
  signal: CancelSignal;
  shell: ShellServices;
}

/** One command of the shell: a builtin or a program on the learner's host. */
export interface ShellCommand {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** Runs the command; resolves to its exit status. */
  run(ctx: CommandContext): Promise<number>;
}
