// Small applets: pwd, sleep, date (GNU's behaviour, busybox's options), printf (ash's builtin),
// sed (GNU sed's engine, loaded on first use as on the host), vi (the host's editor).
import type { ShellCommand } from '../../shell/command';
import { date as gnuDate } from '../../shell/commands/date';
import { BASE_PROGRAMS } from '../programs';
import type { Program } from '../types';
import { defineApplet, flags, usageText } from './applet';
import { commandContext } from '../command-context';
import { fromHostCommand } from './host-command';

export const pwd = defineApplet({
  name: 'pwd',
  options: flags('LP'),
  async run(ctx) {
    ctx.stdout.write(`${ctx.cwd}\n`);
    return 0;
  },
});

/** A shared program (busybox's texts already) with busybox's `APPLET --help`. */
function withHelp(name: string, program: Program): Program {
  return async (ctx) => {
    if (ctx.argv.length === 2 && ctx.argv[1] === '--help') {
      ctx.stderr.write(usageText(name));
      return 0;
    }
    return program(ctx);
  };
}

export const sleep = withHelp('sleep', BASE_PROGRAMS.sleep);
export const tar = withHelp('tar', BASE_PROGRAMS.tar);

export const date = fromHostCommand('date', gnuDate, [
  ...flags('uRd:D:r:s:'),
  { key: 'I', short: 'I', arg: 'optional' },
]);

/** printf as a program is ash's builtin run by `sh` (the same code, as busybox shares it). */
export const printf: Program = async (ctx) => {
  if (ctx.argv.length === 2 && ctx.argv[1] === '--help') {
    ctx.stderr.write(usageText('printf'));
    return 0;
  }
  if (ctx.argv.length < 2) {
    ctx.stderr.write(usageText('printf'));
    return 1;
  }
  const sh = ctx.program('sh');
  if (!sh) return 127;
  return sh({ ...ctx, argv: ['sh', '-c', 'printf "$@"', 'printf', ...ctx.argv.slice(1)] });
};

let gnuSed: Promise<ShellCommand> | undefined;

/** sed: GNU sed's engine (loaded on first use), busybox's options and usage. */
export const sed: Program = async (ctx) => {
  gnuSed ??= import('../../shell/commands/sed').then((m) => m.sed);
  const command = await gnuSed;
  return fromHostCommand('sed', command, [
    ...flags('nrEsuzf:e:'),
    { key: 'i', short: 'i', arg: 'optional' },
    { key: 'e', long: 'expression', arg: 'required' },
    { key: 'f', long: 'file', arg: 'required' },
    { key: 'i', long: 'in-place', arg: 'optional' },
    { key: 'r', long: 'regexp-extended' },
    { key: 'n', long: 'quiet' },
    { key: 'n', long: 'silent' },
    { key: 's', long: 'separate' },
    { key: 'z', long: 'null-data' },
    { key: 'posix', long: 'posix' },
    { key: 'debug', long: 'debug' },
  ])(ctx);
};

let hostVi: Promise<ShellCommand> | undefined;

/**
 * vi: the host's editor engine (loaded on first use) on the container's terminal (80×24, which
 * the process is not told). It draws vim's screen, not busybox vi's: a known difference.
 */
export const vi = defineApplet({
  name: 'vi',
  options: flags('c:RH'),
  async run(ctx) {
    hostVi ??= import('../../shell/editors/vi-command').then((m) => m.vi);
    const command = await hostVi;
    const base = commandContext(ctx);
    const tty = ctx.tty ? { cols: 80, rows: 24, setRawMode: () => {}, onResize: () => () => {} } : undefined;
    return command.run({ ...base, argv: ['vi', ...ctx.argv.slice(1).filter((a) => !a.startsWith('-'))], tty });
  },
});
