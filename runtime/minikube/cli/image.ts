import { driverClient } from '../../api/connection-refused';
import type { CommandContext } from '../../shell/command';
import { parseFlags } from './flags';
import { usageError } from './output';

// `minikube image ls` (cmd/minikube/cmd/image.go, machine.ListImages): the images of every
// running node, as its container runtime lists them, in the default "short" format.

interface NodeImages {
  status?: { images?: Array<{ names?: string[] }> };
}

/** cruntime.AddDockerIO: a name without a registry gets docker.io (and library/ when it has no user). */
export function addDockerIO(name: string): string {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (slash >= 0 && (/[.:]/.test(first) || first.includes('localhost'))) return name;
  return slash >= 0 ? `docker.io/${name}` : `docker.io/library/${name}`;
}

/** `minikube image ls|list`: each tag once, in reverse order, one a line. */
export async function imageCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'ls' && sub !== 'list') {
    ctx.stderr.write(`${['minikube image', sub].filter(Boolean).join(' ')}: not in kubeplay yet\n`);
    return 1;
  }
  const flags = parseFlags(rest, { values: ['format'] });
  if (flags.unknown) return usageError(ctx, 'image ls', flags.unknown);
  const format = flags.values.get('format') ?? 'short';
  if (format !== 'short') {
    ctx.stderr.write(`minikube image ls --format ${format}: not in kubeplay yet\n`);
    return 1;
  }
  // Stopped nodes are skipped (their status is not Running).
  const tags = new Set<string>();
  if (ctx.shell.minikube?.state !== 'Stopped') {
    const nodes = await driverClient(ctx.shell.api).getJson<{ items: NodeImages[] }>('/api/v1/nodes');
    for (const node of nodes.items) {
      for (const image of node.status?.images ?? []) {
        // docker images lists repository:tag; digests are not tags.
        for (const name of image.names ?? []) if (!name.includes('@')) tags.add(addDockerIO(name));
      }
    }
  }
  const sorted = [...tags].sort().reverse();
  ctx.stdout.write(`${sorted.join('\n')}\n`);
  return 0;
}
