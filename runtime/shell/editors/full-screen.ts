import type { CommandContext } from '../command';

/** An editor that takes keys and draws the whole screen (vi, nano). */
export interface FullScreenEditor {
  rows: number;
  cols: number;
  readonly done: boolean;
  key(key: string): void;
  render(): string;
}

/** The file's text, or undefined when it does not exist. */
export function readText(ctx: CommandContext, path: string): string | undefined {
  try {
    return ctx.fs.readFile(path);
  } catch (error) {
    if (error instanceof Error && error.message === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Runs an editor on the terminal as a full-screen program does: the alternate screen, raw mode,
 * keys from stdin (split by `keys`), the screen drawn again after each batch and on a resize.
 * When stdin ends first it prints `inputGone` and fails, as the real editors do.
 */
export async function runFullScreen(
  ctx: CommandContext,
  editor: FullScreenEditor,
  keys: (chunk: string) => string[],
  inputGone: string,
): Promise<number> {
  ctx.tty?.setRawMode(true);
  const stopResize = ctx.tty?.onResize(() => {
    editor.rows = ctx.tty?.rows ?? editor.rows;
    editor.cols = ctx.tty?.cols ?? editor.cols;
    void ctx.stdout.write(editor.render());
  });
  await ctx.stdout.write(`\x1b[?1049h\x1b[H\x1b[2J${editor.render()}`);
  try {
    while (!editor.done) {
      const chunk = await ctx.stdin.read();
      if (chunk === null || ctx.signal.aborted) {
        await ctx.stdout.write('\x1b[?1049l');
        await ctx.stderr.write(inputGone);
        return 1;
      }
      for (const key of keys(chunk)) if (!editor.done) editor.key(key);
      if (!editor.done) await ctx.stdout.write(editor.render());
    }
    await ctx.stdout.write('\x1b[?1049l');
    return 0;
  } finally {
    stopResize?.();
    ctx.tty?.setRawMode(false);
  }
}
