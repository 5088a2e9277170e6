// One job of an interactive shell: a pipeline started with `&`, or a foreground one that Ctrl-Z
// stopped. It owns what signals act on: stopping holds its interpreter's ticks, its output and
// its timers until it is continued; killing aborts it and settles its status at once (a killed
// process is gone, whatever its promises still do).
import { CancelController, type CancelSignal } from '../../cancel';
import type { Clock } from '../../clock';
import type { InputStream, OutputStream } from '../process';
import { SIGCHLD, SIGCONT, SIGINT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH } from './signal-names';
import type { Fds, Stream } from './streams';

/** Where a job is in its life: bash's JRUNNING, JSTOPPED, JDEAD. */
export type JobState = 'running' | 'stopped' | 'done';

/** One process of a job: its pid and its command as bash prints it. */
export interface JobProcess {
  pid: number;
  text: string;
}

const STOPPING = new Set([SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU]);
/** Signals whose default action is to do nothing. */
const IGNORED = new Set([0, SIGCHLD, SIGURG, SIGWINCH]);

/** A job: its processes, its state, and the controls signals act on. */
export class Job {
  /** The job number (`%1`); 0 until the job is in a job table. */
  id = 0;
  state: JobState = 'running';
  /** The exit status once done: the last command's, or 128 + the signal that killed it. */
  status = 0;
  /** The signal that killed the job, if one did. */
  termSignal: number | undefined;
  /** The signal that last stopped it (`jobs -l` says `Stopped (signal)` after SIGSTOP). */
  stopSignal: number | undefined;
  /** A foreground job's standard input, which `fg` points at its own line's terminal. */
  input: JobInput | undefined;
  /** Its standard input was the terminal (so `fg` hands it the terminal again). */
  readsTerminal = false;
  /** Waited for in the foreground (bash's J_FOREGROUND): its end is not announced. */
  foreground: boolean;
  /** Its latest change has been reported (bash's J_NOTIFIED). */
  notified = false;
  /**
   * When this shell's `kill` changed the job's state: bash's prompt comes back before the signal
   * lands, so such a change shows one prompt later (see JobTable.notices).
   */
  signalledAt: number | undefined;
  /** Resolves with the exit status when the job is done. */
  readonly done: Promise<number>;
  /** Raised when the job is killed. */
  readonly signal: CancelSignal;
  /** The shell's clock as the job's commands see it: timers due while stopped fire on resume. */
  readonly clock: Clock;
  private settle: (status: number) => void = () => {};
  private readonly controller = new CancelController();
  private resumers: Array<() => void> = [];
  private stopListeners: Array<() => void> = [];
  private writes: Promise<void> | undefined;
  private pendingWrites = 0;

  constructor(
    readonly processes: JobProcess[],
    /** The working directory the job started in (shown as `(wd: …)` once it differs). */
    readonly wd: string,
    clock: Clock,
    foreground = false,
  ) {
    this.foreground = foreground;
    this.done = new Promise((resolve) => (this.settle = resolve));
    this.signal = this.controller.signal;
    this.clock = {
      now: () => clock.now(),
      setTimer: (ms, callback) =>
        clock.setTimer(ms, () => {
          const resumed = this.whenRunning();
          if (resumed) void resumed.then(callback);
          else callback();
        }),
    };
  }

  /** The pid `jobs -p` and `kill %n` use (the process group's leader). */
  get pgid(): number {
    return this.processes[0].pid;
  }

  /** The pid `$!` and `[1] PID` report: the last process of the pipeline. */
  get lastPid(): number {
    return this.processes[this.processes.length - 1].pid;
  }

  /** The job's command line, its processes joined by pipes. */
  get text(): string {
    return this.processes.map((p) => p.text).join(' | ');
  }

  /** Follows the run of the job's commands: its status becomes the job's (unless killed first). */
  track(run: Promise<number>): void {
    // A run that fails (an exit from a stopped job's subshell) ends the job; the caller that
    // waits in the foreground sees the error itself.
    run.then(
      (status) => this.finish(status),
      () => this.finish(1),
    );
  }

