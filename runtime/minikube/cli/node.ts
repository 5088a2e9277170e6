import type { CommandContext } from '../../shell/command';
import { minikubeNodes } from './cluster-state';
import { parseFlags } from './flags';
import { healthy } from './mustload';
import { step, usageError } from './output';
import { KIC_VERSION, preparingLine } from './start';

/** The cluster's node names minikube's config knows: `m02` for machine `minikube-m02`. */
const configName = (machine: string): string => machine.replace(/^minikube-/, '');

/**
 * `minikube node add` (cmd/minikube/cmd/node_add.go, node.Add → node.Start for a docker-driver
 * worker): the next `mNN` joins as a worker and its kubelet registers the Node.
 */
export async function nodeAddCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { booleans: ['control-plane', 'worker', 'delete-on-failure'] });
  if (flags.unknown) return usageError(ctx, 'node add', flags.unknown);
  const components = await healthy(ctx);
  if (typeof components === 'number') return components;
  if (flags.values.get('control-plane') === 'true') {
    step(
      ctx.stderr,
      '❌',
      "Adding a control-plane node to a non-HA (non-multi-control plane) cluster is not currently supported. Please first delete the cluster and use 'minikube start --ha' to create new one.",
    );
  }
  const before = components.kubelets.length;
  const next = Math.max(1, ...components.kubelets.map((k) => Number(/-m(\d+)$/.exec(k.nodeName)?.[1] ?? 1))) + 1;
  const name = `m${String(next).padStart(2, '0')}`;
  const roles = flags.values.get('worker') === 'false' ? [] : ['worker'];
  step(ctx.stdout, '😄', `Adding node ${name} to cluster minikube as [${roles.join(' ')}]`);
  // The first worker: cc.Memory drops to 2200, and a cluster started without --nodes has no CNI.
  if (before === 1) {
    step(ctx.stderr, '❗', 'Cluster was created without any CNI, adding a node to it might cause broken networking.');
  }
  step(ctx.stdout, '👍', `Starting "minikube-${name}" worker node in "minikube" cluster`);
  step(ctx.stdout, '🚜', `Pulling base image ${KIC_VERSION} ...`);
  step(ctx.stdout, '🔥', 'Creating docker container (CPUs=2, Memory=2200MB) ...');
  await components.addNode();
  step(ctx.stdout, '🐳', preparingLine());
  step(ctx.stdout, '🔎', 'Verifying Kubernetes components...');
  step(ctx.stdout, '🏄', `Successfully added ${name} to minikube!`);
  return 0;
}

/**
 * `minikube node delete NAME` (node_delete.go, node.Delete): drains the node, stops and deletes
 * its container (machine.DeleteHost: a KIC host is shut down first), then its Node object.
 */
export async function nodeDeleteCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {});
  if (flags.unknown) return usageError(ctx, 'node delete', flags.unknown);
  if (flags.args.length === 0) {
    ctx.stdout.write('\n');
    ctx.stderr.write('❌  Exiting due to MK_USAGE: Usage: minikube node delete [name]\n');
    ctx.stdout.write('\n');
    return 14;
  }
  const components = await healthy(ctx);
  if (typeof components === 'number') return components;
  const name = flags.args[0];
  step(ctx.stdout, '🔥', `Deleting node ${name} from cluster minikube`);
  // node.Retrieve accepts the config name (m02) or the machine name (minikube-m02).
  const node = (await minikubeNodes(ctx.shell.api)).find(
    (n) => !n.controlPlane && (configName(n.name) === name || n.name === name),
  );
  if (!node || !(await components.removeNode(node.name))) {
    ctx.stdout.write('\n');
    ctx.stderr.write(`❌  Exiting due to GUEST_NODE_DELETE: deleting node: retrieve: Could not find node ${name}\n`);
    ctx.stdout.write('\n');
    return 80;
  }
  step(ctx.stdout, '✋', `Stopping node "${node.name}"  ...`);
  step(ctx.stdout, '🛑', `Powering off "${node.name}" via SSH ...`);
  step(ctx.stdout, '🔥', `Deleting "${node.name}" in docker ...`);
  step(ctx.stdout, '💀', `Node ${name} was successfully deleted.`);
  return 0;
}
