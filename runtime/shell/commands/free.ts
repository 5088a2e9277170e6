import type { ShellCommand } from '../command';
import { memoryUsage } from '../proc/memory';

/** procps' -h scaling: Ki, Mi, Gi with one decimal below 10, B for bytes. */
function human(kib: number): string {
  if (kib === 0) return '0B';
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    unit++;
  }
  const suffix = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi'][unit];
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}${suffix}`;
}

/** procps `free`: memory and swap (/proc/meminfo's fixed numbers), in KiB or -h, -m, -g. */
export const free: ShellCommand = {
  name: 'free',
  summary: 'display amount of free and used memory in the system',
  async run({ argv, stdout, stderr }) {
    let show = (kib: number): string => String(kib);
    for (const arg of argv.slice(1)) {
      if (arg === '-h' || arg === '--human') show = human;
      else if (arg === '-m' || arg === '--mebi') show = (k) => String(Math.round(k / 1024));
      else if (arg === '-g' || arg === '--gibi') show = (k) => String(Math.round(k / 1048576));
      else if (arg === '-k' || arg === '--kibi') show = (k) => String(k);
      else {
        stderr.write(`free: invalid option -- '${arg.replace(/^-+/, '')[0] ?? ''}'\n\nUsage:\n free [options]\n`);
        return 1;
      }
    }
    // The same figures as /proc/meminfo (proc/memory.ts).
    const { mem, swap } = memoryUsage();
    const row = (label: string, values: number[]): string =>
      label.padEnd(8) + values.map((v) => show(v).padStart(12)).join('') + '\n';
    stdout.write(
      '               total        used        free      shared  buff/cache   available\n' +
        row('Mem:', [mem.total, mem.used, mem.free, mem.shared, mem.cache, mem.available]) +
        row('Swap:', [swap.total, swap.used, swap.free]),
    );
    return 0;
  },
};
