// What top samples frame after frame: the host's process table and CPU times now, and what they
// were at the previous frame. The first frame measures since one delay earlier, as real top's
// first frame measures since its start-up sample.
import type { CommandContext } from '../../command';
import type { Interpreter } from '../../interpreter/interpreter';
import { memoryUsage } from '../../proc/memory';
import { hostView, type Asking } from '../ps/host-processes';
import { takeSnapshot, type Accounts, type ProcessSnapshot } from '../ps/process-snapshot';
import { cpuTimes, type CpuTimes } from './cpu-times';
import { frameLines, type FrameInput } from './top-frame';
import type { TopOptions } from './top-args';

/** The three load averages of /proc/loadavg. */
function loadAverages(ctx: CommandContext): [number, number, number] {
  let text = '0.00 0.00 0.00';
  try {
    text = ctx.fs.readFile('/proc/loadavg');
  } catch {
    // No /proc: a quiet machine.
  }
  const [a, b, c] = text.split(' ').map(Number);
  return [a || 0, b || 0, c || 0];
}

/** Frame after frame of one top run. */
export class TopMonitor {
  private previous: ProcessSnapshot | undefined;
  private lastCpu: CpuTimes | undefined;
  /** Set by the first frame: whose names the USER column shows. */
  accounts: Accounts | undefined;

  constructor(
    private readonly ctx: CommandContext,
    private readonly shell: Interpreter | undefined,
    private readonly self: Asking,
    readonly opts: TopOptions,
    private readonly width: () => number,
    private readonly uid?: number,
  ) {}

  /** The next frame's lines, sampled now. */
  frame(): ReturnType<typeof frameLines> {
    const view = hostView(this.ctx, this.shell, this.self);
    this.accounts = view.accounts;
    const { input } = view;
    let previous = this.previous;
    const cpu = cpuTimes(input.uptime);
    let cpuBefore = this.lastCpu;
    if (!previous) {
      const earlier = Math.max(0, input.uptime - this.opts.delay);
      previous = takeSnapshot({ ...input, now: input.now - (input.uptime - earlier) * 1000, uptime: earlier });
      cpuBefore = cpuTimes(earlier);
    }
    this.lastCpu = cpu;
    this.previous = view.snapshot;
    const { mem, swap } = memoryUsage();
    const frame: FrameInput = {
      now: input.now,
      uptime: input.uptime,
      loadavg: loadAverages(this.ctx),
      users: 1,
      current: view.snapshot,
      previous,
      cpu,
      cpuBefore,
      accounts: view.accounts,
      memory: mem,
      swap,
      width: this.width(),
      sortField: this.opts.sortField,
      descending: this.opts.descending,
      commandLines: this.opts.commandLines,
      hideIdle: this.opts.hideIdle,
      pids: this.opts.pids?.map((pid) => pid || this.self.pid),
      uid: this.uid,
    };
    return frameLines(frame);
  }
}
