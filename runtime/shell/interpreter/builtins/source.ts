// source/. and eval: run text as commands in this shell.
import { normalizePath } from '../../fs/volume';
import { readAll } from '../../process';
import { descriptorStream } from '../descriptor-files';
import { runText } from '../script';
import { ReturnSignal } from '../signals';
import type { Builtin } from './types';

/** `source file [args]` / `. file [args]`. */
export const source: Builtin = async ({ argv, stderr, shell, fds }) => {
  const name = argv[1];
  if (name === undefined) {
    stderr.write(
      `${shell.errorPrefix()}${argv[0]}: filename argument required\n${argv[0]}: usage: ${argv[0]} filename [arguments]\n`,
    );
    return 2;
  }
  const path = normalizePath(name, shell.state.cwd);
  // `source <(kubectl completion bash)`: the text comes from the open descriptor.
  const descriptor = descriptorStream(path, fds);
  const text = descriptor && 'read' in descriptor ? readAll(descriptor) : undefined;
  if (!text && shell.fs.isDirectory(path)) {
    stderr.write(`${shell.errorPrefix()}${argv[0]}: ${name}: is a directory\n`);
    return 1;
  }
  if (!text && !shell.fs.exists(path)) {
    stderr.write(`${shell.errorPrefix()}${name}: No such file or directory\n`);
    return 1;
  }
  const state = shell.state;
  const positional = state.positional;
  if (argv.length > 2) state.positional = argv.slice(2);
  // A non-interactive shell names the sourced file and its lines in errors; at the prompt,
  // only its syntax errors say where they are.
  const { errorName, lineno } = state;
  const interactive = shell.runtime.interactive;
  if (!interactive) state.errorName = name;
  shell.sourceDepth++;
  try {
    const label = interactive ? `bash: ${name}: ` : `${name}: `;
    return await runText(shell, text ? await text : shell.fs.readFile(path), fds, { label });
  } catch (error) {
    if (error instanceof ReturnSignal) return error.status;
    throw error;
  } finally {
    shell.sourceDepth--;
    if (argv.length > 2) state.positional = positional;
    state.errorName = errorName;
    state.lineno = lineno;
  }
};

/** `eval args…`: the arguments joined by spaces, run as commands. */
export const evalBuiltin: Builtin = async ({ argv, shell, fds }) => {
  const text = argv.slice(1).join(' ');
  if (text.trim() === '') return 0;
  return runText(shell, text, fds);
};
