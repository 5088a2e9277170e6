import type { CommandContext } from '../../shell/command';
import { minikubeNodes } from './cluster-state';
import { healthy } from './mustload';
import { parseFlags } from './flags';
import { step, usageError } from './output';

/** pause.go's default --namespaces (constants.DefaultNamespaces). */
const DEFAULT_NAMESPACES = ['kube-system', 'kubernetes-dashboard', 'storage-gluster', 'istio-operator'];

interface PodList {
  items: Array<{
    metadata: { namespace: string };
    spec: { nodeName?: string };
    status?: { containerStatuses?: Array<{ state?: { running?: object } }> };
  }>;
}

/**
 * The running docker containers of `namespaces` (cruntime.ListContainers: `docker ps` on names
 * `k8s_.*_(NS)_`): each pod's running containers and its `k8s_POD_` sandbox.
 */
function runningContainers(pods: PodList, namespaces: string[]): number {
  let count = 0;
  for (const pod of pods.items) {
    if (!namespaces.includes(pod.metadata.namespace) || !pod.spec.nodeName) continue;
    const running = (pod.status?.containerStatuses ?? []).filter((c) => c.state?.running).length;
    if (running > 0) count += running + 1;
  }
  return count;
}

/**
 * `minikube pause` / `minikube unpause` (cmd/minikube/cmd/pause.go, unpause.go): freezes the
 * control plane's containers in the default namespaces; kubeplay marks the machine paused
 * (status says `apiserver: Paused`) and counts the containers the pods run.
 */
export async function pauseCommand(ctx: CommandContext, argv: string[], pause: boolean): Promise<number> {
  const verb = pause ? 'pause' : 'unpause';
  const flags = parseFlags(argv, {
    values: ['namespaces', 'output'],
    booleans: ['all-namespaces'],
    short: { n: 'namespaces', A: 'all-namespaces', o: 'output' },
  });
  if (flags.unknown) return usageError(ctx, verb, flags.unknown);
  const machine = ctx.shell.minikube;
  if (pause) {
    const components = await healthy(ctx);
    if (typeof components === 'number') return components;
  } else if (!machine || machine.state === 'Stopped') {
    return healthy(ctx) as Promise<number>;
  }
  const all = flags.values.get('all-namespaces') === 'true';
  const namespaces = flags.values.get('namespaces')?.split(',') ?? DEFAULT_NAMESPACES;
  const pods = await ctx.shell.api.getJson<PodList>('/api/v1/pods');
  const listed = all ? [...new Set(pods.items.map((p) => p.metadata.namespace))] : namespaces;
  for (const node of await minikubeNodes(ctx.shell.api)) {
    const name = node.controlPlane ? 'minikube' : node.name.replace(/^minikube-/, '');
    step(ctx.stdout, '⏸️', `${pause ? 'Pausing' : 'Unpausing'} node ${name} ... `);
  }
  const count = runningContainers(pods, listed);
  machine?.setPaused(pause);
  const what = `${pause ? 'Paused' : 'Unpaused'} ${count} containers`;
  // pause.go prints with style.Unpause, unpause.go with style.Pause: minikube's emojis, swapped.
  const emoji = pause ? '⏯️' : '⏸️';
  step(ctx.stdout, emoji, all ? what : `${what} in: ${namespaces.join(', ')}`);
  return 0;
}
