// The shell on a minikube node, as `minikube ssh` reaches it: bash as user `docker` in the kicbase
// image (Ubuntu 22.04), its home /home/docker, a few of the shell's utilities, and the container
// runtime's CLIs (`docker ps`, `crictl ps`) reading the pods the API has bound to the node.
import type { CommandContext, ShellCommand, ShellServices } from '../../shell/command';
import { cat } from '../../shell/commands/cat';
import { cut } from '../../shell/commands/cut';
import { falseCommand, trueCommand } from '../../shell/commands/basics';
import { date } from '../../shell/commands/date';
import { env } from '../../shell/commands/env';
import { grep } from '../../shell/commands/grep';
import { head } from '../../shell/commands/head';
import { hostname } from '../../shell/commands/hostname';
import { id } from '../../shell/commands/id';
import { ls } from '../../shell/commands/ls';
import { sleep } from '../../shell/commands/sleep';
import { sort } from '../../shell/commands/sort';
import { tail } from '../../shell/commands/tail';
import { tr } from '../../shell/commands/tr';
import { uname } from '../../shell/commands/uname';
import { uniq } from '../../shell/commands/uniq';
import { wc } from '../../shell/commands/wc';
import { whoami } from '../../shell/commands/whoami';
import { Volume } from '../../shell/fs/volume';
import { ungatedInput } from '../../shell/interpreter/job';
import { Interpreter, type ShellRuntime } from '../../shell/interpreter/interpreter';
import { runInteractive } from '../../shell/interpreter/nested-shell';
import { runText } from '../../shell/interpreter/script';
import { ExitSignal } from '../../shell/interpreter/signals';
import { ShellState } from '../../shell/interpreter/state';
import { standardFds } from '../../shell/interpreter/streams';
import { readAll } from '../../shell/process';
import { dockerPs } from './docker-ps';
import { crictlPs, nodeContainers } from './logs-containers';

/** kicbase v0.0.48's /etc/os-release (Ubuntu 22.04.5, as the node's nodeInfo.osImage says). */
const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

const HOME = '/home/docker';

/** The node's files that its shell reads: its name, its OS, the docker user's home. */
export function nodeVolume(node: string): Volume {
  const fs = new Volume({
    '/etc/hostname': `${node}\n`,
    '/etc/os-release': OS_RELEASE,
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\ndocker:x:1000:999:,,,:/home/docker:/bin/bash\n',
    '/etc/group': 'root:x:0:\ndocker:x:999:\n',
  });
  fs.mkdir('/home');
  fs.mkdir(HOME);
  fs.chown(HOME, 1000, 999);
  return fs;
}

/** A command that needs the node's name. */
type NodeRun = (ctx: CommandContext, node: string) => Promise<number>;

/** `docker ps [-a]` (also `docker container ls`): the node's containers through cri-dockerd. */
const docker: NodeRun = async (ctx, node) => {
  const [sub, ...rest] = ctx.argv.slice(1);
  const args = sub === 'container' && (rest[0] === 'ls' || rest[0] === 'ps') ? rest.slice(1) : rest;
  const listing = sub === 'ps' || (sub === 'container' && (rest[0] === 'ls' || rest[0] === 'ps'));
  const all = args.every((a) => a === '-a' || a === '--all');
  if (!listing || !all) {
    ctx.stderr.write(`docker ${ctx.argv.slice(1).join(' ')}: not in kubeplay yet (docker ps [-a] is)\n`);
    return 1;
  }
  ctx.stdout.write(await dockerPs(ctx, node, args.length > 0));
  return 0;
};

/** `crictl ps [-a]`: the node's containers as the CRI (cri-dockerd) lists them. */
const crictl: NodeRun = async (ctx, node) => {
  const [sub, ...args] = ctx.argv.slice(1);
  const all = args.length > 0 && args.every((a) => a === '-a' || a === '--all');
  if (sub !== 'ps' || (args.length > 0 && !all)) {
    ctx.stderr.write(`crictl ${ctx.argv.slice(1).join(' ')}: not in kubeplay yet (crictl ps [-a] is)\n`);
    return 1;
  }
  const containers = await nodeContainers(ctx.shell.api, node);
  ctx.stdout.write(crictlPs(all ? containers : containers.filter((c) => c.running), ctx.shell.clock.now()));
  return 0;
};

