import type { ApiClient } from '../../api/client';
import { KUBECTL_COMMANDS } from '../../kubectl/commands';

/** What `kubectl <Tab>` offers: the commands and the help and plugin entries cobra adds. */
const SUBCOMMANDS = [...KUBECTL_COMMANDS, 'help'].sort();

/** Subcommands whose first argument is a resource type and the next ones names of that type. */
const TYPE_THEN_NAMES = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain']);

/** Subcommands whose argument is a pod name. */
const POD_NAMES = new Set(['logs', 'exec', 'attach', 'port-forward']);

const ROLLOUT = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

/** Flags that take a namespace: their value completes to the cluster's namespaces. */
const NAMESPACE_FLAGS = new Set(['-n', '--namespace']);

interface ApiResource {
  name: string;
  singularName?: string;
  shortNames?: string[];
  kind?: string;
  namespaced?: boolean;
  verbs?: string[];
}

/** Every served resource with its group and the path of its group version (discovery). */
async function discover(api: ApiClient): Promise<Array<{ group: string; base: string; resource: ApiResource }>> {
  const core = await api.getJson<{ resources: ApiResource[] }>('/api/v1');
  const found = core.resources.map((resource) => ({ group: '', base: '/api/v1', resource }));
  const groups = await api.getJson<{ groups: Array<{ name: string; preferredVersion: { groupVersion: string } }> }>(
    '/apis',
  );
  for (const group of groups.groups) {
    const base = `/apis/${group.preferredVersion.groupVersion}`;
    const list = await api.getJson<{ resources: ApiResource[] }>(base);
    for (const resource of list.resources) found.push({ group: group.name, base, resource });
  }
  return found.filter((r) => !r.resource.name.includes('/'));
}

/** `kubectl api-resources -o name --verbs=get`: plural names, with `.group` outside the core group. */
async function resourceTypes(api: ApiClient): Promise<string[]> {
  const names = (await discover(api))
    .filter((r) => r.resource.verbs?.includes('get'))
    .map((r) => (r.group ? `${r.resource.name}.${r.group}` : r.resource.name));
  return [...new Set(names)].sort();
}

/** The names of the objects of a type (as typed: plural, singular, short name or kind, maybe `.group`) in a namespace. */
async function objectNames(api: ApiClient, typed: string, namespace: string): Promise<string[]> {
  const [wanted, ...groupParts] = typed.toLowerCase().split('.');
  const wantedGroup = groupParts.join('.');
  for (const { group, base, resource } of await discover(api)) {
    if (wantedGroup && group !== wantedGroup) continue;
    const aliases = [
      resource.name,
      resource.singularName,
      resource.kind?.toLowerCase(),
      ...(resource.shortNames ?? []),
    ];
    if (!aliases.includes(wanted)) continue;
    const path = resource.namespaced ? `${base}/namespaces/${namespace}/${resource.name}` : `${base}/${resource.name}`;
    const found = await api.getJson<{ items: Array<{ metadata: { name: string } }> }>(path);
    return found.items.map((item) => item.metadata.name).sort();
  }
  return [];
}

/**
 * kubectl's shell completion (cobra's `__complete`, as `source <(kubectl completion bash)` sets
 * up): subcommands, resource types, and live object names from the cluster for the namespace
 * given with -n (default otherwise); namespaces after -n.
 */
export async function kubectlCandidates(api: ApiClient, words: readonly string[]): Promise<string[]> {
  const current = words[words.length - 1];
  const before = words.slice(1, -1);
  if (NAMESPACE_FLAGS.has(before[before.length - 1] ?? '')) return objectNames(api, 'namespaces', '');
  if (current.startsWith('-')) return [];
  let namespace = 'default';
  const args: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const word = before[i];
    if (NAMESPACE_FLAGS.has(word)) namespace = before[++i] ?? namespace;
    else if (word.startsWith('--namespace=')) namespace = word.slice('--namespace='.length);
    else if (!word.startsWith('-')) args.push(word);
  }
  const [sub, ...rest] = args;
  if (sub === undefined) return SUBCOMMANDS;
  if (TYPE_THEN_NAMES.has(sub)) {
    if (rest.length === 0) return resourceTypes(api);
    return sub === 'explain' ? [] : objectNames(api, rest[0], namespace);
  }
  if (POD_NAMES.has(sub) && rest.length === 0) return objectNames(api, 'pods', namespace);
  if (sub === 'rollout') {
    if (rest.length === 0) return ROLLOUT;
    if (rest.length === 1) return ['daemonset', 'deployment', 'statefulset'];
    return objectNames(api, rest[1], namespace);
  }
  if (sub === 'scale' && rest.length === 0) return ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'];
  return [];
}
