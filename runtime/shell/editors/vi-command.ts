import type { ShellCommand } from '../command';
import { normalizePath } from '../fs/volume';
import { splitKeys } from '../keys';
import { readText, runFullScreen } from './full-screen';
import { ViEditor } from './vi/editor';

/**
 * The keys of a chunk of input. An Escape followed by a plain key is two keys (vim tells them
 * apart by timing; typed fast or pasted they arrive together), not a Meta key.
 */
function viKeys(chunk: string): string[] {
  return splitKeys(chunk).flatMap((key) => (key.length === 2 && key[0] === '\x1b' ? ['\x1b', key[1]] : [key]));
}

function viCommand(name: string): ShellCommand {
  return {
    name,
    summary: 'edit a file (vim: i to insert, Esc, :wq to save and quit, :q! to quit without saving)',
    run(ctx) {
      const file = ctx.argv[1];
      const editor = new ViEditor(
        {
          name: file,
          text: file === undefined ? undefined : readText(ctx, normalizePath(file, ctx.cwd)),
          write: (target, contents) => ctx.fs.writeFile(normalizePath(target, ctx.cwd), contents),
        },
        ctx.tty?.rows ?? 24,
        ctx.tty?.cols ?? 80,
        () => ctx.shell.clock.now(),
      );
      return runFullScreen(ctx, editor, viKeys, 'Vim: Error reading input, exiting...\n');
    },
  };
}

/** `vi` and `vim`: Vi IMproved as Ubuntu's vim shows it, enough for manifests and `kubectl edit`. */
export const vi = viCommand('vi');
export const vim = viCommand('vim');
