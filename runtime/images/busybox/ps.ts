// busybox ps as the official image builds it (DESKTOP: `-o` formats): `PID   USER     TIME
// COMMAND` by default, one line per process of the container's PID namespace.

import type { ContainerProcess, ProcessContext } from '../types';

export type { ContainerProcess };
import { accountNames } from './accounts';
import { complain, defineApplet, flags } from './applet';

/** The container's processes (the runtime lists them); without a runtime ps knows only itself. */
export function processesOf(ctx: ProcessContext): ContainerProcess[] {
  return ctx.processes?.() ?? [{ pid: ctx.pid1 ? 1 : 7, uid: 0, cpuSeconds: 0, argv: ctx.argv }];
}

/** The columns `-o` knows: header, width (right-aligned when positive), value. */
const COLUMNS: Record<string, { header: string; width: number; value(p: ContainerProcess, user: string): string }> = {
  pid: { header: 'PID', width: 5, value: (p) => String(p.pid) },
  user: { header: 'USER', width: -8, value: (_, user) => user.slice(0, 8) },
  time: {
    header: 'TIME',
    width: 5,
    value: (p) => `${Math.floor(p.cpuSeconds / 60)}:${String(p.cpuSeconds % 60).padStart(2, '0')}`,
  },
  args: { header: 'COMMAND', width: 0, value: (p) => p.argv.join(' ') },
  comm: { header: 'COMMAND', width: -16, value: (p) => (p.argv[0] ?? '').split('/').pop() ?? '' },
  uid: { header: 'UID', width: 4, value: (p) => String(p.uid) },
};

export const ps = defineApplet({
  name: 'ps',
  options: flags('o:Tw'),
  async run(ctx, args) {
    const format = args.options
      .filter((o) => o.key === 'o')
      .flatMap((o) => (o.value ?? '').split(','))
      .filter(Boolean);
    const names = format.length > 0 ? format : ['pid', 'user', 'time', 'args'];
    for (const name of names) {
      if (!(name.split('=')[0] in COLUMNS)) {
        complain(
          ctx,
          `bad -o argument '${name}', supported arguments: user,group,comm,args,pid,ppid,pgid,tty,vsz,sid,stat,rss`,
        );
        return 1;
      }
    }
    const columns = names.map((name) => {
      const [key, header] = name.split('=');
      return { ...COLUMNS[key], header: header ?? COLUMNS[key].header };
    });
    const accounts = accountNames(ctx.fs);
    // Each column but the last is padded to its width and followed by one space.
    const row = (cells: string[]): string =>
      cells
        .map((cell, i) => {
          const { width } = columns[i];
          if (i === cells.length - 1) return width > 0 ? cell.padStart(width) : cell;
          return `${width >= 0 ? cell.padStart(width) : cell.padEnd(-width)} `;
        })
        .join('')
        .replace(/\s+$/, '');
    const header = columns.map((c) => c.header);
    const lines = [
      header
        .map((h, i) => (i === header.length - 1 ? h : h.padEnd(Math.abs(columns[i].width)) + ' '))
        .join('')
        .trimEnd(),
    ];
    for (const p of processesOf(ctx).sort((a, b) => a.pid - b.pid))
      lines.push(row(columns.map((c) => c.value(p, accounts.user(p.uid)))));
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
});
