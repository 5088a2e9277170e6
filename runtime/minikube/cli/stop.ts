import type { CommandContext } from '../../shell/command';
import { minikubeNodes } from './cluster-state';
import { parseFlags } from './flags';
import { step, usageError } from './output';

/**
 * `minikube stop` (cmd/minikube/cmd/stop.go, machine.StopHost): each node's container is shut
 * down (a KIC host is powered off first when it runs), then `N node(s) stopped.`; the cluster's
 * components stop until `minikube start`.
 */
export async function stopCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    values: ['output', 'schedule'],
    booleans: ['all', 'keep-context-active', 'cancel-scheduled'],
    short: { o: 'output' },
  });
  if (flags.unknown) return usageError(ctx, 'stop', flags.unknown);
  const machine = ctx.shell.minikube;
  if (!machine) {
    ctx.stderr.write('minikube: this playground runs an API server without minikube components\n');
    return 1;
  }
  const running = machine.state !== 'Stopped';
  const nodes = await minikubeNodes(ctx.shell.api);
  for (const node of nodes) {
    step(ctx.stdout, '✋', `Stopping node "${node.name}"  ...`);
    // trySSHPowerOff: only a running host is powered off.
    if (running) step(ctx.stdout, '🛑', `Powering off "${node.name}" via SSH ...`);
  }
  await machine.stop();
  step(ctx.stdout, '🛑', `${nodes.length} node${nodes.length > 1 ? 's' : ''} stopped.`);
  return 0;
}
