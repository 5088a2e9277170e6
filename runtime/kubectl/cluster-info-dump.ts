import type { FlagSpec } from './flags';
import { toGoJson } from './printers/json';
import { toYaml } from './printers/yaml';
import { kubectlSetup } from './setup';
import { fail, type KubectlSubcommand } from './subcommand';

/** The flags of `cluster-info dump`. */
export const DUMP_FLAGS: readonly FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'namespaces', type: 'stringSlice' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'output-directory', type: 'string' },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

type List = { metadata?: Record<string, unknown>; items?: Array<Record<string, unknown>> };
type Pod = {
  metadata: { name: string };
  spec?: { initContainers?: Array<{ name: string }>; containers?: Array<{ name: string }> };
};

/** What dump lists in each namespace, in its order: the list's path and kind. */
const NAMESPACED: Array<[string, string]> = [
  ['/api/v1/namespaces/{ns}/events', 'EventList'],
  ['/api/v1/namespaces/{ns}/replicationcontrollers', 'ReplicationControllerList'],
  ['/api/v1/namespaces/{ns}/services', 'ServiceList'],
  ['/apis/apps/v1/namespaces/{ns}/daemonsets', 'DaemonSetList'],
  ['/apis/apps/v1/namespaces/{ns}/deployments', 'DeploymentList'],
  ['/apis/apps/v1/namespaces/{ns}/replicasets', 'ReplicaSetList'],
  ['/api/v1/namespaces/{ns}/pods', 'PodList'],
];

/**
 * A typed list as kubectl's printers write it: kind and apiVersion first, each item with its own
 * (the server's field order is kept; kubeplay's server writes objects in Go's struct order).
 */
function typedList(list: List, kind: string, apiVersion: string): Record<string, unknown> {
  const itemKind = kind.replace(/List$/, '');
  const items = (list.items ?? []).map((item) => {
    const { kind: _kind, apiVersion: _apiVersion, ...rest } = item;
    const fields = Object.fromEntries(Object.entries(rest).filter(([key]) => key !== 'managedFields'));
    const metadata = fields.metadata as Record<string, unknown> | undefined;
    if (metadata) fields.metadata = Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== 'managedFields'));
    return { kind: itemKind, apiVersion, ...fields };
  });
  return { kind, apiVersion, metadata: list.metadata ?? {}, items };
}

/**
 * `kubectl cluster-info dump` (kubectl pkg/cmd/clusterinfo/clusterinfo_dump.go) to standard
 * output: the nodes, then for each namespace its events, replication controllers, services,
 * daemon sets, deployments, replica sets and pods, then every container's logs.
 */
export const clusterInfoDump: KubectlSubcommand = {
  name: 'dump',
  flags: DUMP_FLAGS,
  async run(ctx) {
    const { flags, stdout, stderr } = ctx;
    const output = String(flags.get('output') ?? 'json');
    if (output !== 'json' && output !== 'yaml')
      return fail(stderr, `-o ${output} is not available in kubeplay's cluster-info dump yet`);
    const directory = String(flags.get('output-directory') ?? '');
    if (directory !== '' && directory !== '-')
      return fail(stderr, "--output-directory is not available in kubeplay's cluster-info dump yet");
    const setup = await kubectlSetup(ctx);
    const print = (value: unknown): void => void stdout.write(output === 'json' ? toGoJson(value) : toYaml(value));
    const apiVersionOf = (path: string): string =>
      path.startsWith('/apis/') ? path.split('/').slice(2, 4).join('/') : 'v1';
    print(typedList(await setup.client.json<List>('/api/v1/nodes'), 'NodeList', 'v1'));
    let namespaces = (flags.get('namespaces') as string[] | undefined) ?? [];
    if (flags.get('all-namespaces') === true) {
      const list = await setup.client.json<{ items?: Array<{ metadata: { name: string } }> }>('/api/v1/namespaces');
      namespaces = (list.items ?? []).map((n) => n.metadata.name);
    } else if (namespaces.length === 0) namespaces = ['kube-system', setup.namespace];
    for (const namespace of namespaces) {
      let pods: Pod[] = [];
      for (const [template, kind] of NAMESPACED) {
        const path = template.replace('{ns}', encodeURIComponent(namespace));
        const list = await setup.client.json<List>(path);
        if (kind === 'PodList') pods = (list.items ?? []) as unknown as Pod[];
        print(typedList(list, kind, apiVersionOf(path)));
      }
      for (const pod of pods) {
        for (const container of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
          const where = `container ${container.name} of pod ${namespace}/${pod.metadata.name}`;
          stdout.write(`==== START logs for ${where} ====\n`);
          const path = `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}/log?container=${encodeURIComponent(container.name)}`;
          const reply = await setup.client.send(path, { accept: '*/*' });
          stdout.write(reply.status < 400 ? reply.body : `Request log error: ${reply.body}\n`);
          stdout.write(`==== END logs for ${where} ====\n`);
        }
      }
    }
    return 0;
  },
};
