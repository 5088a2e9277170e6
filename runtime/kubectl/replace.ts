import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { ManifestError, readManifests, type FileContext } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';
import { addSourceToError } from './source-error';
import { waitDeleted } from './wait-deleted';

/** `kubectl replace -f` (kubectl pkg/cmd/replace): PUT each object; with --force, delete it, wait, create it. */
export const replace: KubectlSubcommand = {
  name: 'replace',
  flags: [
    { name: 'cascade', type: 'string' },
    { name: 'dry-run', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'timeout', type: 'string' },
    { name: 'validate', type: 'string' },
    { name: 'wait', type: 'bool' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const force = flags.get('force') === true;
    if (!force && flags.has('grace-period')) return fail(stderr, '--grace-period must have --force specified');
    if (!force && flags.has('timeout')) return fail(stderr, '--timeout must have --force specified');
    const filenames = (flags.get('filename') as string[] | undefined) ?? [];
    if (filenames.length === 0) return fail(stderr, 'must specify one of -f and -k');
    const setup = await kubectlSetup(ctx);
    let read;
    try {
      read = await readManifests(ctx, filenames, {
        recursive: flags.get('recursive') === true,
        resources: setup.resources,
        namespace: setup.namespace,
        enforceNamespace: setup.explicitNamespace,
        validate: true,
      });
    } catch (error) {
      if (error instanceof ManifestError) return fail(stderr, error.message);
      throw error;
    }
    const errors: Array<ApiError | string> = [...read.errors];
    const manager = String(flags.get('field-manager') ?? 'kubectl-replace');
    const output = String(flags.get('output') ?? '');
    for (const m of read.manifests) {
      const object = {
        ...m.object,
        metadata: { ...(m.object.metadata as object), ...(m.namespace ? { namespace: m.namespace } : {}) },
      };
      const target = `${m.info.resource} ${m.name}`;
      try {
        if (force) {
          const deleted = await setup.client.json<{ metadata?: { uid?: string } }>(
            resourceUrl(m.info, m.namespace, m.name),
            {
              method: 'DELETE',
              contentType: 'application/json',
              value: { propagationPolicy: 'Background' },
              verb: 'delete',
              target,
            },
          );
          stdout.write(
            `${m.info.kind.toLowerCase()}${m.info.group ? `.${m.info.group}` : ''} ${JSON.stringify(m.name)} deleted from ${m.namespace ?? ''} namespace\n`,
          );
          const uid = deleted.metadata?.uid;
          if (
            !(await waitDeleted(
              setup.client,
              [{ info: m.info, namespace: m.namespace, name: m.name, uid }],
              ctx.signal,
            ))
          )
            return 130;
          await setup.client.json(`${resourceUrl(m.info, m.namespace)}${queryString({ fieldManager: manager })}`, {
            method: 'POST',
            contentType: 'application/json',
            value: object,
            verb: 'create',
            target,
          });
        } else {
          await setup.client.json(
            `${resourceUrl(m.info, m.namespace, m.name)}${queryString({ fieldManager: manager })}`,
            {
              method: 'PUT',
              contentType: 'application/json',
              value: object,
              verb: 'update',
              target,
            },
          );
        }
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.push(addSourceToError(force ? 'creating' : 'replacing', m.source, error));
        continue;
      }
      const printed = `${kindPrefix(m.info)}/${m.name}`;
      stdout.write(output === 'name' ? `${printed}\n` : `${printed} replaced\n`);
    }
    if (errors.length > 0) {
      stderr.write(errorsText(errors));
      return 1;
    }
    if (read.manifests.length === 0) return fail(stderr, 'no objects passed to replace');
    return 0;
  },
};
