import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType, STATUS_SUBRESOURCE } from '../resource';

type Node = {
  metadata?: { labels?: Record<string, string> };
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: Array<{ type: string; status: string }>;
    addresses?: Array<{ type: string; address: string }>;
    nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
  };
};

function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  let status = ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
  if (node.spec?.unschedulable) status += ',SchedulingDisabled';
  return status;
}

function roles(node: Node): string {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) found.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value) found.add(value);
  }
  return found.size ? [...found].sort().join(',') : '<none>';
}

const address = (node: Node, type: string): string =>
  node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';

/** core/v1 Node. */
export const nodes: ResourceType = resourceType('Node', 'nodes', 'v1', {
  namespaced: false,
  shortNames: ['no'],
  hasStatus: true,
  statusOnCreate: true,
  subresources: [
    { name: 'proxy', kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
    STATUS_SUBRESOURCE,
  ],
  table: {
    columns: [
      NAME_COLUMN,
      column('Status', 'string', 'The status of the node'),
      column('Roles', 'string', 'The roles of the node'),
      AGE_COLUMN,
      column('Version', 'string', 'Kubelet Version reported by the node.'),
      column(
        'Internal-IP',
        'string',
        'List of addresses reachable to the node. Queried from cloud provider, if available.',
        1,
      ),
      column(
        'External-IP',
        'string',
        'List of addresses reachable to the node. Queried from cloud provider, if available.',
        1,
      ),
      column(
        'OS-Image',
        'string',
        'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
        1,
      ),
      column(
        'Kernel-Version',
        'string',
        "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
        1,
      ),
      column(
        'Container-Runtime',
        'string',
        'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
        1,
      ),
    ],
    row(object, context) {
      const node = object as Node;
      const info = node.status?.nodeInfo ?? {};
      return [
        object.metadata?.name ?? '',
        nodeStatus(node),
        roles(node),
        age(object, context),
        info.kubeletVersion ?? '',
        address(node, 'InternalIP'),
        address(node, 'ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  selectableFields: (node) => ({ 'spec.unschedulable': String((node as Node).spec?.unschedulable ?? false) }),
});
