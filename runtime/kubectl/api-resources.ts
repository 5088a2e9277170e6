import { discoverResources, type ApiResourceInfo } from './discovery';
import { KubectlClient } from './kubectl-client';
import { toGoJson } from './printers/json';
import { tabulate } from './printers/tabwriter';
import { toYaml } from './printers/yaml';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

/** cobra's UsageErrorf text for a command: the message, then where its help is. */
export function usageError(ctx: KubectlContext, command: string, message: string): number {
  return fail(ctx.stderr, `${message}\nSee 'kubectl ${command} -h' for help and examples`);
}

/** A metav1.APIResource as kubectl marshals it (struct order, empty optional fields left out). */
function apiResource(r: ApiResourceInfo): Record<string, unknown> {
  return {
    name: r.resource,
    singularName: r.singular,
    namespaced: r.namespaced,
    ...(r.group ? { group: r.group } : {}),
    ...(r.version ? { version: r.version } : {}),
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
  };
}

/** Go's strings.Compare of two values, then of names, as api-resources' sortableResource orders. */
function compareBy(sortBy: string): (a: ApiResourceInfo, b: ApiResourceInfo) => number {
  const key = (r: ApiResourceInfo): string => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => compare(key(a), key(b)) || compare(a.resource, b.resource);
}

const has = (list: readonly string[], wanted: readonly string[]): boolean => wanted.every((w) => list.includes(w));

/** `kubectl api-resources` (kubectl pkg/cmd/apiresources): the server's preferred resources. */
export const apiResources: KubectlSubcommand = {
  name: 'api-resources',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'api-group', type: 'string' },
    { name: 'namespaced', type: 'bool' },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringSlice' },
  ],
  async run(ctx) {
    const { args, flags, stdout, stderr } = ctx;
    if (args.length > 0) return usageError(ctx, 'api-resources', `unexpected arguments: [${args.join(' ')}]`);
    const output = String(flags.get('output') ?? '');
    if (!['', 'wide', 'name', 'json', 'yaml'].includes(output))
      return fail(
        stderr,
        `unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`,
      );
    const sortBy = String(flags.get('sort-by') ?? '');
    if (!['', 'name', 'kind'].includes(sortBy)) return fail(stderr, '--sort-by accepts only name or kind');
    const verbs = (flags.get('verbs') as string[] | undefined) ?? [];
    const categories = (flags.get('categories') as string[] | undefined) ?? [];
    const group = flags.get('api-group');
    const namespaced = flags.get('namespaced');
    const client = new KubectlClient(ctx.api.handler, (text) => stderr.write(`Warning: ${text}\n`));
    // ServerPreferredResources: each group's preferred version only.
    const resources = (await discoverResources(client))
      .filter((r) => r.preferred && r.verbs.length > 0)
      .filter((r) => group === undefined || r.group === group)
      .filter((r) => namespaced === undefined || r.namespaced === namespaced)
      .filter((r) => has(r.verbs, verbs) && has(r.categories, categories));
    // sort.Stable over the groups in discovery order.
    resources.sort(compareBy(sortBy));
    if (output === 'json' || output === 'yaml') {
      const list = {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: '',
        resources: resources.map(apiResource),
      };
      stdout.write(output === 'json' ? toGoJson(list) : toYaml(list));
      return 0;
    }
    if (output === 'name') {
      stdout.write(resources.map((r) => `${r.resource}${r.group ? `.${r.group}` : ''}\n`).join(''));
      return 0;
    }
    const wide = output === 'wide';
    let text = '';
    if (flags.get('no-headers') !== true)
      text += `NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`;
    for (const r of resources) {
      const cells = [r.resource, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version];
      cells.push(String(r.namespaced), r.kind);
      if (wide) cells.push(r.verbs.join(','), r.categories.join(','));
      text += `${cells.join('\t')}\n`;
    }
    stdout.write(tabulate(text));
    return 0;
  },
};

/** `kubectl api-versions`: every group/version the server serves, sorted. */
export const apiVersions: KubectlSubcommand = {
  name: 'api-versions',
  flags: [],
  async run(ctx) {
    if (ctx.args.length > 0) return usageError(ctx, 'api-versions', `unexpected arguments: [${ctx.args.join(' ')}]`);
    const client = new KubectlClient(ctx.api.handler, (text) => ctx.stderr.write(`Warning: ${text}\n`));
    const versions = new Set<string>();
    for (const r of await discoverResources(client)) versions.add(r.group ? `${r.group}/${r.version}` : r.version);
    ctx.stdout.write(
      [...versions]
        .sort()
        .map((v) => `${v}\n`)
        .join(''),
    );
    return 0;
  },
};
