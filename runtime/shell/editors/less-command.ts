import type { ShellCommand } from '../command';
import { normalizePath } from '../fs/volume';
import { readAll } from '../process';
import { splitKeys } from '../keys';
import { readText, runFullScreen } from './full-screen';
import { Pager } from './less/pager';

/**
 * `less [FILE]`: pages a file (or, with no file, its standard input) full-screen on the
 * terminal; not on a terminal, it copies them out as cat does, as less does. Missing files and
 * directories get less's texts (and its exit status 0).
 */
export const less: ShellCommand = {
  name: 'less',
  summary: 'page through a file (space/b to page, /pattern to search, q to quit)',
  async run(ctx) {
    const name = ctx.argv.slice(1).find((arg) => !arg.startsWith('-'));
    let text: string;
    if (name === undefined) text = await readAll(ctx.stdin);
    else {
      const path = normalizePath(name, ctx.cwd);
      if (ctx.fs.isDirectory(path)) {
        await ctx.stderr.write(`${name} is a directory\n`);
        return 0;
      }
      const found = readText(ctx, path);
      if (found === undefined) {
        await ctx.stderr.write(`${name}: No such file or directory\n`);
        return 0;
      }
      text = found;
    }
    // Paging a pipe takes the keys from the terminal itself; with no terminal, less is cat.
    const keyboard = name === undefined ? ctx.tty?.keyboard : ctx.stdin;
    if (!ctx.tty || !keyboard) {
      await ctx.stdout.write(text);
      return 0;
    }
    const lines = text.replace(/\n$/, '').split('\n');
    const pager = new Pager(lines, name, ctx.tty.rows, ctx.tty.cols);
    return runFullScreen({ ...ctx, stdin: keyboard }, pager, splitKeys, '');
  },
};
