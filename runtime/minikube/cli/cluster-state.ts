import type { ApiClient } from '../../api/client';
import { driverClient } from '../../api/connection-refused';
import { CONTROL_PLANE } from '../start';

/** One minikube node as `minikube status` and `node list` see it. */
export interface MinikubeNode {
  name: string;
  ip: string;
  controlPlane: boolean;
  /** The kubelet posts Ready: minikube's `systemctl is-active kubelet` says it runs. */
  kubeletRunning: boolean;
}

interface NodeJson {
  metadata: { name: string; labels?: Record<string, string> };
  status?: {
    addresses?: Array<{ type: string; address: string }>;
    conditions?: Array<{ type: string; status: string }>;
  };
}

/** The cluster's nodes in minikube's order (cc.Nodes): the control plane, then m02, m03, … */
export async function minikubeNodes(api: ApiClient): Promise<MinikubeNode[]> {
  const list = await driverClient(api).getJson<{ items: NodeJson[] }>('/api/v1/nodes');
  const nodes = list.items.map((node) => ({
    name: node.metadata.name,
    ip: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
    controlPlane: node.metadata.name === CONTROL_PLANE.name,
    kubeletRunning: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
  }));
  // The control plane is in minikube's profile even before its kubelet registered the Node.
  if (!nodes.some((n) => n.controlPlane)) {
    nodes.push({ name: CONTROL_PLANE.name, ip: CONTROL_PLANE.ip, controlPlane: true, kubeletRunning: false });
  }
  const rank = (n: MinikubeNode): number => (n.controlPlane ? 0 : Number(/-m(\d+)$/.exec(n.name)?.[1] ?? 99));
  return nodes.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Whether a Deployment exists (an addon's is there once the addon is enabled). */
export async function deploymentExists(api: ApiClient, namespace: string, name: string): Promise<boolean> {
  try {
    await driverClient(api).getJson(`/apis/apps/v1/namespaces/${namespace}/deployments/${name}`);
    return true;
  } catch {
    return false;
  }
}
