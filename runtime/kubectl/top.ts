import { parseQuantity } from '../api/quantity';
import { HELP_TEXTS } from './help/help-texts';
import { errorsText } from './error-text';
import { goSort } from './go-sort';
import { ApiError, type KubectlClient } from './kubectl-client';
import { tabulate } from './printers/tabwriter';
import { queryString } from './resource-url';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

type Usage = Record<string, string | undefined>;
interface PodMetrics {
  metadata: { name: string; namespace?: string };
  containers?: Array<{ name: string; usage?: Usage }>;
}
interface NodeMetrics {
  metadata: { name: string };
  usage?: Usage;
}

/** Quantity.MilliValue (cpu) and Value (memory, bytes), rounded up as Go rounds them. */
function milli(text: string | undefined): bigint {
  return parseQuantity(text ?? '0')?.milli ?? 0n;
}
const bytes = (text: string | undefined): bigint => {
  const m = milli(text);
  return m / 1000n + (m % 1000n > 0n ? 1n : 0n);
};
const cpuCell = (m: bigint): string => `${m}m`;
const memoryCell = (b: bigint): string => `${b / (1024n * 1024n)}Mi`;

/** A pod's usage: its containers' summed (getPodMetrics). */
function podUsage(pod: PodMetrics): { cpu: bigint; memory: bigint } {
  let cpu = 0n;
  let memory = 0n;
  for (const c of pod.containers ?? []) {
    cpu += milli(c.usage?.cpu);
    memory += bytes(c.usage?.memory);
  }
  return { cpu, memory };
}

/** top.go SupportedMetricsAPIVersionAvailable: the server lists metrics.k8s.io/v1beta1. */
async function metricsAvailable(client: KubectlClient): Promise<boolean> {
  const groups = await client.json<{ groups?: Array<{ name: string; versions?: Array<{ version: string }> }> }>(
    '/apis',
  );
  return (groups.groups ?? []).some(
    (g) => g.name === 'metrics.k8s.io' && (g.versions ?? []).some((v) => v.version === 'v1beta1'),
  );
}

/** Less of the metrics sorters: by --sort-by descending, else by (namespace and) name. */
function byUsage<T>(sortBy: string, usage: (x: T) => { cpu: bigint; memory: bigint }, name: (x: T) => string[]) {
  return (a: T, b: T): boolean => {
    if (sortBy === 'cpu') return usage(a).cpu > usage(b).cpu;
    if (sortBy === 'memory') return usage(a).memory > usage(b).memory;
    const [x, y] = [name(a), name(b)];
    return x[0] !== y[0] ? x[0] < y[0] : x[1] < y[1];
  };
}

