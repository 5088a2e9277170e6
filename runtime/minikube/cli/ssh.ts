import type { CommandContext } from '../../shell/command';
import { parseFlags } from './flags';
import { healthy } from './mustload';
import { runNodeShell } from './node-shell';
import { usageError } from './output';

/**
 * `minikube ssh [-n NODE] [--] [COMMAND…]` (cmd/minikube/cmd/ssh.go): the arguments joined into
 * one command line that the node's bash runs, or, without any, a login shell on the node. A
 * failing command is reported as the Go ssh client's ExitError and minikube exits 1 (ssh.go:
 * "It'd be nice if we could pass up the correct error code here").
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
  const status = await runNodeShell(ctx, node, flags.args.length > 0 ? flags.args.join(' ') : undefined);
  if (status === 0) return 0;
  ctx.stderr.write(`ssh: Process exited with status ${status}\n`);
  return 1;
}
