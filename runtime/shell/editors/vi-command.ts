import type { CommandContext, ShellCommand } from '../command';
import { normalizePath } from '../fs/volume';
import { splitKeys } from '../keys';
import { ViEditor } from './vi/editor';

/** The file's text, or undefined when it does not exist. */
function readText(ctx: CommandContext, path: string): string | undefined {
  try {
    return ctx.fs.readFile(path);
  } catch (error) {
    if (error instanceof Error && error.message === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The keys of a chunk of input. An Escape followed by a plain key is two keys (vim tells them
 * apart by timing; typed fast or pasted they arrive together), not a Meta key.
 */
function viKeys(chunk: string): string[] {
  return splitKeys(chunk).flatMap((key) => (key.length === 2 && key[0] === '\x1b' ? ['\x1b', key[1]] : [key]));
}

/** Runs vi full-screen on the terminal: raw keys in, the screen redrawn after each batch. */
async function edit(ctx: CommandContext, name: string | undefined): Promise<number> {
  const path = name === undefined ? undefined : normalizePath(name, ctx.cwd);
  const text = path === undefined ? undefined : readText(ctx, path);
  const editor = new ViEditor(
    {
      name,
      text,
      write: (file, contents) => ctx.fs.writeFile(normalizePath(file, ctx.cwd), contents),
    },
    ctx.tty?.rows ?? 24,
    ctx.tty?.cols ?? 80,
    () => ctx.shell.clock.now(),
  );
  ctx.tty?.setRawMode(true);
  const stopResize = ctx.tty?.onResize(() => {
    editor.rows = ctx.tty?.rows ?? editor.rows;
    editor.cols = ctx.tty?.cols ?? editor.cols;
    void ctx.stdout.write(editor.render());
  });
  // The alternate screen, as vim uses it: the shell's screen comes back when vi ends.
  await ctx.stdout.write(`\x1b[?1049h\x1b[H\x1b[2J${editor.render()}`);
  try {
    while (!editor.done) {
      const chunk = await ctx.stdin.read();
      if (chunk === null || ctx.signal.aborted) {
        await ctx.stdout.write('\x1b[?1049l');
        await ctx.stderr.write('Vim: Error reading input, exiting...\n');
        return 1;
      }
      for (const key of viKeys(chunk)) if (!editor.done) editor.key(key);
      if (!editor.done) await ctx.stdout.write(editor.render());
    }
    await ctx.stdout.write('\x1b[?1049l');
    return 0;
  } finally {
    stopResize?.();
    ctx.tty?.setRawMode(false);
  }
}

function viCommand(name: string): ShellCommand {
  return {
    name,
    summary: 'edit a file (vim: i to insert, Esc, :wq to save and quit, :q! to quit without saving)',
    run: (ctx) => edit(ctx, ctx.argv[1]),
  };
}

/** `vi` and `vim`: Vi IMproved as Ubuntu's vim shows it, enough for manifests and `kubectl edit`. */
export const vi = viCommand('vi');
export const vim = viCommand('vim');