/** `kubectl top pod` (kubectl pkg/cmd/top/top_pod.go, metricsutil). */
async function topPods(ctx: KubectlContext, client: KubectlClient, namespace: string, name?: string): Promise<number> {
  const { flags, stdout, stderr } = ctx;
  const all = flags.get('all-namespaces') === true;
  const selector = String(flags.get('selector') ?? '');
  const fieldSelector = String(flags.get('field-selector') ?? '');
  const sortBy = String(flags.get('sort-by') ?? '');
  if (name && (selector || fieldSelector)) return fail(stderr, 'only one of NAME or selector can be provided');
  if (!(await metricsAvailable(client))) return fail(stderr, 'Metrics API not available');
  const base = `/apis/metrics.k8s.io/v1beta1${all ? '' : `/namespaces/${encodeURIComponent(namespace)}`}/pods`;
  let items: PodMetrics[];
  if (name) items = [await client.json<PodMetrics>(`${base}/${encodeURIComponent(name)}`, { target: `pods ${name}` })];
  else {
    const query = queryString({ labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined });
    items = (await client.json<{ items?: PodMetrics[] }>(`${base}${query}`, { target: 'pods' })).items ?? [];
  }
  if (items.length === 0) {
    // verifyEmptyMetrics: no pods at all is fine; pods without metrics are not.
    const query = queryString({ labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined });
    const pods = await client.json<{ items?: unknown[] }>(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${query}`,
    );
    if ((pods.items ?? []).length > 0) return fail(stderr, 'metrics not available yet');
    stderr.write(all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  const containers = flags.get('containers') === true;
  const lines: string[] = [];
  if (flags.get('no-headers') !== true)
    lines.push(`${all ? 'NAMESPACE\t' : ''}${containers ? 'POD\t' : ''}NAME\tCPU(cores)\tMEMORY(bytes)\t`);
  goSort(
    items,
    byUsage(sortBy, podUsage, (p) => [all ? (p.metadata.namespace ?? '') : '', p.metadata.name]),
  );
  const prefix = (pod: PodMetrics): string => (all ? `${pod.metadata.namespace ?? ''}\t` : '');
  for (const pod of items) {
    if (!containers) {
      const usage = podUsage(pod);
      lines.push(`${prefix(pod)}${pod.metadata.name}\t${cpuCell(usage.cpu)}\t${memoryCell(usage.memory)}\t`);
      continue;
    }
    const list = goSort(
      [...(pod.containers ?? [])],
      byUsage(
        sortBy,
        (c) => ({ cpu: milli(c.usage?.cpu), memory: bytes(c.usage?.memory) }),
        (c) => ['', c.name],
      ),
    );
    for (const c of list)
      lines.push(
        `${prefix(pod)}${pod.metadata.name}\t${c.name}\t${cpuCell(milli(c.usage?.cpu))}\t${memoryCell(bytes(c.usage?.memory))}\t`,
      );
  }
  stdout.write(tabulate(`${lines.join('\n')}\n`));
  return 0;
}

type NodeObject = { metadata: { name: string }; status?: { allocatable?: Usage; capacity?: Usage } };

/** `kubectl top node` (kubectl pkg/cmd/top/top_node.go): usage against allocatable (or capacity). */
async function topNodes(ctx: KubectlContext, client: KubectlClient, name?: string): Promise<number> {
  const { flags, stdout, stderr } = ctx;
  const selector = String(flags.get('selector') ?? '');
  const sortBy = String(flags.get('sort-by') ?? '');
  if (name && selector) return fail(stderr, 'only one of NAME or --selector can be provided');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') return fail(stderr, '--sort-by accepts only cpu or memory');
  if (!(await metricsAvailable(client))) return fail(stderr, 'Metrics API not available');
  const base = '/apis/metrics.k8s.io/v1beta1/nodes';
  const query = queryString({ labelSelector: selector || undefined });
  const items = name
    ? [await client.json<NodeMetrics>(`${base}/${encodeURIComponent(name)}`, { target: `nodes ${name}` })]
    : ((await client.json<{ items?: NodeMetrics[] }>(`${base}${query}`, { target: 'nodes' })).items ?? []);
  if (items.length === 0) return fail(stderr, 'metrics not available yet');
  const nodes = name
    ? [await client.json<NodeObject>(`/api/v1/nodes/${encodeURIComponent(name)}`, { target: `nodes ${name}` })]
    : ((await client.json<{ items?: NodeObject[] }>(`/api/v1/nodes${query}`, { target: 'nodes' })).items ?? []);
  const capacity = flags.get('show-capacity') === true;
  const available = new Map(nodes.map((n) => [n.metadata.name, capacity ? n.status?.capacity : n.status?.allocatable]));
  const usage = (m: NodeMetrics) => ({ cpu: milli(m.usage?.cpu), memory: bytes(m.usage?.memory) });
  goSort(
    items,
    byUsage(sortBy, usage, (m) => ['', m.metadata.name]),
  );
  const lines: string[] = [];
  if (flags.get('no-headers') !== true) lines.push('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t');
  const percent = (used: bigint, total: bigint | undefined): string =>
    total === undefined ? '' : `${total === 0n ? 0 : Math.trunc((Number(used) / Number(total)) * 100)}%\t`;
  for (const m of items) {
    const { cpu, memory } = usage(m);
    const of = available.get(m.metadata.name);
    available.delete(m.metadata.name);
    const cpuTotal = of?.cpu !== undefined ? milli(of.cpu) : undefined;
    // MilliValue of memory, as printAllResourceUsages divides them.
    const memoryTotal = of?.memory !== undefined ? milli(of.memory) : undefined;
    lines.push(
      `${m.metadata.name}\t${cpuCell(cpu)}\t${percent(cpu, cpuTotal)}${memoryCell(memory)}\t${percent(milli(m.usage?.memory), memoryTotal)}`,
    );
  }
  for (const missing of available.keys()) lines.push(`${missing}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t`);
  stdout.write(tabulate(`${lines.join('\n')}\n`));
  return 0;
}

/** `kubectl top pod|node [NAME]`: resource usage from the metrics API (metrics.k8s.io/v1beta1). */
export const top: KubectlSubcommand = {
  name: 'top',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'containers', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-capacity', type: 'bool' },
    { name: 'show-swap', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'sum', type: 'bool' },
    { name: 'use-protocol-buffers', type: 'bool' },
  ],
  async run(ctx) {
    const [what, name, ...rest] = ctx.args;
    // A bare `kubectl top` is a group without its subcommand: its help, on stderr (cobra).
    if (what === undefined) {
      ctx.stderr.write(HELP_TEXTS.get('top') ?? '');
      return 1;
    }
    const kind = ['pod', 'pods', 'po'].includes(what) ? 'pod' : ['node', 'nodes', 'no'].includes(what) ? 'node' : '';
    if (!kind) return fail(ctx.stderr, `unknown command "${what ?? ''}" for "kubectl top"`);
    if (rest.length) return fail(ctx.stderr, `only one of NAME or selector can be provided`);
    if (kind === 'pod') {
      const sortBy = String(ctx.flags.get('sort-by') ?? '');
      if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory')
        return fail(ctx.stderr, '--sort-by accepts only cpu or memory');
    }
    const setup = await kubectlSetup(ctx);
    try {
      return kind === 'pod'
        ? await topPods(ctx, setup.client, setup.namespace, name)
        : await topNodes(ctx, setup.client, name);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      ctx.stderr.write(errorsText([error]));
      return 1;
    }
  },
};
