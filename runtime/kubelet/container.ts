import { CancelController } from '../cancel';
import type { Clock } from '../clock';
import type { Volume } from '../shell/fs/volume';
import { SIGNAL_EXIT } from '../images/programs';
import type { ApiHandler } from '../api/types';
import type { CancelSignal } from '../cancel';
import type {
  ContainerProcess,
  ContainerNetwork,
  ImageModule,
  Listener,
  OutputStream,
  ProcessContext,
  ProcessSignal,
  Program,
} from '../images/types';
import type { ResolvedImage } from '../images/catalog';
import { ContainerUsage } from '../metrics/usage';

/** One line of a container's log, as the runtime's json-file driver keeps it. */
export interface LogLine {
  time: number;
  stream: 'stdout' | 'stderr';
  /** The line without its newline. */
  text: string;
}

/** Why a container ended, as containerStatuses[].state.terminated.reason shows it. */
export type ExitReason = 'Completed' | 'Error' | 'OOMKilled' | 'StartError' | 'ContainerCannotRun';

/** Directories searched for a bare program name (the images' default PATH). */
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The program `name` in `image`: by exact name or path, or by basename when `name` is in a PATH directory. */
export function findProgram(image: ImageModule, name: string): Program | undefined {
  if (image.programs[name]) return image.programs[name];
  const slash = name.lastIndexOf('/');
  if (slash < 0) return undefined;
  const dir = name.slice(0, slash) || '/';
  return PATH_DIRS.includes(dir) ? image.programs[name.slice(slash + 1)] : undefined;
}

/** What a container is created with. */
export interface ContainerSpec {
  id: string;
  name: string;
  image: ResolvedImage;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** The container's filesystem, built on first use: most containers' programs never look. */
  filesystem(): Volume;
  hostname: string;
  tty: boolean;
  stdin: boolean;
  /** Restarts before this one (the CRI attempt). */
  attempt: number;
  /** Listens in the pod's network namespace (shared by its containers). */
  listen(port: number, listener: Listener): () => void;
  /** The pod's network as its processes see it, given the container's end (pending waits stop then). */
  network?(ended: CancelSignal): ContainerNetwork;
  /** The API server as in-cluster clients reach it. */
  kubernetes?: ApiHandler;
}

/** A line-buffering writer into the container's log. */
class LogWriter implements OutputStream {
  private partial = '';

  constructor(
    private readonly container: Container,
    private readonly stream: 'stdout' | 'stderr',
  ) {}

  write(text: string): void {
    // What a process writes after its container is gone reaches no log.
    if (this.container.state === 'exited') return;
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.container.appendLog(this.stream, line);
  }

  flush(): void {
    if (this.partial) this.container.appendLog(this.stream, this.partial);
    this.partial = '';
  }
}

/**
 * A container as the runtime runs it: its main process (PID 1) on the cluster clock, its log,
 * its exit. Signals reach every process in it that registered a handler; SIGKILL ends it at
 * once with 137.
 */
export class Container {
  state: 'created' | 'running' | 'exited' = 'created';
  readonly createdAt: number;
  startedAt = 0;
  finishedAt = 0;
  exitCode = 0;
  reason: ExitReason = 'Completed';
  /** The runtime's message for a container that could not start. */
  message = '';
  readonly logs: LogLine[] = [];
  private readonly logListeners = new Set<(line: LogLine) => void>();
  private readonly signalHandlers = new Set<(signal: ProcessSignal) => void>();
  private readonly exitListeners: Array<() => void> = [];
  /** Aborted when the container exits: its processes' loops and timers stop. */
  private readonly ending = new CancelController();
  private stdinQueue: { push(text: string): void; end(): void } | undefined;
  private net: ContainerNetwork | undefined;
  /** The processes running now, by PID (PID 1 and the execs), for ps. */
  private readonly running = new Map<number, ContainerProcess>();
  private lastPid = 1;
  /** CPU and memory over time, for the resource metrics (runtime/metrics). */
  readonly usage: ContainerUsage;

  constructor(
    readonly spec: ContainerSpec,
    private readonly clock: Clock,
  ) {
    this.createdAt = clock.now();
    this.usage = ContainerUsage.forImage(spec.image.module.repository, clock, spec.id);
  }

  get id(): string {
    return this.spec.id;
  }

  /** Starts PID 1; `startedAt` earlier than now resumes a container that ran before a reload. */
  start(startedAt = this.clock.now()): void {
    this.state = 'running';
    this.startedAt = startedAt;
    this.usage.start(startedAt);
    const program = findProgram(this.spec.image.module, this.spec.argv[0] ?? '');
    if (!program) {
      this.fail(
        `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${this.spec.argv[0] ?? ''}": executable file not found in $PATH: unknown`,
      );
      return;
    }
    const stdout = new LogWriter(this, 'stdout');
    const stderr = new LogWriter(this, 'stderr');
    const ctx = this.processContext(this.spec.argv, stdout, stderr, true);
    // PID 1 is listed until the container exits (exit() clears the table).
    this.running.set(1, { pid: 1, uid: 0, cpuSeconds: 0, argv: ctx.argv });
    void program(ctx).then(
      (code) => {
        stdout.flush();
        stderr.flush();
        this.exit(code);
      },
      (error: unknown) => {
        stderr.write(`${String(error)}\n`);
        stderr.flush();
        this.exit(1);
      },
    );
  }

