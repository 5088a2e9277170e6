// top on a terminal: frames drawn in place every delay on the cluster clock (or at once after a
// key), keys read raw — q and Ctrl-C quit, M P T N sort, R reverses, c shows command lines, i
// hides idle tasks, space or Enter refreshes. Like procps' top it does not take the alternate
// screen: on quitting, the last frame stays, the cursor at the bottom with a new line.
import type { CommandContext } from '../../command';
import { splitKeys } from '../../keys';
import type { TopOptions } from './top-args';
import type { TopMonitor } from './top-monitor';

const CSI = '\x1b[';

/** The sort field each key picks. */
const SORT_KEYS: Record<string, string> = { M: '%MEM', P: '%CPU', T: 'TIME+', N: 'PID' };

/** One frame for a `cols` × `rows` screen: summary, message line, reverse-video header, rows. */
function draw(frame: ReturnType<TopMonitor['frame']>, cols: number, rows: number, first: boolean): string {
  const clip = (line: string): string => line.slice(0, cols);
  const lines = [...frame.summary.map(clip), ''];
  lines.push(`${CSI}7m${clip(frame.header).padEnd(cols)}${CSI}m`);
  lines.push(...frame.rows.slice(0, Math.max(0, rows - lines.length)).map(clip));
  const body = lines
    .slice(0, rows)
    .map((line, i) => `${CSI}${i + 1};1H${line}${CSI}K`)
    .join('');
  return `${first ? `${CSI}?7l${CSI}?25l${CSI}H${CSI}2J` : ''}${body}${CSI}J${CSI}${Math.min(rows, 6)};1H`;
}

/** Runs top on the terminal until q, Ctrl-C or the last of -n's frames. */
export async function runTopScreen(ctx: CommandContext, monitor: TopMonitor, opts: TopOptions): Promise<number> {
  const tty = ctx.tty;
  if (!tty) return 1;
  const clock = ctx.shell.clock;
  let first = true;
  let frames = 0;
  let done = false;
  let wake: () => void = () => {};
  const show = async (): Promise<void> => {
    await ctx.stdout.write(draw(monitor.frame(), tty.cols, tty.rows, first));
    first = false;
    frames++;
  };
  // An unknown key: the message stands on the message line for 1.25 s, then the next frame.
  const complain = async (): Promise<void> => {
    const text = "Unknown command - try 'h' for help".slice(0, tty.cols - 1);
    await ctx.stdout.write(`${CSI}6;1H${CSI}1m${text}${CSI}m${CSI}K`);
    await new Promise<void>((resolve) => clock.setTimer(1250, resolve));
  };
  tty.setRawMode(true);
  const stopResize = tty.onResize(() => wake());
  const stopAbort = ctx.signal.onAbort(() => {
    done = true;
    wake();
  });
  let pending: Promise<string | null> | undefined;
  try {
    await show();
    while (!done && !(opts.iterations && frames >= opts.iterations)) {
      pending ??= ctx.stdin.read();
      let timer: { cancel(): void } | undefined;
      const event = await new Promise<string | null | 'tick'>((resolve) => {
        wake = () => resolve('tick');
        timer = clock.setTimer(Math.round(opts.delay * 1000), () => resolve('tick'));
        pending?.then(resolve, () => resolve(null));
      });
      timer?.cancel();
      if (event !== 'tick') pending = undefined;
      if (event === null) break;
      if (done) break;
      if (event !== 'tick') {
        for (const key of splitKeys(event)) {
          if (key === 'q' || key === '\x03') done = true;
          else if (SORT_KEYS[key]) opts.sortField = SORT_KEYS[key];
          else if (key === 'R') opts.descending = !opts.descending;
          else if (key === 'c') opts.commandLines = !opts.commandLines;
          else if (key === 'i') opts.hideIdle = !opts.hideIdle;
          else if (key !== ' ' && key !== '\r' && key !== '\n') await complain();
          if (done) break;
        }
        if (done) break;
      }
      await show();
    }
  } finally {
    stopResize();
    stopAbort();
    tty.setRawMode(false);
  }
  // Out as procps' at_eoj: to the bottom line, a new line, the cursor and margins back.
  await ctx.stdout.write(`${CSI}${tty.rows};1H\n${CSI}?12l${CSI}?25h${CSI}K${CSI}?7h`);
  return 0;
}
