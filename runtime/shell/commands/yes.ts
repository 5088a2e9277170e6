import type { ShellCommand } from '../command';
import { CancelledError } from '../../cancel';
import { defineUtility } from './coreutils/define';

/** GNU `yes`: prints `y` (or its operands) forever, waiting on a full pipe; Ctrl-C or EPIPE end it. */
export const yes: ShellCommand = defineUtility({
  name: 'yes',
  summary: 'output a string repeatedly until killed',
  options: [],
  async run(ctx) {
    const line = `${
      ctx.argv.length > 1
        ? ctx.argv
            .slice(1)
            .filter((a, i) => !(i === 0 && a === '--'))
            .join(' ')
        : 'y'
    }\n`;
    const chunk = line.repeat(Math.max(1, Math.floor(8192 / line.length)));
    for (;;) {
      if (ctx.signal.aborted) return 130;
      const pending = ctx.stdout.write(chunk);
      // A terminal never pushes back: yield to the event loop so Ctrl-C can arrive.
      if (pending) await pending;
      else
        await new Promise<void>((resolve, reject) => {
          const timer = ctx.shell.clock.setTimer(0, resolve);
          if (ctx.signal.aborted) {
            timer.cancel();
            reject(new CancelledError());
          }
        }).catch(() => undefined);
    }
  },
});
