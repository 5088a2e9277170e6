import type { CommandContext } from '../../shell/command';
import { dockerPs } from './docker-ps';
import { parseFlags } from './flags';
import { healthy } from './mustload';
import { usageError } from './output';

/**
 * `minikube ssh [-n NODE] [--] COMMAND` (cmd/minikube/cmd/ssh.go): a command run on a node. The
 * node's shell is not simulated; `docker ps` is, from the API's pods on that node.
 */
export async function sshCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    values: ['node', 'native-ssh'],
    booleans: ['legacy'],
    short: { n: 'node' },
  });
  if (flags.unknown) return usageError(ctx, 'ssh', flags.unknown);
  const components = await healthy(ctx);
  if (typeof components === 'number') return components;
  const node = flags.values.get('node') ?? 'minikube';
  // ssh joins the arguments into one command line for the node's shell.
  const command = flags.args.join(' ').trim();
  if (/^docker (ps|container ls)$/.test(command)) {
    ctx.stdout.write(await dockerPs(ctx, node));
    return 0;
  }
  ctx.stderr.write(`minikube ssh: ${command ? `\`${command}\`` : 'an interactive shell'}: not in kubeplay yet\n`);
  return 1;
}
