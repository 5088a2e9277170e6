import { kindPrefix, type ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { queryString, resourceUrl } from './resource-url';
import { selectResources, SelectionError } from './resource-selection';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';

type Scalable = { metadata: { name: string; namespace?: string }; spec?: { replicas?: number } };

/** `kubectl scale` (kubectl pkg/cmd/scale): checks the preconditions, then patches each object's scale subresource. */
export const scale: KubectlSubcommand = {
  name: 'scale',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'current-replicas', type: 'int' },
    { name: 'dry-run', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'replicas', type: 'int' },
    { name: 'resource-version', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'timeout', type: 'string' },
  ],
  async run(ctx) {
    const { flags, stdout, stderr } = ctx;
    // cobra checks required flags before the command runs.
    if (!flags.has('replicas')) return fail(stderr, 'required flag(s) "replicas" not set');
    const replicas = Number(flags.get('replicas'));
    const current = flags.has('current-replicas') ? Number(flags.get('current-replicas')) : -1;
    if (replicas < 0)
      return fail(stderr, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (current < -1) return fail(stderr, 'The --current-replicas must specify an integer of -1 or greater');
    const setup = await kubectlSetup(ctx);
    const objects: Array<{ info: ApiResourceInfo; object: Scalable }> = [];
    const errors: Array<ApiError | string> = [];
    try {
      const selection = selectResources(ctx.args, setup.resources, {
        labelSelector: flags.has('selector') ? String(flags.get('selector')) : undefined,
        all: flags.get('all') === true,
        allowEmptySelector: false,
      });
      if (selection.kind === 'named') {
        for (const { info, name } of selection.targets) {
          try {
            objects.push({
              info,
              object: await setup.client.json<Scalable>(resourceUrl(info, setup.namespace, name), {
                target: `${info.resource} ${name}`,
              }),
            });
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            errors.push(error);
          }
        }
      } else {
        for (const info of selection.infos) {
          const query = queryString({ labelSelector: selection.labelSelector });
          const list = await setup.client.json<{ items?: Scalable[] }>(
            `${resourceUrl(info, setup.namespace)}${query}`,
            { target: info.resource },
          );
          for (const object of list.items ?? []) objects.push({ info, object });
        }
      }
    } catch (error) {
      if (error instanceof SelectionError) return fail(stderr, error.message);
      if (error instanceof ApiError)
        return fail(
          stderr,
          errorsText([error])
            .replace(/^error: /, '')
            .trimEnd(),
        );
      throw error;
    }
    if (objects.length === 0) {
      const first = errors[0];
      const why = first === undefined ? '' : ` ${typeof first === 'string' ? first : first.message}`;
      return fail(stderr, `no objects passed to scale${why}`);
    }
    const output = String(flags.get('output') ?? '');
    for (const { info, object } of objects) {
      const { name, namespace } = object.metadata;
      const path = resourceUrl(info, namespace, name, 'scale');
      try {
        if (current >= 0) {
          const live = await setup.client.json<Scalable>(path, { target: `${info.resource} ${name}` });
          const was = live.spec?.replicas ?? 0;
          if (was !== current) {
            errors.push(`Expected replicas to be ${current}, was ${was}`);
            continue;
          }
        }
        await setup.client.json(path, {
          method: 'PATCH',
          contentType: 'application/merge-patch+json',
          accept: 'application/json, */*',
          value: { spec: { replicas } },
          verb: 'patch',
          target: `${info.resource} ${name}`,
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.push(error);
        continue;
      }
      stdout.write(output === 'name' ? `${kindPrefix(info)}/${name}\n` : `${kindPrefix(info)}/${name} scaled\n`);
    }
    if (errors.length > 0) {
      stderr.write(errorsText(errors));
      return 1;
    }
    return 0;
  },
};