  /** A promise that resolves when the job runs again, or undefined when it is running. */
  whenRunning(): Promise<void> | undefined {
    if (this.state !== 'stopped') return undefined;
    return new Promise((resolve) => this.resumers.push(resolve));
  }

  /** Calls `listener` the next time the job stops; returns an unsubscribe. */
  onStop(listener: () => void): () => void {
    this.stopListeners.push(listener);
    return () => (this.stopListeners = this.stopListeners.filter((l) => l !== listener));
  }

  /**
   * Delivers signal `n`: stop signals stop it, SIGCONT continues it, the ignored ones do
   * nothing, and the rest kill it (a stopped job is continued to receive it, as bash does).
   */
  deliver(n: number): void {
    if (this.state === 'done' || IGNORED.has(n)) return;
    if (STOPPING.has(n)) {
      this.stopSignal = n;
      this.stop();
    } else if (n === SIGCONT) this.resume();
    else this.kill(n);
  }

  /** Ctrl-C or `kill` from `signal` (the foreground command line's) ends the job with SIGINT. */
  followInterrupts(signal: CancelSignal): () => void {
    return signal.onAbort(() => this.deliver(SIGINT));
  }

  stop(): void {
    if (this.state !== 'running') return;
    this.state = 'stopped';
    this.notified = false;
    for (const listener of this.stopListeners.splice(0)) listener();
  }

  resume(): void {
    if (this.state !== 'stopped') return;
    this.state = 'running';
    this.notified = false;
    for (const resume of this.resumers.splice(0)) resume();
  }

  private kill(n: number): void {
    this.termSignal = n;
    this.finish(128 + n);
    this.controller.abort();
    // Whatever waited for a continue unwinds now, into the aborted signal.
    for (const resume of this.resumers.splice(0)) resume();
  }

  private finish(status: number): void {
    if (this.state === 'done') return;
    this.state = 'done';
    this.status = status;
    this.notified = false;
    this.settle(status);
  }

  /** The job's descriptors: writes wait while it is stopped and vanish once it is killed. */
  gate(fds: Fds): Fds {
    const own = new Map<number, Stream>();
    for (const [fd, stream] of fds) own.set(fd, 'write' in stream ? this.gateOutput(stream) : stream);
    return own;
  }

  private gateOutput(out: OutputStream): OutputStream {
    const gated: OutputStream & { inner: OutputStream } = {
      inner: out,
      write: (text) => {
        if (this.termSignal !== undefined) return;
        const resumed = this.whenRunning();
        if (!resumed && this.pendingWrites === 0) return out.write(text);
        // Held writes go out in order once the job runs again.
        this.pendingWrites++;
        const write = (this.writes ?? Promise.resolve())
          .then(() => this.whenRunning())
          .then(() => (this.termSignal === undefined ? out.write(text) : undefined))
          .finally(() => this.pendingWrites--);
        this.writes = write.catch(() => {});
        return write;
      },
    };
    return gated;
  }
}

/** The stream under a job's gated output (the TTY check compares the terminal's own stream). */
export function ungated(out: OutputStream): OutputStream {
  return 'inner' in out ? ungated((out as { inner: OutputStream }).inner) : out;
}

/**
 * A foreground job's standard input: reads wait while the job is stopped, and `fg` can hand it
 * the terminal of a later command line (the line it was stopped on has closed its own).
 */
export class JobInput implements InputStream {
  constructor(
    private readonly job: Job,
    public source: InputStream,
  ) {}

  async read(): Promise<string | null> {
    for (;;) {
      await this.job.whenRunning();
      const source = this.source;
      const chunk = await source.read();
      // The end of a terminal that went away while stopped is not the job's end of file.
      if (chunk === null && (this.job.state === 'stopped' || this.source !== source)) continue;
      return chunk;
    }
  }

  close(): void {
    this.source.close();
  }
}

/** The stream under a job's gated input: the terminal, for a foreground command reading it. */
export function ungatedInput(input: InputStream): InputStream {
  return input instanceof JobInput ? input.source : input;
}
