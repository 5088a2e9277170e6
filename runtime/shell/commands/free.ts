import type { ShellCommand } from '../command';

/** The host's memory in KiB: an 8 GB machine running minikube. */
const MEMORY = {
  total: 8_074_452,
  used: 2_412_860,
  free: 3_169_372,
  shared: 12_904,
  cache: 2_751_316,
  available: 5_661_592,
};
const SWAP = { total: 2_097_148, used: 0, free: 2_097_148 };

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

/** procps `free`: memory and swap (plausible fixed numbers), in KiB or -h, -m, -g. */
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
    const row = (label: string, values: number[]): string =>
      label.padEnd(8) + values.map((v) => show(v).padStart(12)).join('') + '\n';
    stdout.write(
      '               total        used        free      shared  buff/cache   available\n' +
        row('Mem:', [MEMORY.total, MEMORY.used, MEMORY.free, MEMORY.shared, MEMORY.cache, MEMORY.available]) +
        row('Swap:', [SWAP.total, SWAP.used, SWAP.free]),
    );
    return 0;
  },
};
