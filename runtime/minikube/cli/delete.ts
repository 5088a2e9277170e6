import type { CommandContext } from '../../shell/command';
import { HOME } from '../../shell/login-shell';
import { minikubeNodes } from './cluster-state';
import { parseFlags } from './flags';
import { step, usageError } from './output';

/**
 * `minikube delete` (cmd/minikube/cmd/delete.go deleteProfile, docker driver): each node's
 * container removed (delete.PossibleLeftOvers), the machine directories removed, then the
 * cluster is gone; `minikube start` makes a fresh one.
 */
export async function deleteCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { values: ['output'], booleans: ['all', 'purge'], short: { o: 'output' } });
  if (flags.unknown) return usageError(ctx, 'delete', flags.unknown);
  const machine = ctx.shell.minikube;
  if (!machine) {
    ctx.stderr.write('minikube: this playground runs an API server without minikube components\n');
    return 1;
  }
  // config.MachineName: the profile's name for the control plane, PROFILE-NAME for the others.
  const machines = (await minikubeNodes(ctx.shell.api)).map((n) => n.name);
  step(ctx.stdout, '🔥', 'Deleting "minikube" in docker ...');
  for (const name of machines) step(ctx.stdout, '🔥', `Deleting container "${name}" ...`);
  await machine.delete();
  for (const name of machines) step(ctx.stdout, '🔥', `Removing ${HOME}/.minikube/machines/${name} ...`);
  step(ctx.stdout, '💀', 'Removed all traces of the "minikube" cluster.');
  return 0;
}