  /** Runs `program` as a process of the container (an exec, a child): ps lists it until it ends. */
  async runProcess(program: Program, ctx: ProcessContext): Promise<number> {
    const pid = ++this.lastPid;
    this.running.set(pid, { pid, uid: 0, cpuSeconds: 0, argv: ctx.argv });
    try {
      return await program(ctx);
    } finally {
      this.running.delete(pid);
    }
  }

  /** The pod's network, made on first use and shared by the container's processes. */
  private get network(): ContainerNetwork | undefined {
    this.net ??= this.spec.network?.(this.ending.signal);
    return this.net;
  }

  /** A process context for a program run in this container (PID 1 or an exec). */
  processContext(
    argv: string[],
    stdout: OutputStream,
    stderr: OutputStream,
    pid1: boolean,
    stdin?: AsyncIterable<string>,
    tty = false,
  ): ProcessContext {
    const spec = this.spec;
    const ctx: ProcessContext = {
      argv,
      env: { ...this.spec.env },
      cwd: this.spec.cwd,
      stdout,
      stderr,
      stdin,
      tty,
      get fs() {
        return spec.filesystem();
      },
      clock: this.clock,
      ended: this.ending.signal,
      hostname: this.spec.hostname,
      startedAt: this.startedAt,
      pid1,
      onSignal: (handler) => {
        if (!pid1) return () => {};
        this.signalHandlers.add(handler);
        return () => this.signalHandlers.delete(handler);
      },
      program: (name) => findProgram(this.spec.image.module, name),
      listen: (port, listener) => {
        const close = this.spec.listen(port, this.usage.meter(listener));
        this.onExit(close);
        return close;
      },
      // Signals go to PID 1 alone (as docker stop sends them); children see only SIGKILL, which ends the container.
      spawn: (child, childArgv) =>
        this.runProcess(child, { ...ctx, argv: childArgv, pid1: false, onSignal: () => () => {} }),
      processes: () => [...this.running.values()].sort((a, b) => a.pid - b.pid),
      load: (millicores, memoryBytes) => this.usage.load(millicores, memoryBytes),
      net: this.network,
      kubernetes: spec.kubernetes,
    };
    return ctx;
  }

  /** Marks a container that ran before a reload as exited, as its status said (no process, no log). */
  restoreExited(startedAt: number, finishedAt: number, exitCode: number, reason?: string): void {
    this.state = 'exited';
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.exitCode = exitCode;
    this.reason = (reason as ExitReason | undefined) ?? (exitCode === 0 ? 'Completed' : 'Error');
  }

  /** The container could not start: exit 128 with the runtime's message. */
  private fail(message: string): void {
    this.message = message;
    this.exit(128, 'StartError');
  }

  /** Ends the container with `code`; later exits are ignored. */
  private exit(code: number, reason?: ExitReason): void {
    if (this.state === 'exited') return;
    this.state = 'exited';
    this.finishedAt = this.clock.now();
    this.usage.stop();
    this.exitCode = code;
    this.reason = reason ?? (code === 0 ? 'Completed' : 'Error');
    this.signalHandlers.clear();
    this.running.clear();
    this.ending.abort();
    this.stdinQueue?.end();
    for (const listener of this.exitListeners.splice(0)) listener();
    for (const listener of [...this.logListeners]) this.logListeners.delete(listener);
  }

  /** Sends `signal`; SIGKILL ends the container at once. */
  signal(signal: ProcessSignal): void {
    if (this.state !== 'running') return;
    if (signal === 'SIGKILL') {
      this.exit(SIGNAL_EXIT.SIGKILL);
      return;
    }
    for (const handler of [...this.signalHandlers]) handler(signal);
  }

  /** Resolves once the container has exited. */
  waitExit(): Promise<void> {
    if (this.state === 'exited') return Promise.resolve();
    return new Promise((resolve) => this.exitListeners.push(resolve));
  }

  appendLog(stream: 'stdout' | 'stderr', text: string): void {
    const line = { time: this.clock.now(), stream, text };
    this.logs.push(line);
    for (const listener of this.logListeners) listener(line);
  }

  /** Calls `listener` for every new log line until the container exits; the result stops it. */
  followLogs(listener: (line: LogLine) => void): () => void {
    if (this.state === 'exited') return () => {};
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  /** Called back when the container exits (at once if it has). */
  onExit(listener: () => void): void {
    if (this.state === 'exited') listener();
    else this.exitListeners.push(listener);
  }

  /** Stdin attached to PID 1 (`kubectl attach -i`), when the container keeps it open. */
  setStdin(queue: { push(text: string): void; end(): void }): void {
    this.stdinQueue = queue;
  }

  writeStdin(text: string | null): void {
    if (text === null) this.stdinQueue?.end();
    else this.stdinQueue?.push(text);
  }
}
