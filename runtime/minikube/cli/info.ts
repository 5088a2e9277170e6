import type { CommandContext } from '../../shell/command';
import type { MachineState } from '../machine';
import { minikubeNodes, type MinikubeNode } from './cluster-state';
import { exitWith, usageError } from './output';
import { parseFlags } from './flags';

/** minikube v1.37.0's version and the commit it was built from (its node labels say the same). */
export const MINIKUBE_VERSION = { version: 'v1.37.0', commit: '65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3' };

/** cluster.Status: one node's states, in the field order `status -o json` marshals them. */
function nodeStatus(node: MinikubeNode, machine: MachineState) {
  // A stopped machine: every container is down; a paused one: kubelet stopped, apiserver frozen.
  const kubelet = machine === 'Running' && node.kubeletRunning ? 'Running' : 'Stopped';
  const host = machine === 'Stopped' ? 'Stopped' : 'Running';
  return node.controlPlane
    ? {
        Name: node.name,
        Host: host,
        Kubelet: kubelet,
        APIServer: machine === 'Running' ? 'Running' : machine,
        Kubeconfig: machine === 'Stopped' ? 'Stopped' : 'Configured',
        Worker: false,
      }
    : {
        Name: node.name,
        Host: host,
        Kubelet: kubelet,
        APIServer: 'Irrelevant',
        Kubeconfig: 'Irrelevant',
        Worker: true,
      };
}

/**
 * `minikube status [-o json] [-n NODE]` (cmd/minikube/cmd/status.go): defaultStatusFormat for
 * the control plane, workerStatusFormat for the others, each followed by a blank line; the exit
 * code's bits say what does not run (exitCode).
 */
export async function statusCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    values: ['output', 'node', 'layout'],
    short: { o: 'output', n: 'node', l: 'layout' },
  });
  if (flags.unknown) return usageError(ctx, 'status', flags.unknown);
  const output = (flags.values.get('output') ?? 'text').toLowerCase();
  let nodes = await minikubeNodes(ctx.shell.api);
  const only = flags.values.get('node');
  if (only !== undefined) nodes = nodes.filter((n) => n.name === only);
  if (nodes.length === 0) {
    return exitWith(ctx.stdout, ctx.stderr, 'GUEST_NODE_RETRIEVE', `retrieving node: Could not find node ${only}`);
  }
  const statuses = nodes.map((node) => nodeStatus(node, ctx.shell.minikube?.state ?? 'Running'));
  if (output === 'json') {
    // statusJSON: one object for a single node (backwards compatible), an array otherwise; no newline.
    ctx.stdout.write(JSON.stringify(statuses.length === 1 ? statuses[0] : statuses));
  } else if (output === 'text') {
    for (const st of statuses) {
      ctx.stdout.write(
        st.Worker
          ? `${st.Name}\ntype: Worker\nhost: ${st.Host}\nkubelet: ${st.Kubelet}\n\n`
          : `${st.Name}\ntype: Control Plane\nhost: ${st.Host}\nkubelet: ${st.Kubelet}\napiserver: ${st.APIServer}\nkubeconfig: ${st.Kubeconfig}\n\n`,
      );
    }
  } else {
    return exitWith(
      ctx.stdout,
      ctx.stderr,
      'MK_USAGE',
      `invalid output format: ${output}. Valid values: 'text', 'json'`,
    );
  }
  // exitCode: minikubeNotRunningStatusFlag (1), clusterNotRunningStatusFlag (2), k8sNotRunningStatusFlag (4).
  let code = 0;
  for (const st of statuses) {
    if (st.Host !== 'Running') code |= 1;
    if ((st.APIServer !== 'Running' && st.APIServer !== 'Irrelevant') || st.Kubelet !== 'Running') code |= 2;
    if (st.Kubeconfig !== 'Configured' && st.Kubeconfig !== 'Irrelevant') code |= 4;
  }
  return code;
}

/** `minikube ip [-n NODE]` (ip.go): the node's address, `out.Ln`. */
export async function ipCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { values: ['node'], short: { n: 'node' } });
  if (flags.unknown) return usageError(ctx, 'ip', flags.unknown);
  const nodes = await minikubeNodes(ctx.shell.api);
  const name = flags.values.get('node');
  const node = name === undefined || name === '' ? nodes[0] : nodes.find((n) => n.name === name);
  if (!node)
    return exitWith(ctx.stdout, ctx.stderr, 'GUEST_NODE_RETRIEVE', `retrieving node: Could not find node ${name}`);
  ctx.stdout.write(`${node.ip}\n`);
  return 0;
}

/** `minikube node list` (node_list.go): `fmt.Printf("%s\t%s\n", machineName, n.IP)` per node. */
export async function nodeListCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  if (argv.length !== 0) return exitWith(ctx.stdout, ctx.stderr, 'MK_USAGE', 'Usage: minikube node list');
  for (const node of await minikubeNodes(ctx.shell.api)) ctx.stdout.write(`${node.name}\t${node.ip}\n`);
  return 0;
}

/** `minikube version [--short] [-o json|yaml]` (version.go). */
export function versionCommand(ctx: CommandContext, argv: string[]): number {
  const flags = parseFlags(argv, { values: ['output'], booleans: ['short', 'components'], short: { o: 'output' } });
  if (flags.unknown) return usageError(ctx, 'version', flags.unknown);
  const { version, commit } = MINIKUBE_VERSION;
  switch (flags.values.get('output') ?? '') {
    case '':
      ctx.stdout.write(
        flags.values.get('short') === 'true' ? `${version}\n` : `minikube version: ${version}\ncommit: ${commit}\n`,
      );
      return 0;
    case 'json':
      // json.Marshal of a map: keys sorted.
      ctx.stdout.write(`${JSON.stringify({ commit, minikubeVersion: version })}\n`);
      return 0;
    case 'yaml':
      // out.Ln(yaml) adds a newline after yaml.Marshal's own.
      ctx.stdout.write(`commit: ${commit}\nminikubeVersion: ${version}\n\n`);
      return 0;
    default:
      return exitWith(ctx.stdout, ctx.stderr, 'MK_OUTPUT_USAGE', "error: --output must be 'yaml' or 'json'");
  }
}
