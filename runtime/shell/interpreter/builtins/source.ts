// source/. and eval: run text as commands in this shell.
import { normalizePath } from '../../fs/volume';
import { ParseError } from '../../syntax/errors';
import { Parser } from '../../syntax/parser';
import type { Interpreter } from '../interpreter';
import { ReturnSignal } from '../signals';
import type { Fds } from '../streams';
import type { Builtin } from './types';

/**
 * Parses and runs `text` one top-level command at a time (so aliases defined early apply
 * later); `label` prefixes syntax errors (`/path: line 1: `), as bash does for files.
 */
export async function runText(shell: Interpreter, text: string, fds: Fds, label = ''): Promise<number> {
  const parser = new Parser(text, { alias: (name) => shell.state.aliases.get(name) });
  let status = 0;
  for (;;) {
    let list;
    try {
      list = parser.nextCommand();
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const stderr = fds.get(2);
      if (stderr && 'write' in stderr) stderr.write(`bash: ${label}${error.message}\n`);
      return 2;
    }
    if (!list) return status;
    status = await shell.runList(list, fds);
  }
}

/** `source file [args]` / `. file [args]`. */
export const source: Builtin = async ({ argv, stderr, shell, fds }) => {
  const name = argv[1];
  if (name === undefined) {
    stderr.write(`bash: ${argv[0]}: filename argument required\n${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  const path = normalizePath(name, shell.state.cwd);
  if (shell.fs.isDirectory(path)) {
    stderr.write(`bash: ${argv[0]}: ${name}: is a directory\n`);
    return 1;
  }
  if (!shell.fs.exists(path)) {
    stderr.write(`bash: ${name}: No such file or directory\n`);
    return 1;
  }
  const state = shell.state;
  const positional = state.positional;
  if (argv.length > 2) state.positional = argv.slice(2);
  shell.sourceDepth++;
  try {
    return await runText(shell, shell.fs.readFile(path), fds, `${name}: line 1: `);
  } catch (error) {
    if (error instanceof ReturnSignal) return error.status;
    throw error;
  } finally {
    shell.sourceDepth--;
    if (argv.length > 2) state.positional = positional;
  }
};

/** `eval args…`: the arguments joined by spaces, run as commands. */
export const evalBuiltin: Builtin = async ({ argv, shell, fds }) => {
  const text = argv.slice(1).join(' ');
  if (text.trim() === '') return 0;
  return runText(shell, text, fds);
};
