// busybox top as the Debian build prints it (recorded: `busybox top -b -n 1`): the memory, CPU and
// load lines, then one line per process of the container, refreshed every -d seconds (5) until
// -n iterations or, on a terminal, q or Ctrl-C. -b writes plain lines; otherwise each screen
// starts by clearing the terminal.
import { MEMINFO } from '../../shell/proc/memory';
import { loadavgText } from '../../shell/proc/kernel-texts';
import { sleepFor } from '../programs';
import type { ContainerProcess, ProcessContext } from '../types';
import { accountNames } from './accounts';
import { complain, defineApplet, flags } from './applet';
import { processesOf } from './ps';

/** A busybox process's virtual size in KiB (the one binary every applet is). */
const BUSYBOX_VSZ = 4392;
const CLEAR = '\x1b[H\x1b[J';
const WIDTH = 80;

const percent = (value: number): string => ` ${String(value).padStart(3)}%`;

function screen(ctx: ProcessContext, processes: ContainerProcess[]): string[] {
  const m = MEMINFO;
  const accounts = accountNames(ctx.fs);
  const lines = [
    `Mem: ${m.MemTotal - m.MemFree}K used, ${m.MemFree}K free, ${m.Shmem}K shrd, ${m.Buffers}K buff, ${m.Cached}K cached`,
    `CPU:${percent(0)} usr${percent(0)} sys${percent(0)} nic${percent(100)} idle${percent(0)} io${percent(0)} irq${percent(0)} sirq`,
    `Load average: ${loadavgText().trimEnd()}`,
    '  PID  PPID USER     STAT   VSZ %VSZ %CPU COMMAND',
  ];
  for (const p of processes) {
    const state = p.argv[0] === ctx.argv[0] ? 'R' : 'S';
    const vszShare = Math.floor((BUSYBOX_VSZ * 100) / m.MemTotal);
    const user = accounts.user(p.uid).slice(0, 8).padEnd(8);
    lines.push(
      `${String(p.pid).padStart(5)} ${'0'.padStart(5)} ${user} ${state.padEnd(4)} ${String(BUSYBOX_VSZ).padStart(5)}${percent(vszShare)}${percent(0)} ${p.argv.join(' ')}`,
    );
  }
  return lines;
}

export const top = defineApplet({
  name: 'top',
  options: flags('bHn:d:m'),
  async run(ctx, args) {
    const batch = args.options.some((o) => o.key === 'b');
    const last = (key: string): string | undefined => args.options.filter((o) => o.key === key).pop()?.value;
    const count = last('n');
    const delay = last('d');
    const iterations = count === undefined ? Infinity : Number.parseInt(count, 10);
    const seconds = delay === undefined ? 5 : Number(delay);
    if (Number.isNaN(iterations) || !Number.isFinite(seconds) || seconds < 0) {
      complain(ctx, `invalid number '${Number.isNaN(iterations) ? count : delay}'`);
      return 1;
    }
    let quit = false;
    // On a terminal, q or Ctrl-C ends it.
    if (ctx.tty && !batch && ctx.stdin) {
      void (async () => {
        for await (const chunk of ctx.stdin ?? []) {
          if (chunk.includes('q') || chunk.includes('Q') || chunk.includes('\x03')) {
            quit = true;
            return;
          }
        }
      })();
    }
    for (let i = 0; i < iterations && !quit; i++) {
      const lines = screen(
        ctx,
        processesOf(ctx).sort((a, b) => a.pid - b.pid),
      );
      if (batch) ctx.stdout.write(`${lines.join('\n')}\n`);
      else ctx.stdout.write(CLEAR + lines.map((line) => line.slice(0, WIDTH - 1)).join('\n'));
      if (i + 1 >= iterations) break;
      const ended = await waitOrQuit(ctx, seconds * 1000, () => quit);
      if (ended !== undefined) return ended;
    }
    ctx.stdout.write('\n');
    return 0;
  },
});

/** Waits `ms` on the cluster clock in steps short enough to notice a q; a signal's status ends it. */
async function waitOrQuit(ctx: ProcessContext, ms: number, quit: () => boolean): Promise<number | undefined> {
  for (let left = ms; left > 0 && !quit(); left -= 100) {
    const status = await sleepFor(ctx, Math.min(100, left));
    if (status !== undefined) return status;
  }
  return undefined;
}
