import type { ShellCommand } from '../shell/command';
import { KUBECTL_COMMANDS, suggestCommands } from './commands';
import { printConnectionRefused } from './connection-refused-text';
import { parseFlags } from './flags';
import { GLOBAL_FLAGS } from './global-flags';
import { KUBECTL_HELP } from './help-text';
import { HELP_FLAG, helpOnly, helpTopic, printHelp } from './help/help-request';
import { commandPath } from './help/help-texts';
import { fail, type KubectlSubcommand } from './subcommand';
import { apiResources, apiVersions } from './api-resources';
import { apply } from './apply';
import { attach } from './attach';
import { auth } from './auth';
import { autoscale } from './autoscale';
import { certificate } from './certificate';
import { clusterInfo } from './cluster-info';
import { completion } from './completion';
import { cordon, uncordon } from './cordon';
import { cp } from './cp';
import { create } from './create';
import { deleteCommand } from './delete';
import { config } from './kubeconfig/config';
import { kustomize } from './kustomize';
import { annotate, label } from './label';
import { logs } from './logs';
import { options } from './options';
import { patch } from './patch';
import { plugin } from './plugin';
import { portForward } from './port-forward';
import { proxy } from './proxy';
import { replace } from './replace';
import { rollout } from './rollout';
import { run } from './run';
import { scale } from './scale';
import { set } from './set';
import { taint } from './taint';
import { top } from './top';
import { debug } from './debug';
import { describe } from './describe';
import { diff } from './diff';
import { drain } from './drain';
import { edit } from './edit';
import { events } from './events';
import { exec } from './exec';
import { explain } from './explain';
import { expose } from './expose';
import { get } from './get';
import { version } from './version';
import { wait } from './wait';

const SUBCOMMANDS = new Map<string, KubectlSubcommand>(
  [
    annotate,
    apiResources,
    apiVersions,
    apply,
    attach,
    auth,
    autoscale,
    certificate,
    clusterInfo,
    completion,
    cordon,
    cp,
    create,
    debug,
    deleteCommand,
    describe,
    diff,
    drain,
    edit,
    events,
    exec,
    explain,
    expose,
    get,
    config,
    kustomize,
    label,
    logs,
    options,
    patch,
    plugin,
    portForward,
    proxy,
    replace,
    rollout,
    run,
    scale,
    set,
    taint,
    top,
    uncordon,
    version,
    wait,
  ].map((c) => [c.name, c]),
);

/**
 * Index of the subcommand's name, found as cobra's stripFlags does: a `--flag` or `-f` without
 * `=` takes the next argument as its value unless it is a known boolean flag.
 */
function subcommandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    const long = arg.startsWith('--');
    if (arg.includes('=') || (!long && arg.length > 2)) continue;
    const spec = GLOBAL_FLAGS.find((f) => (long ? f.name === arg.slice(2) : f.short === arg[1]));
    if (spec?.type !== 'bool') i++;
  }
  return -1;
}

/** `kubectl`: finds the subcommand as cobra does, parses its flags, and runs it. */
export const kubectl: ShellCommand = {
  name: 'kubectl',
  summary: 'control the Kubernetes cluster',
  async run(process) {
    const { argv, stdin, stdout, stderr, shell, signal, fs, cwd, env, tty } = process;
    const rest = argv.slice(1);
    const at = subcommandIndex(rest);
    const name = at < 0 ? undefined : rest[at];
    if (name === undefined || name === 'help') {
      const parsed = parseFlags(rest, [...GLOBAL_FLAGS, HELP_FLAG]);
      if (!parsed.ok) return fail(stderr, `${parsed.error}\nSee 'kubectl --help' for usage.`);
      if (name === 'help') return helpTopic(parsed.args.slice(1), stdout, stderr);
      stdout.write(KUBECTL_HELP);
      return 0;
    }
    const subcommand = SUBCOMMANDS.get(name);
    if (!subcommand) {
      if ((KUBECTL_COMMANDS as readonly string[]).includes(name)) {
        return helpOnly(rest, stdout, stderr) ?? fail(stderr, `"kubectl ${name}" is not available in kubeplay yet`);
      }
      const suggestions = suggestCommands(name);
      const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
      return fail(stderr, `unknown command "${name}" for "kubectl"${hint}`);
    }
    const argvAfter = [...rest.slice(0, at), ...rest.slice(at + 1)];
    const flags = subcommand.flagsFor?.(argvAfter) ?? subcommand.flags;
    const parsed = parseFlags(argvAfter, [...GLOBAL_FLAGS, ...flags, HELP_FLAG]);
    if (!parsed.ok)
      return fail(stderr, `${parsed.error}\nSee 'kubectl ${commandPath(rest) || name} --help' for usage.`);
    if (parsed.values.get('help') === true) return printHelp(rest, stdout);
    const running = subcommand.run({
      args: parsed.args,
      dashAt: parsed.dashAt,
      flags: parsed.values,
      stdout,
      stderr,
      api: shell.api,
      signal,
      clock: shell.clock,
      fs,
      cwd,
      stdin,
      env,
      tty,
      network: shell.network,
      process,
    });
    // A stopped cluster refuses the connection wherever the command first reaches the server.
    return running.catch((error: unknown) => {
      const code = printConnectionRefused(error, name, parsed.args[0], stderr, shell.clock);
      if (code === undefined) throw error;
      return code;
    });
  },
};
