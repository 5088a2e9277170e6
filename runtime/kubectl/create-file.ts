import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { ManifestError, manifestFailure, readManifests, type FileContext } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import { addSourceToError } from './source-error';
import type { KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';

/** The flags `kubectl create -f` reads. */
const FLAGS: KubectlSubcommand['flags'] = [
  { name: 'dry-run', type: 'string' },
  { name: 'edit', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'raw', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'windows-line-endings', type: 'bool' },
];

/** `kubectl create -f` (kubectl pkg/cmd/create RunCreate): POST each object the manifests hold. */
export const createFromFiles: KubectlSubcommand = {
  name: 'create',
  flags: FLAGS,
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const filenames = (flags.get('filename') as string[] | undefined) ?? [];
    const setup = await kubectlSetup(ctx);
    let read;
    try {
      read = await readManifests(ctx, filenames, {
        recursive: flags.get('recursive') === true,
        resources: setup.resources,
        namespace: setup.namespace,
        enforceNamespace: setup.explicitNamespace,
        validate: flags.get('validate') !== 'false' && flags.get('validate') !== 'ignore',
      });
    } catch (error) {
      if (error instanceof ManifestError) return manifestFailure(stderr, error);
      throw error;
    }
    const errors: Array<ApiError | string> = [...read.errors];
    const manager = String(flags.get('field-manager') ?? 'kubectl-create');
    for (const manifest of read.manifests) {
      const { info, namespace, name } = manifest;
      const metadata = { ...((manifest.object.metadata ?? {}) as Record<string, unknown>) };
      if (namespace !== undefined) metadata.namespace = namespace;
      const query = queryString({ fieldManager: manager, fieldValidation: 'Strict' });
      try {
        await setup.client.json(`${resourceUrl(info, namespace)}${query}`, {
          method: 'POST',
          contentType: 'application/json',
          // Sent as text, as kubectl sends it: the server's 3 MiB request limit applies to it.
          body: JSON.stringify({ ...manifest.object, metadata }),
          verb: 'post',
          target: info.resource,
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.push(addSourceToError('creating', manifest.source, error));
        continue;
      }
      const printed = `${kindPrefix(info)}/${name}`;
      stdout.write(flags.get('output') === 'name' ? `${printed}\n` : `${printed} created\n`);
    }
    if (errors.length > 0) {
      stderr.write(errorsText(errors));
      return 1;
    }
    return 0;
  },
};