/** `sudo COMMAND…`: the docker user may run anything as root, without a password. */
const sudo: NodeRun = async (ctx) => {
  const [name, ...args] = ctx.argv.slice(1);
  if (name === undefined) {
    ctx.stderr.write('usage: sudo -h | -K | -k | -V\n');
    return 1;
  }
  const command = ctx.shell.commands.get(name);
  if (!command) {
    ctx.stderr.write(`sudo: ${name}: command not found\n`);
    return 1;
  }
  return command.run({ ...ctx, argv: [name, ...args], env: { ...ctx.env, USER: 'root', HOME: '/root' } });
};

/** The node's commands: its runtimes' CLIs and the shell's utilities that kicbase has too. */
function nodeCommands(node: string): Map<string, ShellCommand> {
  const commands = new Map<string, ShellCommand>();
  const utilities = [cat, cut, date, env, grep, head, hostname, id, ls, sleep, sort, tail, tr, uname, uniq, wc];
  for (const command of [...utilities, whoami, trueCommand, falseCommand]) commands.set(command.name, command);
  const own: Record<string, NodeRun> = { docker, crictl, sudo };
  for (const [name, run] of Object.entries(own))
    commands.set(name, { name, summary: '', run: (ctx) => run(ctx, node) });
  return commands;
}

/** The prompt bash shows the docker user on `node` in `cwd` (~ for home). */
function prompt(node: string, cwd: string): string {
  const shown = cwd === HOME ? '~' : cwd.startsWith(`${HOME}/`) ? `~${cwd.slice(HOME.length)}` : cwd;
  return `docker@${node}:${shown}$ `;
}

/**
 * Runs `command` through bash on `node` (`bash -c`, as sshd runs an ssh command), or, with no
 * command, a login shell reading the terminal (prompting) or stdin. Resolves to bash's status.
 */
export async function runNodeShell(ctx: CommandContext, node: string, command: string | undefined): Promise<number> {
  const services: Omit<ShellServices, 'exit' | 'lastStatus'> = {
    clock: ctx.shell.clock,
    api: ctx.shell.api,
    fs: nodeVolume(node),
    history: ctx.shell.history,
    commands: nodeCommands(node),
  };
  let pid = 1000;
  const runtime: ShellRuntime = { services, interactive: false, nextPid: () => ++pid, ticks: 0 };
  const state = new ShellState();
  const environment = {
    HOME,
    USER: 'docker',
    LOGNAME: 'docker',
    SHELL: '/bin/bash',
    HOSTNAME: node,
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  };
  for (const [name, value] of Object.entries(environment)) state.set(name, value, true);
  state.cwd = HOME;
  state.pid = ++pid;
  state.dialect = 'bash';
  state.set('0', 'bash');
  state.errorName = 'bash';
  const shell = new Interpreter(state, runtime, ctx.signal);
  const fds = standardFds(ctx.stdin, ctx.stdout, ctx.stderr);
  const origin = { label: 'bash: -c: ', aliases: false, dialect: 'bash' as const };
  // ssh asks for a terminal only when its standard input is one.
  const terminal = command === undefined && ctx.tty !== undefined && ungatedInput(ctx.stdin) === ctx.tty.keyboard;
  try {
    if (command !== undefined) return await shell.guard(() => runText(shell, command, fds, origin), fds);
    if (!terminal) return await shell.guard(async () => runText(shell, await readAll(ctx.stdin), fds, origin), fds);
    // A login shell on the terminal: errors name no line, and `exit` (or end of input) says `logout`.
    state.errorName = undefined;
    const prompts = { primary: () => prompt(node, state.cwd), continuation: () => '> ', atEnd: 'logout\n' };
    return await runInteractive(shell, fds, ctx.stdin, ctx.stdout, prompts, origin);
  } catch (error) {
    if (!(error instanceof ExitSignal)) throw error;
    if (terminal) ctx.stdout.write('logout\n');
    return error.status;
  }
}
