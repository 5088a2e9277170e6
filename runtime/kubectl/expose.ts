import { CREATE_COMMON_FLAGS, createObject } from './create';
import { buildExposedService, EXPOSE_FLAGS, GeneratorError, type GeneratorInput } from './generators';
import { fetchNamedObjects, renamingCreated } from './named-objects';
import { withFieldManager } from './run';
import { kubectlSetup } from './setup';
import type { KubectlSubcommand } from './subcommand';

/**
 * `kubectl expose TYPE NAME` (kubectl pkg/cmd/expose): reads the deployment, replica set,
 * replication controller, pod or service, and creates the Service buildExposedService makes from
 * it (`service/web exposed`), or prints it with --dry-run=client.
 */
export const expose: KubectlSubcommand = {
  name: 'expose',
  flags: [...CREATE_COMMON_FLAGS, ...EXPOSE_FLAGS],
  async run(rawCtx) {
    const ctx = renamingCreated(withFieldManager(rawCtx, 'kubectl-expose'), 'exposed');
    const setup = await kubectlSetup(ctx);
    const objects = await fetchNamedObjects(ctx, setup);
    if (typeof objects === 'number') return objects;
    for (const { object } of objects) {
      const input: GeneratorInput = {
        args: [],
        flags: ctx.flags,
        namespace: object.metadata.namespace ?? setup.namespace,
        enforceNamespace: setup.explicitNamespace,
      };
      let service: Record<string, unknown>;
      try {
        service = buildExposedService(object, input) as Record<string, unknown>;
      } catch (error) {
        if (!(error instanceof GeneratorError)) throw error;
        ctx.stderr.write(`${error.stderr}\n`);
        return 1;
      }
      const namespace = object.metadata.namespace ?? setup.namespace;
      if ((await createObject(ctx, setup.resources, setup.client, service, namespace)) !== 0) return 1;
    }
    return 0;
  },
};
