import type { ShellCommand } from '../command';
import { normalizePath } from '../fs/volume';
import { splitKeys } from '../keys';
import { readText, runFullScreen } from './full-screen';
import { NanoEditor } from './nano/editor';

/** `nano FILE`: GNU nano 7.2 full-screen on the terminal. */
export const nano: ShellCommand = {
  name: 'nano',
  summary: 'edit a file (GNU nano: ^O to save, ^X to exit)',
  run(ctx) {
    const name = ctx.argv[1] ?? '';
    const editor = new NanoEditor(
      {
        name,
        text: name === '' ? undefined : readText(ctx, normalizePath(name, ctx.cwd)),
        write: (file, text) => ctx.fs.writeFile(normalizePath(file, ctx.cwd), text),
      },
      ctx.tty?.rows ?? 24,
      ctx.tty?.cols ?? 80,
    );
    return runFullScreen(ctx, editor, splitKeys, 'Too many errors from stdin\n');
  },
};
