// `bash` and `sh` as programs on the host: a new, non-interactive shell process that runs a
// script file, a `-c` string, or its standard input, with the caller's environment only (no
// variables, functions or aliases of the caller), as a child bash or dash does.
import type { CommandContext } from '../command';
import { normalizePath } from '../fs/volume';
import { BASH_VARIABLES } from '../login-shell';
import { readAll } from '../process';
import { Interpreter, type ShellRuntime } from './interpreter';
import { checkFork } from './processes';
import { ungatedInput } from './job';
import { runNestedShell } from './nested-shell';
import { runText, type TextOrigin } from './script';
import type { ShellAwareCommand } from './shell-aware';
import { ExitSignal } from './signals';
import { ShellState, type Dialect, type ShellOptions } from './state';
import { standardFds } from './streams';

const BASH_VERSION_TEXT =
  'GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\n' +
  'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\n' +
  'This is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n';

const BASH_USAGE =
  'Usage:\tbash [GNU long option] [option] ...\n\tbash [GNU long option] [option] script-file ...\nGNU long options:\n' +
  ['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting', 'noprofile']
    .concat(['norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'])
    .map((name) => `\t--${name}\n`)
    .join('') +
  'Shell options:\n\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)\n\t-abefhkmnptuvxBCEHPT or -o option\n';

const BASH_HELP =
  'GNU bash, version 5.2.15(1)-release-(x86_64-pc-linux-gnu)\n' +
  BASH_USAGE +
  'Type `bash -c "help set"\' for more information about shell options.\n' +
  "Type `bash -c help' for more information about shell builtin commands.\n" +
  "Use the `bashbug' command to report bugs.\n\n" +
  'bash home page: <http://www.gnu.org/software/bash>\nGeneral help using GNU software: <http://www.gnu.org/gethelp/>\n';

/** The letters of `set` that an invocation may give, and the option each sets. */
const FLAGS: Record<string, keyof ShellOptions | null> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  C: 'noclobber',
  // Accepted and without effect here: interactive, login, read stdin, verbose, no-exec and the rest.
  i: null,
  l: null,
  s: null,
  v: null,
  h: null,
  B: null,
  H: null,
  P: null,
  T: null,
  E: null,
};

const LONG_OPTIONS: Record<string, keyof ShellOptions> = {
  errexit: 'errexit',
  nounset: 'nounset',
  xtrace: 'xtrace',
  pipefail: 'pipefail',
  noglob: 'noglob',
  noclobber: 'noclobber',
};

interface Invocation {
  command?: string;
  operands: string[];
  options: Partial<ShellOptions>;
}

/** Parses a shell's arguments; a number is the exit status after printing help or an error. */
function parseInvocation(argv: string[], dialect: Dialect, ctx: CommandContext): Invocation | number {
  const options: Partial<ShellOptions> = {};
  let commandMode = false;
  let i = 1;
  const fail = (bash: string, dash: string): number => {
    ctx.stderr.write(dialect === 'bash' ? bash : `sh: 0: ${dash}\n`);
    return 2;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--' || arg === '-') {
      i++;
      break;
    }
    if (dialect === 'bash' && arg.startsWith('--')) {
      if (arg === '--version' || arg === '--help') {
        ctx.stdout.write(arg === '--version' ? BASH_VERSION_TEXT : BASH_HELP);
        return 0;
      }
      if (['--norc', '--noprofile', '--login', '--posix', '--noediting', '--restricted', '--verbose'].includes(arg))
        continue;
      return fail(`bash: ${arg}: invalid option\n${BASH_USAGE}`, '');
    }
    if (!/^[-+]./.test(arg)) break;
    const on = arg[0] === '-';
    for (const letter of arg.slice(1)) {
      if (letter === 'c') commandMode = true;
      else if (letter === 'o') {
        const name = argv[++i];
        const option = name === undefined ? undefined : LONG_OPTIONS[name];
        if (!option)
          return fail(`bash: line 0: bash: ${name ?? ''}: invalid option name\n`, `Illegal option -o ${name}`);
        options[option] = on;
      } else if (letter in FLAGS) {
        const option = FLAGS[letter];
        if (option) options[option] = on;
      } else return fail(`bash: -${letter}: invalid option\n${BASH_USAGE}`, `Illegal option -${letter}`);
    }
  }
  const operands = argv.slice(i);
  if (commandMode) {
    if (operands.length === 0) return fail('bash: -c: option requires an argument\n', '-c requires an argument');
    return { command: operands[0], operands: operands.slice(1), options };
  }
  return { operands, options };
}

/** A runtime for a child shell, counting its processes and ticks in its parent's. */
function childRuntime(parent: ShellRuntime, interactive = false): ShellRuntime {
  return {
    services: parent.services,
    interactive,
    nextPid: () => parent.nextPid(),
    get ticks() {
      return parent.ticks;
    },
    set ticks(value: number) {
      parent.ticks = value;
    },
    get processes() {
      return parent.processes;
    },
    set processes(value: number | undefined) {
      parent.processes = value;
    },
    terminal: parent.terminal,
    startedAt: parent.startedAt,
  };
}

