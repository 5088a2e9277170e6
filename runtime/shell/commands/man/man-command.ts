import type { CommandContext, ShellCommand } from '../../command';
import { runFullScreen } from '../../editors/full-screen';
import { splitKeys } from '../../keys';
import { formatPage } from './format';
import { ManPager } from './man-pager';
import type { ManPage } from './page';
import { findPage, MAN_PAGES } from './pages';
import { plainLine } from './styled';

/** man-db's version on Ubuntu 24.04. */
const VERSION = 'man 2.12.0\n';

/** The width pages are formatted for: MANWIDTH, else COLUMNS, else the terminal's, else 80. */
function columnsFor(ctx: CommandContext): number {
  for (const value of [ctx.env.MANWIDTH, ctx.env.COLUMNS]) if (value && /^[1-9]\d*$/.test(value)) return Number(value);
  return ctx.tty?.cols ?? 80;
}

/** whatis/apropos lines: `ls (1)` padded to 20 columns, then the summary, cut to fit 80. */
function describe(pages: readonly ManPage[]): string {
  return pages
    .map((page) => {
      const line = `${`${page.name} (${page.section})`.padEnd(20)} - ${page.summary}`;
      return line.length > 80 ? `${line.slice(0, 77)}...` : line;
    })
    .map((line) => `${line}\n`)
    .join('');
}

/** `man -k`/`apropos`: pages whose name or summary matches any of the (case-blind) regexps. */
async function apropos(ctx: CommandContext, keys: string[], name: 'apropos' | 'whatis'): Promise<number> {
  if (keys.length === 0) {
    await ctx.stderr.write(`${name} what?\n`);
    return 1;
  }
  const found = new Set<ManPage>();
  for (const key of keys) {
    let test: (page: ManPage) => boolean;
    if (name === 'whatis') test = (page) => page.name === key || (page.aliases ?? []).includes(key);
    else {
      let regex: RegExp;
      try {
        regex = new RegExp(key, 'i');
      } catch {
        regex = new RegExp(key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      }
      test = (page) => regex.test(page.name) || regex.test(page.summary);
    }
    const matches = MAN_PAGES.filter(test);
    if (matches.length === 0) await ctx.stderr.write(`${key}: nothing appropriate.\n`);
    for (const page of matches) found.add(page);
  }
  await ctx.stdout.write(describe([...found].sort((a, b) => a.name.localeCompare(b.name))));
  return found.size > 0 ? 0 : 16;
}

/** Shows one page (asked for as `name`): through less on a terminal, plain into a pipe. */
async function show(ctx: CommandContext, page: ManPage, name: string): Promise<void> {
  const lines = formatPage(page, columnsFor(ctx));
  if (!ctx.tty) {
    await ctx.stdout.write(lines.map((line) => `${plainLine(line)}\n`).join(''));
    return;
  }
  const pager = new ManPager(lines, `${name}(${page.section})`, ctx.tty.rows, ctx.tty.cols);
  await runFullScreen(ctx, pager, splitKeys, '');
}

/**
 * man-db's `man [SECTION] PAGE...` over kubeplay's own pages (pages/): formatted for the
 * terminal's width and paged through less, or written plain when the output is not a terminal.
 * `-k` (apropos), `-f` (whatis) and `-w` (where the page is) too. A page that is not there is
 * "No manual entry", status 16, as for the shell's builtins, which have no page of their own.
 */
export const man: ShellCommand = {
  name: 'man',
  summary: 'show the manual page of a command (q to quit)',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const mode = args[0];
    if (mode === '-k') return apropos(ctx, args.slice(1), 'apropos');
    if (mode === '-f') return apropos(ctx, args.slice(1), 'whatis');
    if (mode === '--version' || mode === '-V') {
      await ctx.stdout.write(VERSION);
      return 0;
    }
    const where = mode === '-w';
    const names = where ? args.slice(1) : args;
    const unknown = names.find((arg) => arg.startsWith('-'));
    if (unknown !== undefined) {
      const message = unknown.startsWith('--')
        ? `unrecognized option '${unknown}'`
        : `invalid option -- '${unknown[1]}'`;
      await ctx.stderr.write(`man: ${message}\nTry 'man --help' or 'man --usage' for more information.\n`);
      return 1;
    }
    // A first argument that names a section (1, 5, 3p, ...) picks it.
    const section = /^[1-9][a-z]*$/.test(names[0] ?? '') ? names.shift() : undefined;
    if (names.length === 0) {
      const alternatively =
        section === undefined
          ? 'What manual page do you want?\n'
          : `No manual entry for ${section}\n(Alternatively, what manual page do you want from section ${section}?)\n`;
      await ctx.stderr.write(`${alternatively}For example, try 'man man'.\n`);
      return 1;
    }
    let status = 0;
    for (const name of names) {
      const page = findPage(name, section);
      if (!page) {
        await ctx.stderr.write(`No manual entry for ${name}${section === undefined ? '' : ` in section ${section}`}\n`);
        status = 16;
      } else if (where) await ctx.stdout.write(`/usr/share/man/man${page.section}/${page.name}.${page.section}.gz\n`);
      else await show(ctx, page, name);
    }
    return status;
  },
};

/** `apropos KEYWORD...`: man -k. */
export const aproposCommand: ShellCommand = {
  name: 'apropos',
  summary: 'search the manual page names and descriptions',
  run: (ctx) => apropos(ctx, ctx.argv.slice(1), 'apropos'),
};

/** `whatis NAME...`: man -f. */
export const whatis: ShellCommand = {
  name: 'whatis',
  summary: 'display one-line manual page descriptions',
  run: (ctx) => apropos(ctx, ctx.argv.slice(1), 'whatis'),
};
