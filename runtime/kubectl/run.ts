import { CREATE_COMMON_FLAGS, createObject } from './create';
import { deleteCommand } from './delete';
import type { FlagValue } from './flags';
import { buildRunPod, GeneratorError, RUN_FLAGS, type RunInput } from './generators';
import { parseLabels } from './generators/labels';
import { attachRunPod } from './run-attach';
import { kubectlSetup } from './setup';
import type { KubectlContext, KubectlSubcommand } from './subcommand';

/** A copy of `ctx` whose flags default `field-manager` to the command's own manager name. */
export function withFieldManager(ctx: KubectlContext, manager: string): KubectlContext {
  if (ctx.flags.has('field-manager')) return ctx;
  const flags = new Map<string, FlagValue>(ctx.flags);
  flags.set('field-manager', manager);
  return { ...ctx, flags };
}

/** generateService's ServiceGeneratorV2 with run's params: selector `--labels` or run=NAME, one TCP port. */
function runService(
  name: string,
  labelText: string,
  port: number,
  namespace: string | undefined,
): Record<string, unknown> {
  const labels = labelText ? parseLabels(labelText) : undefined;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) },
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector: labels ?? { run: name } },
    status: { loadBalancer: {} },
  };
}

/**
 * `kubectl run NAME --image=…` (kubectl pkg/cmd/run): creates the pod buildRunPod makes (and with
 * --expose its Service, printed first); with -i/-t/--attach attaches to it, then with --rm
 * deletes what it created.
 */
export const run: KubectlSubcommand = {
  name: 'run',
  flags: [...CREATE_COMMON_FLAGS, ...RUN_FLAGS],
  async run(rawCtx) {
    const ctx = withFieldManager(rawCtx, 'kubectl-run');
    const setup = await kubectlSetup(ctx);
    const dryRun = String(ctx.flags.get('dry-run') ?? 'none');
    const input: RunInput = {
      args: ctx.args,
      dashAt: ctx.dashAt,
      flags: ctx.flags,
      namespace: setup.namespace,
      enforceNamespace: setup.explicitNamespace,
      dryRun: dryRun === 'client' || dryRun === 'server' ? dryRun : 'none',
    };
    let pod: {
      metadata: { name: string; namespace?: string };
      spec: { restartPolicy: string; containers: Array<{ ports?: Array<{ containerPort: number }> }> };
    };
    try {
      pod = buildRunPod(input) as typeof pod;
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      ctx.stderr.write(`${error.stderr}\n`);
      return 1;
    }
    const attach = ctx.flags.get('attach') ?? ctx.flags.get('stdin') === true;
    const output = String(ctx.flags.get('output') ?? '');
    // The pod is created first but printed last, after the Service --expose prints.
    let podText = '';
    const podCtx = { ...ctx, stdout: { write: (text: string) => void (podText += text) } };
    const podObject = pod as unknown as Record<string, unknown>;
    if ((await createObject(podCtx, setup.resources, setup.client, podObject, setup.namespace)) !== 0) return 1;
    const created = [{ type: 'pods', name: pod.metadata.name }];
    let exitCode = 0;
    if (ctx.flags.get('expose') === true) {
      const port = Number(pod.spec.containers[0].ports?.[0]?.containerPort);
      const service = runService(
        pod.metadata.name,
        String(ctx.flags.get('labels') ?? ''),
        port,
        pod.metadata.namespace,
      );
      exitCode = await createObject(ctx, setup.resources, setup.client, service, setup.namespace);
      if (exitCode === 0) created.push({ type: 'services', name: pod.metadata.name });
      if (output === 'yaml') ctx.stdout.write('---\n');
    }
    if (attach !== true) {
      ctx.stdout.write(podText);
      return exitCode;
    }
    const namespace = pod.metadata.namespace ?? setup.namespace;
    const { code, message } = await attachRunPod(ctx, setup, {
      namespace,
      name: pod.metadata.name,
      restartPolicy: pod.spec.restartPolicy,
    });
    if (ctx.flags.get('rm') === true) {
      // removeCreatedObjects: delete's printer, per created object, in creation order.
      for (const { type, name } of created) {
        const flags = new Map<string, FlagValue>([['namespace', namespace]]);
        for (const key of ['cascade', 'force', 'grace-period', 'timeout', 'wait'])
          if (ctx.flags.has(key)) flags.set(key, ctx.flags.get(key) as FlagValue);
        await deleteCommand.run({ ...ctx, args: [type, name], dashAt: undefined, flags });
      }
    }
    if (message) ctx.stderr.write(message);
    return code;
  },
};
