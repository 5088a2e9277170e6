import type { ApiClient } from '../api/client';
import type { CancelSignal } from '../cancel';
import type { Clock } from '../clock';
import type { MinikubeMachine } from '../minikube/machine';
import type { HostNetwork } from '../network/host-network';
import type { Volume } from './fs/volume';
import type { HistoryList } from './history';
import type { InputStream, OutputStream } from './process';

export type { InputStream, OutputStream } from './process';

/** The terminal a foreground process is attached to. */
export interface Tty {
  readonly cols: number;
  readonly rows: number;
  /** Raw mode: each key reaches stdin as typed, without echo or line editing (editors, REPLs). */
  setRawMode(raw: boolean): void;
  /** Calls `listener` after each resize (SIGWINCH); returns an unsubscribe. */
  onResize(listener: () => void): () => void;
  /**
   * The terminal's own input (/dev/tty): what a program reads its keys from when its standard
   * input is a pipe, as less does for `kubectl get pods -o yaml | less`.
   */
  readonly keyboard?: InputStream;
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
  /** The learner's host machine's filesystem, shared by its sessions. */
  fs: Volume;
  /** The host's network (curl, wget, `kubectl proxy`); without it the host is offline. */
  network?: HostNetwork;
  history: HistoryList;
  /** The minikube machine behind the cluster (`minikube start|stop|node add|addons enable`). */
  minikube?: MinikubeMachine;
  /** Every command this shell knows, by name. */
  commands: ReadonlyMap<string, ShellCommand>;
  /**
   * The host's default browser (what xdg-open starts), where the host has one: the page opens
   * the URL in a browser tab (`minikube service`, `minikube dashboard`).
   */
  openUrl?(url: string): void;
  /** Ends the shell session with `code` (the `exit` builtin). */
  exit(code: number): void;
  /** The exit status of the previous command (`$?`). */
  lastStatus(): number;
}

/** The context of one command run: one process. */
export interface CommandContext {
  /** argv[0] is the command's name as typed. */
  argv: string[];
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The process's environment (the shell's exported variables), by name. */
  env: Readonly<Record<string, string>>;
  /** The working directory, absolute. */
  cwd: string;
  /** The filesystem of the machine the process runs on (the learner's host, or a container). */
  fs: Volume;
  /** The terminal, when the process runs in the foreground of an interactive session. */
  tty?: Tty;
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
