import type { CommandContext, ShellCommand } from '../command';
import { ERRNO_TEXT, errnoOf } from '../fs/errors';
import { normalizePath } from '../fs/volume';
import { ungatedInput } from '../interpreter/job';
import { splitKeys } from '../keys';
import { readAll } from '../process';
import { parseMoreArgs } from './more/options';
import { MorePager, type MoreFile, type MoreOptions, type MoreOutput } from './more/pager';
import { MORE_USAGE, MORE_VERSION } from './more/texts';

/** Reads `name` for more: its text, or why not (a directory is more's own message). */
function openFile(ctx: CommandContext, name: string): MoreFile {
  const path = normalizePath(name, ctx.cwd);
  if (ctx.fs.isDirectory(path)) return { name, directory: true };
  try {
    return { name, text: ctx.fs.readFile(path) };
  } catch (error) {
    const errno = errnoOf(error);
    if (!errno) throw error;
    return { name, error: ERRNO_TEXT[errno] };
  }
}

/** Not on a terminal, more is cat: each file after a banner when there are several. */
async function copyFiles(ctx: CommandContext, files: MoreFile[]): Promise<number> {
  for (const file of files) {
    if ('error' in file) await ctx.stderr.write(`more: cannot open ${file.name}: ${file.error}\n`);
    else if ('directory' in file) await ctx.stdout.write(`\n*** ${file.name}: directory ***\n\n`);
    else {
      if (files.length > 1) await ctx.stdout.write(`::::::::::::::\n${file.name}\n::::::::::::::\n`);
      await ctx.stdout.write(file.text);
    }
  }
  return 0;
}

/** Pages `files` on the terminal, keys from stdin in raw mode (so newlines go out as \r\n). */
async function page(ctx: CommandContext, files: MoreFile[], options: MoreOptions): Promise<number> {
  const tty = ctx.tty as NonNullable<CommandContext['tty']>;
  const pager = new MorePager(files, options, tty.rows, tty.cols);
  const flush = async (output: MoreOutput[]): Promise<void> => {
    for (const { stream, text } of output)
      await (stream === 'out' ? ctx.stdout : ctx.stderr).write(text.replace(/\n/g, '\r\n'));
  };
  tty.setRawMode(true);
  try {
    pager.start();
    await flush(pager.drain());
    while (!pager.done) {
      const chunk = await ctx.stdin.read();
      if (chunk === null || ctx.signal.aborted) pager.quit();
      else for (const key of splitKeys(chunk)) pager.key(key);
      await flush(pager.drain());
    }
  } finally {
    tty.setRawMode(false);
  }
  return 0;
}

/**
 * util-linux `more [options] FILE...` (2.39, which exits at the end of the last file): pages
 * files on the terminal (more/pager.ts); not on a terminal, copies them out as cat does, with
 * `::::::::::::::` banners when there are several. Unreadable files are reported and skipped;
 * more's status is 0 all the same. With no file it pages its standard input, a pipe, taking its
 * keys from the terminal (Tty.keyboard), as more reads /dev/tty.
 */
export const more: ShellCommand = {
  name: 'more',
  summary: 'page through text one screenful at a time (space for more, q to quit)',
  async run(ctx) {
    const fromEnv = (ctx.env.MORE ?? '').split(/[ \t\n]+/).filter(Boolean);
    const args = parseMoreArgs([...fromEnv, ...ctx.argv.slice(1)]);
    if ('exit' in args) {
      if (args.help) await ctx.stdout.write(MORE_USAGE);
      if (args.version) await ctx.stdout.write(MORE_VERSION);
      if (args.stdout) await ctx.stdout.write(args.stdout);
      if (args.stderr) await ctx.stderr.write(args.stderr);
      return args.exit;
    }
    if (args.files.length === 0) {
      // A pipe is paged with keys from the terminal itself; otherwise more is cat.
      const text = await readAll(ctx.stdin);
      const keyboard = ctx.tty?.keyboard;
      if (!keyboard || ungatedInput(ctx.stdin) === keyboard) {
        await ctx.stdout.write(text);
        return 0;
      }
      const editor = ctx.env.VISUAL || ctx.env.EDITOR || '/usr/bin/vi';
      return page({ ...ctx, stdin: keyboard }, [{ name: '', text, piped: true }], { ...args.options, editor });
    }
    const files = args.files.map((name) => openFile(ctx, name));
    if (!ctx.tty) return copyFiles(ctx, files);
    const editor = ctx.env.VISUAL || ctx.env.EDITOR || '/usr/bin/vi';
    return page(ctx, files, { ...args.options, editor });
  },
};
