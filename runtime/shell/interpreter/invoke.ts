// Simple commands: expanding one, then running it by name as a function, a builtin, or one of
// the host's commands (the last as a foreground job when the shell controls jobs).
import type { Clock } from '../../clock';
import type { CommandContext, ShellCommand, ShellServices, Tty } from '../command';
import { programPath } from '../commands/which';
import { normalizePath } from '../fs/volume';
import { BrokenPipeError, SIGPIPE_STATUS } from '../process';
import type { Command } from '../syntax/ast';
import { assignArray, isArrayAssignment } from './array-assignment';
import { assignmentValue, withTemporary } from './assignments';
import { BUILTINS } from './builtins';
import { commandText } from './command-text';
import { executableAt, findInPath } from './executable';
import { expandWords } from './expand';
import { controlsJobs, runForeground } from './foreground';
import type { Interpreter } from './interpreter';
import { ungated } from './job';
import { isShellAware } from './shell-aware';
import { ExitSignal, InterruptSignal, ReturnSignal, ShellError } from './signals';
import { inputOf, outputOf, WriteError, type Fds } from './streams';
import { traceLine } from './trace';
import { descriptorFilesystem } from './descriptor-files';
import { withProcessSubstitutions, wordsOf } from './process-substitution';

/** bash's limit on nested function calls (FUNCNEST), so that runaway recursion ends cleanly. */
export const MAX_FUNCTION_DEPTH = 1000;

/** Runs a simple command: assignments alone set variables; otherwise the command runs. */
export function runSimple(
  shell: Interpreter,
  command: Extract<Command, { type: 'simple' }>,
  fds: Fds,
): Promise<number> {
  return withProcessSubstitutions(shell, wordsOf(command), fds, (scoped) => runExpanded(shell, command, scoped));
}

async function runExpanded(
  shell: Interpreter,
  command: Extract<Command, { type: 'simple' }>,
  fds: Fds,
): Promise<number> {
  const host = shell.expansion(fds);
  shell.substitutionStatus = undefined;
  const argv = await expandWords(host, command.words);
  const values: Array<[string, string]> = [];
  for (const assign of command.assigns) {
    // Array assignments stand alone (before a command, bash ignores them).
    if (isArrayAssignment(assign)) {
      if (argv.length === 0) await assignArray(shell.state, assign, host);
    } else values.push([assign.name, await assignmentValue(shell.state, assign, host)]);
  }
  if (shell.state.options.xtrace) traceLine(outputOf(fds, 2), values, argv);
  if (argv.length === 0) {
    const substitution = shell.substitutionStatus;
    for (const [name, value] of values) {
      if (!shell.state.set(name, value)) throw new ShellError(`${name}: readonly variable`);
    }
    const own = await shell.redirect(command.redirects, fds);
    if (!own) return 1;
    return substitution ?? 0;
  }
  const own = await shell.redirect(command.redirects, fds);
  if (!own) return 1;
  shell.simpleCommand = command;
  const status = await invoke(shell, argv, values, own);
  // `local -a l=(x y)`: the builtin has declared l; now it gets its elements.
  for (const word of command.words) {
    if (word.assignment) await assignArray(shell.state, word.assignment, host, true);
  }
  return status;
}

/** Runs a command by name: a function, a builtin, or one of the host's commands. */
export async function invoke(
  shell: Interpreter,
  argv: string[],
  assigns: Array<[string, string]>,
  fds: Fds,
): Promise<number> {
  const name = argv[0];
  const state = shell.state;
  state.previousBuiltin = state.currentBuiltin;
  state.currentBuiltin = BUILTINS.has(name) && !state.functions.has(name) ? name : undefined;
  const fn = state.functions.get(name);
  if (fn) return withTemporary(state, assigns, () => callFunction(shell, fn, argv, fds));
  const builtin = BUILTINS.get(name);
  if (builtin) {
    return withTemporary(state, assigns, async () => {
      try {
        return await builtin({
          argv,
          stdin: inputOf(fds),
          stdout: outputOf(fds, 1),
          stderr: outputOf(fds, 2),
          shell,
          fds,
        });
      } catch (error) {
        if (error instanceof BrokenPipeError) return SIGPIPE_STATUS;
        if (!(error instanceof WriteError)) throw error;
        outputOf(fds, 2).write(`${shell.errorPrefix()}${name}: ${error.message}\n`);
        return 1;
      }
    });
  }
  const found = findProgram(shell, argv);
  if ('message' in found) {
    outputOf(fds, 2).write(`${shell.errorPrefix()}${name}: ${found.message}\n`);
    return found.status;
  }
  const { command } = found;
  argv = found.argv;
  const env = state.environment();
  for (const [key, value] of assigns) env[key] = value;
  const simple = shell.simpleCommand;
  if (simple && controlsJobs(shell)) {
    return runForeground(shell, [commandText(simple)], fds, (process, own) =>
      runHost(process, command, argv, env, own),
    );
  }
  return runHost(shell, command, argv, env, fds);
}

