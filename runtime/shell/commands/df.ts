import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { humanSize } from './coreutils/format';
import { has } from './coreutils/options';

/** The host's filesystems, in 1K blocks: a 50 GB disk and the usual tmpfs mounts. */
const FILESYSTEMS: Array<{ source: string; type: string; size: number; used: number; target: string }> = [
  { source: 'tmpfs', type: 'tmpfs', size: 807_448, used: 1_716, target: '/run' },
  { source: '/dev/sda1', type: 'ext4', size: 50_770_432, used: 9_412_508, target: '/' },
  { source: 'tmpfs', type: 'tmpfs', size: 4_037_224, used: 0, target: '/dev/shm' },
  { source: 'tmpfs', type: 'tmpfs', size: 5_120, used: 0, target: '/run/lock' },
  { source: '/dev/sda15', type: 'vfat', size: 106_858, used: 6_186, target: '/boot/efi' },
  { source: 'tmpfs', type: 'tmpfs', size: 807_444, used: 12, target: '/run/user/1000' },
];

/** GNU `df`: the host's filesystems (plausible fixed numbers), -h and -T. */
export const df: ShellCommand = defineUtility({
  name: 'df',
  summary: 'report file system space usage',
  options: [
    { key: 'h', short: 'h', long: 'human-readable' },
    { key: 'T', short: 'T', long: 'print-type' },
    { key: 'a', short: 'a', long: 'all' },
    { key: 'k', short: 'k' },
  ],
  async run(ctx, io) {
    const human = has(io.args, 'h');
    const type = has(io.args, 'T');
    const fsFor = (path: string): string =>
      path.startsWith('/dev/shm') ? '/dev/shm' : path.startsWith('/run') ? '/run' : '/';
    const wanted = io.args.operands.map((o) => fsFor(io.resolve(o)));
    const rows = [
      [
        'Filesystem',
        ...(type ? ['Type'] : []),
        human ? 'Size' : '1K-blocks',
        'Used',
        human ? 'Avail' : 'Available',
        'Use%',
        'Mounted on',
      ],
    ];
    for (const f of FILESYSTEMS) {
      if (wanted.length > 0 && !wanted.includes(f.target)) continue;
      const avail = f.size - f.used - (f.type === 'ext4' ? Math.floor(f.size * 0.05) : 0);
      const pct = f.used === 0 ? 0 : Math.ceil((f.used * 100) / (f.used + avail));
      const size = (kb: number): string => (human ? (kb === 0 ? '0' : humanSize(kb * 1024)) : String(kb));
      rows.push([f.source, ...(type ? [f.type] : []), size(f.size), size(f.used), size(avail), `${pct}%`, f.target]);
    }
    // GNU df's minimum widths: the source 14, sizes 5 with -h (else 9, 8, 9), Use% 4.
    const minimum = [14, ...(type ? [4] : []), human ? 5 : 9, human ? 5 : 8, human ? 5 : 9, 4, 0];
    const widths = rows[0].map((_, c) => Math.max(minimum[c], ...rows.map((r) => r[c].length)));
    const left = new Set([0, rows[0].length - 1, ...(type ? [1] : [])]);
    const out = rows.map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : left.has(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join(' '),
    );
    await io.out(out.map((l) => `${l}\n`).join(''));
    void ctx;
    return 0;
  },
});