/** A runtime for a shell started by a command other than the interpreter (xargs, watch). */
function standaloneRuntime(ctx: CommandContext): ShellRuntime {
  let pid = 10_000;
  return { services: ctx.shell, interactive: false, nextPid: () => ++pid, ticks: 0 };
}

/** Runs a shell program as a child process of `parent`: a script, `-c`, or standard input. */
export async function runShellProgram(
  parent: ShellRuntime,
  ctx: CommandContext,
  dialect: 'bash' | 'dash',
): Promise<number> {
  const invocation = parseInvocation(ctx.argv, dialect, ctx);
  if (typeof invocation === 'number') return invocation;
  const runtime = childRuntime(parent);
  const state = new ShellState();
  for (const [name, value] of Object.entries(ctx.env)) state.set(name, value, true);
  state.set('SHLVL', String((Number(ctx.env.SHLVL) || 0) + 1), true);
  if (dialect === 'bash') for (const [name, value] of Object.entries(BASH_VARIABLES)) state.set(name, value);
  Object.assign(state.options, invocation.options);
  state.cwd = ctx.cwd;
  state.pid = runtime.nextPid();
  state.dialect = dialect;
  const shellName = dialect === 'bash' ? 'bash' : 'sh';
  let text: string;
  const origin: TextOrigin = { aliases: false, dialect };
  if (invocation.command !== undefined) {
    // Errors name $0 (`zero: line 1:`); syntax errors the input too (`bash: -c: line 1:`).
    text = invocation.command;
    const name = invocation.operands[0] ?? shellName;
    state.set('0', name);
    state.positional = invocation.operands.slice(1);
    state.errorName = name;
    origin.label = dialect === 'dash' ? `${name}: ` : `${name}: -c: `;
  } else if (invocation.operands.length > 0) {
    const [file, ...args] = invocation.operands;
    const read = readScript(ctx, file, dialect);
    if (typeof read === 'number') return read;
    text = read;
    state.set('0', file);
    state.positional = args;
    state.errorName = file;
    origin.label = `${file}: `;
  } else if (dialect === 'bash' && ctx.tty && ungatedInput(ctx.stdin) === ctx.tty.keyboard) {
    // `bash` at the prompt: a nested interactive shell on this terminal.
    state.set('0', shellName);
    return runNested(parent, state, ctx);
  } else {
    text = await readAll(ctx.stdin);
    state.set('0', shellName);
    state.errorName = shellName;
    origin.label = `${shellName}: `;
  }
  checkFork(parent);
  parent.processes = (parent.processes ?? 0) + 1;
  const shell = new Interpreter(state, runtime, ctx.signal);
  const fds = standardFds(ctx.stdin, ctx.stdout, ctx.stderr);
  try {
    return await shell.guard(() => runText(shell, text, fds, origin), fds);
  } catch (error) {
    if (error instanceof ExitSignal) return error.status;
    throw error;
  } finally {
    parent.processes = (parent.processes ?? 1) - 1;
  }
}

/** Runs a nested interactive shell with `state`, counted as a process of `parent`. */
async function runNested(parent: ShellRuntime, state: ShellState, ctx: CommandContext): Promise<number> {
  checkFork(parent);
  parent.processes = (parent.processes ?? 0) + 1;
  const runtime = childRuntime(parent, true);
  const shell = new Interpreter(state, runtime, ctx.signal);
  const fds = standardFds(ctx.stdin, ctx.stdout, ctx.stderr);
  try {
    return await runNestedShell(shell, fds, ctx.stdin, ctx.stderr);
  } catch (error) {
    if (error instanceof ExitSignal) return error.status;
    throw error;
  } finally {
    parent.processes = (parent.processes ?? 1) - 1;
  }
}

/** The text of a script named on the command line, or the status after bash's/dash's complaint. */
function readScript(ctx: CommandContext, file: string, dialect: Dialect): string | number {
  const path = normalizePath(file, ctx.cwd);
  if (ctx.fs.isDirectory(path)) {
    ctx.stderr.write(
      dialect === 'bash' ? `${file}: ${file}: Is a directory\n` : `sh: 0: cannot open ${file}: Is a directory\n`,
    );
    return dialect === 'bash' ? 126 : 2;
  }
  try {
    return ctx.fs.readFile(path);
  } catch {
    ctx.stderr.write(
      dialect === 'bash' ? `bash: ${file}: No such file or directory\n` : `sh: 0: cannot open ${file}: No such file\n`,
    );
    return dialect === 'bash' ? 127 : 2;
  }
}

/** /usr/bin/bash. */
export const bash: ShellAwareCommand = {
  name: 'bash',
  summary: 'GNU Bourne-Again SHell',
  run: (ctx) => runShellProgram(standaloneRuntime(ctx), ctx, 'bash'),
  runInShell: (shell, ctx) => runShellProgram(shell.runtime, ctx, 'bash'),
};

/** /usr/bin/sh: dash on Ubuntu. */
export const sh: ShellAwareCommand = {
  name: 'sh',
  summary: 'command interpreter (shell)',
  run: (ctx) => runShellProgram(standaloneRuntime(ctx), ctx, 'dash'),
  runInShell: (shell, ctx) => runShellProgram(shell.runtime, ctx, 'dash'),
};