/**
 * The program a command name runs: one of the host's commands, by name or by its path on the
 * host (/usr/bin/ls), or a script file (named by a path, or found in PATH) run by its
 * interpreter; else why nothing runs, as bash (or dash) says it.
 */
function findProgram(
  shell: Interpreter,
  argv: string[],
): { command: ShellCommand; argv: string[] } | { message: string; status: number } {
  const name = argv[0];
  const commands = shell.runtime.services.commands;
  const byName = name.includes('/') ? commandAtPath(commands, name) : commands.get(name);
  if (byName) return { command: byName, argv };
  const path = name.includes('/') ? name : findInPath(shell.fs, shell.state.get('PATH'), name);
  if (path === undefined)
    return { message: shell.state.dialect === 'bash' ? 'command not found' : 'not found', status: 127 };
  const file = executableAt(shell.fs, shell.state.cwd, path);
  if (file.kind === 'error') return file;
  const interpreter = commands.get(file.interpreter);
  if (!interpreter) return { message: 'cannot execute: required file not found', status: 127 };
  return { command: interpreter, argv: [file.interpreter, path, ...argv.slice(1)] };
}

/** The host command installed at `path` (/usr/bin/NAME, /bin/NAME, /usr/local/bin/kubectl). */
function commandAtPath(commands: ReadonlyMap<string, ShellCommand>, path: string): ShellCommand | undefined {
  const normalized = normalizePath(path, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  const installed = programPath(name, commands);
  if (installed === undefined) return undefined;
  return installed === normalized || installed.replace(/^\/usr\/bin\//, '/bin/') === normalized
    ? commands.get(name)
    : undefined;
}

/** Calls a shell function with `argv` as its positional parameters. */
async function callFunction(shell: Interpreter, body: Command, argv: string[], fds: Fds): Promise<number> {
  if (shell.functionDepth >= MAX_FUNCTION_DEPTH) {
    throw new ShellError(`${argv[0]}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})`);
  }
  const state = shell.state;
  const positional = state.positional;
  const loops = shell.loopDepth;
  state.positional = argv.slice(1);
  state.localFrames.push(new Map());
  shell.functionDepth++;
  shell.loopDepth = 0;
  try {
    return await shell.runCommand(body, fds);
  } catch (error) {
    if (error instanceof ReturnSignal) return error.status;
    throw error;
  } finally {
    shell.functionDepth--;
    shell.loopDepth = loops;
    state.positional = positional;
    for (const [name, variable] of state.localFrames.pop() ?? []) {
      if (variable) state.vars.set(name, variable);
      else state.vars.delete(name);
    }
  }
}

/** Runs one of the host's commands as a process of `shell` (or of its job). */
async function runHost(
  shell: Interpreter,
  command: ShellCommand,
  argv: string[],
  env: Record<string, string>,
  fds: Fds,
): Promise<number> {
  const name = argv[0];
  const clock: Clock = shell.job?.clock ?? shell.runtime.services.clock;
  const services: ShellServices = {
    ...shell.runtime.services,
    clock,
    exit: (code) => {
      throw new ExitSignal(code);
    },
    lastStatus: () => shell.state.lastStatus,
  };
  const stderr = outputOf(fds, 2);
  let status: number;
  try {
    const context: CommandContext = {
      argv,
      stdin: inputOf(fds),
      stdout: outputOf(fds, 1),
      stderr,
      env,
      cwd: shell.state.cwd,
      fs: await descriptorFilesystem(shell.fs, argv, fds),
      tty: ttyFor(shell, fds),
      signal: shell.signal,
      shell: services,
    };
    status = isShellAware(command) ? await command.runInShell(shell, context) : await command.run(context);
  } catch (error) {
    if (error instanceof BrokenPipeError) return SIGPIPE_STATUS;
    if (error instanceof ExitSignal) throw error;
    if (error instanceof WriteError) {
      stderr.write(`${name}: ${error.message}\n`);
      return 1;
    }
    // A command that throws is a bug in kubeplay, never the learner's fault: say so, keep going.
    stderr.write(`kubeplay: internal error in ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (shell.signal.aborted) throw new InterruptSignal();
  return status;
}

/** The terminal, when the command's standard output is the terminal's. */
function ttyFor(shell: Interpreter, fds: Fds): Tty | undefined {
  const terminal = shell.runtime.terminal;
  return terminal && ungated(outputOf(fds, 1)) === terminal.output ? terminal.tty : undefined;
}
