import { errorsText } from './error-text';
import { ApiError, type KubectlClient } from './kubectl-client';
import { queryString } from './resource-url';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

/** A node as cordon and drain read it. */
export interface NodeObject {
  metadata: { name: string };
  spec?: { unschedulable?: boolean };
}

/** The dry-run strategy of --dry-run (cmdutil.GetDryRunStrategy), as the name printer's suffix. */
export function dryRunSuffix(ctx: KubectlContext): string {
  const dryRun = String(ctx.flags.get('dry-run') ?? 'none');
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/**
 * The nodes `NODE` or --selector names (drain.go Complete): a usage error without either, the
 * server's error for a missing node. Returns the exit code when it failed.
 */
export async function selectNodes(
  ctx: KubectlContext,
  client: KubectlClient,
  command: string,
): Promise<NodeObject[] | number> {
  const selector = ctx.flags.get('selector');
  if (ctx.args.length === 0 && selector === undefined)
    return fail(ctx.stderr, `USAGE: ${command} NODE [flags]\nSee 'kubectl ${command} -h' for help and examples`);
  if (ctx.args.length > 0 && selector)
    return fail(
      ctx.stderr,
      `error: cannot specify both a node name and a --selector option\nSee 'kubectl ${command} -h' for help and examples`,
    );
  try {
    if (ctx.args.length > 0) {
      const nodes: NodeObject[] = [];
      for (const name of ctx.args)
        nodes.push(
          await client.json<NodeObject>(`/api/v1/nodes/${encodeURIComponent(name)}`, { target: `nodes ${name}` }),
        );
      return nodes;
    }
    const query = queryString({ labelSelector: String(selector) || undefined, limit: '500' });
    return (await client.json<{ items?: NodeObject[] }>(`/api/v1/nodes${query}`, { target: 'nodes' })).items ?? [];
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    ctx.stderr.write(errorsText([error]));
    return 1;
  }
}

/**
 * drain.go RunCordonOrUncordon: marks each node (un)schedulable with a strategic merge patch
 * (`node/minikube cordoned`), or says it already is.
 */
export async function cordonNodes(
  ctx: KubectlContext,
  client: KubectlClient,
  nodes: readonly NodeObject[],
  desired: boolean,
): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  const dryRun = String(ctx.flags.get('dry-run') ?? 'none');
  for (const node of nodes) {
    const name = node.metadata.name;
    if ((node.spec?.unschedulable ?? false) === desired) {
      ctx.stdout.write(`node/${name} already ${verb}ed\n`);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        await client.json(
          `/api/v1/nodes/${encodeURIComponent(name)}${queryString({ dryRun: dryRun === 'server' ? 'All' : undefined })}`,
          {
            method: 'PATCH',
            contentType: 'application/strategic-merge-patch+json',
            // An unset `unschedulable` (omitempty) shows in the two-way patch as null.
            value: { spec: { unschedulable: desired ? true : null } },
            verb: 'patch',
            target: `nodes ${name}`,
          },
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        ctx.stderr.write(`error: unable to ${verb} node ${JSON.stringify(name)}: ${error.message}\n`);
        continue;
      }
    }
    ctx.stdout.write(`node/${name} ${verb}ed${dryRunSuffix(ctx)}\n`);
  }
}

const NODE_FLAGS = [
  { name: 'dry-run', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
] as const;

function cordonCommand(name: 'cordon' | 'uncordon'): KubectlSubcommand {
  return {
    name,
    flags: NODE_FLAGS,
    async run(ctx) {
      const setup = await kubectlSetup(ctx);
      const nodes = await selectNodes(ctx, setup.client, name);
      if (typeof nodes === 'number') return nodes;
      await cordonNodes(ctx, setup.client, nodes, name === 'cordon');
      return 0;
    },
  };
}

/** `kubectl cordon NODE` (kubectl pkg/cmd/drain): marks the node unschedulable. */
export const cordon = cordonCommand('cordon');

/** `kubectl uncordon NODE` (kubectl pkg/cmd/drain): marks the node schedulable again. */
export const uncordon = cordonCommand('uncordon');
