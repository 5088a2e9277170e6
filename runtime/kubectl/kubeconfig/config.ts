import { HELP_TEXTS, bareGroupHelp } from '../help/help-texts';
import type { FlagSpec } from '../flags';
import { tabulate } from '../printers/tabwriter';
import { fail, type KubectlContext, type KubectlSubcommand } from '../subcommand';
import { configView } from './config-view';
import { contextOf, loadKubeconfig, saveKubeconfig, type Kubeconfig, type NamedEntry } from './kubeconfig-file';

/** Each `kubectl config` subcommand's own flags (kubectl pkg/cmd/config). */
const FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  view: [
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'merge', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  'get-contexts': [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
  ],
  'set-context': [{ name: 'current', type: 'bool' }],
  'set-credentials': [{ name: 'embed-certs', type: 'bool' }],
};

/** The subcommand `argv` names: its first argument that is not a flag. */
const subcommandOf = (argv: readonly string[]): string | undefined => argv.find((a) => !a.startsWith('-'));

const text = (ctx: KubectlContext, name: string): string | undefined => {
  const value = ctx.flags.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** Prints the subcommand's help and cobra's usage error (`unexpected args`), as config's commands do. */
function usageError(ctx: KubectlContext, command: string, message: string): number {
  ctx.stdout.write(HELP_TEXTS.get(`config ${command}`) ?? '');
  return fail(ctx.stderr, message);
}

/** `config get-contexts [NAME…]`: the table with `*` at the current context. */
function getContexts(ctx: KubectlContext, config: Kubeconfig, names: string[]): number {
  const output = text(ctx, 'output') ?? '';
  if (output !== '' && output !== 'name') return fail(ctx.stderr, `output must be one of '' or 'name': ${output}`);
  const chosen = names.length > 0 ? config.contexts.filter((c) => names.includes(c.name)) : config.contexts;
  const sorted = [...chosen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (output === 'name') ctx.stdout.write(sorted.map((c) => `${c.name}\n`).join(''));
  else {
    let table = ctx.flags.get('no-headers') === true ? '' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';
    for (const entry of sorted) {
      const fields = (entry.context ?? {}) as { cluster?: string; user?: string; namespace?: string };
      const star = entry.name === config['current-context'] ? '*' : '';
      table += `${star}\t${entry.name}\t${fields.cluster ?? ''}\t${fields.user ?? ''}\t${fields.namespace ?? ''}\n`;
    }
    ctx.stdout.write(tabulate(table));
  }
  const missing = names.filter((n) => !config.contexts.some((c) => c.name === n));
  for (const name of missing) ctx.stderr.write(`error: context ${name} not found\n`);
  return missing.length > 0 ? 1 : 0;
}

/** Creates or merges into the entry `name` of `list`; whether it existed. */
function upsert(list: NamedEntry[], kind: string, name: string, fields: Record<string, unknown>): boolean {
  const entry = list.find((e) => e.name === name);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (entry) entry[kind] = { ...(entry[kind] as object), ...set };
  else list.push({ name, [kind]: set });
  return entry !== undefined;
}

/** `kubectl config <subcommand>` (kubectl pkg/cmd/config). */
export const config: KubectlSubcommand = {
  name: 'config',
  flags: [],
  flagsFor: (argv) => FLAGS[subcommandOf(argv) ?? ''] ?? [],
  async run(ctx) {
    const [command, ...args] = ctx.args;
    const kubeconfig = loadKubeconfig(ctx);
    switch (command) {
      case undefined: {
        const bare = bareGroupHelp('config');
        ctx.stderr.write(HELP_TEXTS.get('config') ?? '');
        return bare?.exitCode ?? 1;
      }
      case 'view':
        return configView(ctx);
      case 'current-context': {
        const current = kubeconfig['current-context'];
        if (!current) return fail(ctx.stderr, 'current-context is not set');
        ctx.stdout.write(`${current}\n`);
        return 0;
      }
      case 'get-contexts':
        return getContexts(ctx, kubeconfig, args);
      case 'get-clusters':
      case 'get-users': {
        const list = command === 'get-clusters' ? kubeconfig.clusters : kubeconfig.users;
        ctx.stdout.write(`NAME\n${list.map((e) => `${e.name}\n`).join('')}`);
        return 0;
      }
      case 'use-context':
      case 'use': {
        if (args.length !== 1) return usageError(ctx, 'use-context', `unexpected args: [${args.join(' ')}]`);
        if (!contextOf(kubeconfig, args[0])) return fail(ctx.stderr, `no context exists with the name: "${args[0]}"`);
        kubeconfig['current-context'] = args[0];
        saveKubeconfig(ctx, kubeconfig);
        ctx.stdout.write(`Switched to context "${args[0]}".\n`);
        return 0;
      }
      case 'set-context': {
        const current = ctx.flags.get('current') === true;
        if (current && args.length > 0) return fail(ctx.stderr, 'you cannot specify both a context name and --current');
        const name = current ? kubeconfig['current-context'] : args[0];
        if (!name) {
          if (current) return fail(ctx.stderr, 'no current context is set');
          return usageError(ctx, 'set-context', `unexpected args: [${args.join(' ')}]`);
        }
        const fields = { cluster: text(ctx, 'cluster'), user: text(ctx, 'user'), namespace: text(ctx, 'namespace') };
        const existed = upsert(kubeconfig.contexts, 'context', name, fields);
        saveKubeconfig(ctx, kubeconfig);
        ctx.stdout.write(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`);
        return 0;
      }
      case 'set-credentials': {
        if (args.length !== 1) return usageError(ctx, 'set-credentials', `unexpected args: [${args.join(' ')}]`);
        upsert(kubeconfig.users, 'user', args[0], {
          'client-certificate': text(ctx, 'client-certificate'),
          'client-key': text(ctx, 'client-key'),
          token: text(ctx, 'token'),
          username: text(ctx, 'username'),
          password: text(ctx, 'password'),
        });
        saveKubeconfig(ctx, kubeconfig);
        ctx.stdout.write(`User "${args[0]}" set.\n`);
        return 0;
      }
      default:
        return fail(ctx.stderr, `"kubectl config ${command}" is not available in kubeplay yet`);
    }
  },
};
