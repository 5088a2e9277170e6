import type { CommandContext, ShellCommand } from '../command';
import type { Stat } from '../fs/inode';
import { errorText } from '../fs/errors';
import { globToRegExp } from './coreutils/glob';
import { localeQuote } from './coreutils/quote';

/** One test of the expression; all must hold (an implicit -a between them). */
type Test = (path: string, name: string, st: Stat, depth: number) => boolean;

const TYPES: Record<string, Stat['kind']> = { f: 'file', d: 'directory', l: 'symlink' };

/**
 * GNU `find` (findutils 4.9), the part tutorials use: paths, then -name/-iname/-path PATTERN,
 * -type f|d|l, -maxdepth/-mindepth N, -empty, -newer?, -print; entries in name order.
 */
export const find: ShellCommand = {
  name: 'find',
  summary: 'search for files in a directory hierarchy',
  async run(ctx: CommandContext) {
    const args = ctx.argv.slice(1);
    const err = (text: string): number => {
      ctx.stderr.write(`find: ${text}\n`);
      return 1;
    };
    const paths: string[] = [];
    while (args.length > 0 && !args[0].startsWith('-') && args[0] !== '!' && args[0] !== '(')
      paths.push(args.shift() as string);
    if (paths.length === 0) paths.push('.');
    const tests: Test[] = [];
    let maxDepth = Infinity;
    let minDepth = 0;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const needs = (): string | undefined => args[++i];
      if (arg === '--help' || arg === '-help') {
        const { HELP_TEXTS } = await import('./coreutils/help-texts');
        await ctx.stdout.write(HELP_TEXTS.find ?? '');
        return 0;
      }
      if (arg === '-print' || arg === '-a' || arg === '-and') continue;
      if (['-name', '-iname', '-path', '-ipath', '-type', '-maxdepth', '-mindepth'].includes(arg)) {
        const value = needs();
        if (value === undefined) return err(`missing argument to \`${arg}'`);
        if (arg === '-name' || arg === '-iname') {
          const re = globToRegExp(value, arg === '-iname');
          tests.push((_p, name) => re.test(name));
        } else if (arg === '-path' || arg === '-ipath') {
          const re = globToRegExp(value, arg === '-ipath');
          tests.push((p) => re.test(p));
        } else if (arg === '-type') {
          const kinds = value.split(',');
          if (kinds.some((k) => (!(k in TYPES) && !'bcps'.includes(k)) || k.length !== 1))
            return err(`Unknown argument to -type: ${value}`);
          tests.push((_p, _n, st) => kinds.some((k) => TYPES[k] === st.kind));
        } else {
          if (!/^\d+$/.test(value))
            return err(`Expected a positive decimal integer argument to ${arg}, but got ${localeQuote(value)}`);
          if (arg === '-maxdepth') maxDepth = Number(value);
          else minDepth = Number(value);
        }
        continue;
      }
      if (arg === '-empty') {
        tests.push((p, _n, st) =>
          st.kind === 'directory' ? ctx.fs.list(resolve(p)).length === 0 : st.kind === 'file' && st.size === 0,
        );
        continue;
      }
      if (arg.startsWith('-')) return err(`unknown predicate \`${arg}'`);
      return err(`paths must precede expression: \`${arg}'`);
    }
    const resolve = (p: string): string => (p.startsWith('/') ? p : `${ctx.cwd === '/' ? '' : ctx.cwd}/${p}`);
    let out = '';
    let status = 0;
    const visit = (path: string, name: string, depth: number): void => {
      let st: Stat;
      try {
        st = ctx.fs.lstat(resolve(path));
      } catch (error) {
        ctx.stderr.write(`find: ${localeQuote(path)}: ${errorText(error)}\n`);
        status = 1;
        return;
      }
      if (depth >= minDepth && tests.every((t) => t(path, name, st, depth))) out += `${path}\n`;
      if (st.kind !== 'directory' || depth >= maxDepth) return;
      let entries;
      try {
        entries = ctx.fs.list(resolve(path));
      } catch (error) {
        ctx.stderr.write(`find: ${localeQuote(path)}: ${errorText(error)}\n`);
        status = 1;
        return;
      }
      for (const entry of entries) visit(`${path.replace(/\/$/, '')}/${entry.name}`, entry.name, depth + 1);
    };
    for (const p of paths) {
      // A starting point that is a symlink to a directory is not followed (-P), as GNU find.
      visit(p, p.replace(/\/+$/, '').split('/').pop() || p, 0);
    }
    await ctx.stdout.write(out);
    return status;
  },
};
