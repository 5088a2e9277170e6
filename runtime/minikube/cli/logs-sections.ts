import { driverClient } from '../../api/connection-refused';
import type { CommandContext, OutputStream } from '../../shell/command';
import { CONTROL_PLANE } from '../start';
import { enabledAddons } from './addons-list';
import { containerLog, containersNamed, crictlPs, nodeContainers } from './logs-containers';
import { dmesgWarnings, dockerJournal, kernelSection, kubeletJournal, type NodeFacts } from './logs-journal';

// logs.logCommands plus Output's `kernel`: what each section's command prints on the control
// plane, by section name (Output prints them sorted by name).

/** logs.importantPods: the containers whose logs every `minikube logs` shows. */
const IMPORTANT_PODS = [
  'kube-apiserver',
  'etcd',
  'coredns',
  'kube-scheduler',
  'kube-proxy',
  'kube-controller-manager',
  'kindnet',
];

/** logs.enabledAddonPods: the containers of the enabled addons users report issues with. */
const ADDON_PODS: Record<string, string> = {
  dashboard: 'kubernetes-dashboard',
  'gcp-auth': 'gcp-auth',
  ingress: 'controller_ingress',
  'storage-provisioner': 'storage-provisioner',
};

interface NodeJson {
  metadata: { name: string; creationTimestamp?: string };
  status?: {
    nodeInfo?: { kernelVersion?: string; osImage?: string };
    conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }>;
  };
}

/** The control-plane Node's facts: its boot, its kernel and OS, and when it turned Ready. */
export async function controlPlaneFacts(ctx: CommandContext): Promise<NodeFacts & { ready?: number }> {
  let node: NodeJson | undefined;
  try {
    node = await driverClient(ctx.shell.api).getJson<NodeJson>(`/api/v1/nodes/${CONTROL_PLANE.name}`);
  } catch {
    node = undefined;
  }
  const ready = node?.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return {
    name: CONTROL_PLANE.name,
    booted: Date.parse(node?.metadata.creationTimestamp ?? '') || ctx.shell.clock.now(),
    kernelVersion: node?.status?.nodeInfo?.kernelVersion ?? '',
    osImage: node?.status?.nodeInfo?.osImage ?? '',
    ready: Date.parse(ready?.lastTransitionTime ?? '') || undefined,
  };
}

/** What `sudo kubectl describe nodes` prints on the node: the shell's kubectl, the same API. */
async function describeNodes(ctx: CommandContext): Promise<string> {
  const kubectl = ctx.shell.commands.get('kubectl');
  if (!kubectl) return '';
  let text = '';
  const capture: OutputStream = { write: (chunk) => void (text += chunk) };
  await kubectl.run({ ...ctx, argv: ['kubectl', 'describe', 'nodes'], stdout: capture, stderr: capture });
  return text;
}

/**
 * Every section's text, by name: the bootstrapper's (kubelet, dmesg, describe nodes), one per
 * container of the important and addon pods (`<pod> [<id>]`), the runtime's (`Docker`),
 * `container status` and `kernel`. `lines` is -n (0: whole logs); `follow` is what logs.Follow
 * starts (no `kernel`; journalctl -f without -n shows the last 10 entries).
 */
export async function logSections(ctx: CommandContext, lines: number, follow = false): Promise<Map<string, string>> {
  const journalLines = follow ? 10 : lines;
  const api = ctx.shell.api;
  const node = await controlPlaneFacts(ctx);
  const containers = await nodeContainers(api, node.name);
  const enabled = await enabledAddons(ctx);
  const pods = [
    ...IMPORTANT_PODS,
    ...Object.keys(ADDON_PODS)
      .filter((a) => enabled.has(a))
      .map((a) => ADDON_PODS[a]),
  ];
  const sections = new Map<string, string>([
    ['kubelet', kubeletJournal(node, containers, journalLines)],
    ['dmesg', dmesgWarnings(node, lines)],
    ['describe nodes', await describeNodes(ctx)],
  ]);
  for (const pod of pods) {
    // `docker ps -a` prints 12-digit IDs.
    for (const container of containersNamed(containers, pod)) {
      sections.set(`${pod} [${container.id.slice(0, 12)}]`, await containerLog(api, container, lines));
    }
  }
  sections.set('Docker', dockerJournal(node, containers, journalLines));
  sections.set('container status', crictlPs(containers, ctx.shell.clock.now()));
  if (!follow) sections.set('kernel', kernelSection(node, ctx.shell.clock.now()));
  return sections;
}
