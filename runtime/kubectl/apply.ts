import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { ManifestError, manifestFailure, readManifests, type FileContext, type Manifest } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import { addSourceToError } from './source-error';
import { fail, type KubectlSubcommand } from './subcommand';
import { SERVER_SIDE_MANAGER, serverSideApply } from './apply-server-side';
import { pruneAll, visitedKey } from './apply-prune';
import { applyFlagError } from './apply-validate';
import { parseLabelSelector } from '../api/selectors';
import { kubectlSetup, type KubectlSetup } from './setup';
import { goJson, threeWayPatch } from './apply-patch';

/** The annotation client-side apply keeps the applied manifest in. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown> & { metadata?: { annotations?: Record<string, string> } };

/** The manifest as applied: its namespace set, and the annotation holding itself (util.GetModifiedConfiguration). */
function modifiedConfiguration(manifest: Manifest): { object: Obj; annotation: string } {
  const metadata = { ...((manifest.object.metadata ?? {}) as Record<string, unknown>) };
  if (manifest.namespace !== undefined) metadata.namespace = manifest.namespace;
  const annotations = { ...((metadata.annotations ?? {}) as Record<string, string>) };
  delete annotations[LAST_APPLIED];
  const applied = { ...manifest.object, metadata: { ...metadata, annotations } };
  const annotation = `${goJson(applied)}\n`;
  return {
    object: { ...applied, metadata: { ...metadata, annotations: { ...annotations, [LAST_APPLIED]: annotation } } },
    annotation,
  };
}

/** `kubectl apply -f` client-side (kubectl pkg/cmd/apply): create what is missing, patch the rest three-way. */
export const apply: KubectlSubcommand = {
  name: 'apply',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'force', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'prune', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'server-side', type: 'bool' },
    { name: 'validate', type: 'string' },
    { name: 'wait', type: 'bool' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const setup = await kubectlSetup(ctx);
    const invalid = applyFlagError(flags);
    if (invalid) return fail(stderr, invalid);
    let read;
    try {
      read = await readManifests(ctx, (flags.get('filename') as string[] | undefined) ?? [], {
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
    // The builder's label selector filters the manifests themselves too.
    const selector = String(flags.get('selector') ?? '');
    const labelSelector = parseLabelSelector(selector);
    const manifests = read.manifests.filter((m) =>
      labelSelector.matches((m.object.metadata as { labels?: Record<string, string> } | undefined)?.labels),
    );
    if (manifests.length === 0 && errors.length === 0) return fail(stderr, 'no objects passed to apply');
    const dryRun = String(flags.get('dry-run') ?? 'none');
    // MarkObjectVisited: what prune keeps, and the namespaces it looks in (-n's first).
    const visited = new Set<string>();
    const namespaces = new Set<string>(setup.explicitNamespace ? [setup.namespace] : []);
    for (const manifest of manifests) {
      try {
        const operation = flags.get('server-side')
          ? await serverSideApplied(setup, manifest, flags, dryRun)
          : await applyOne(setup, manifest, ctx, dryRun);
        const printed = `${kindPrefix(manifest.info)}/${manifest.name}`;
        // printers' dry-run suffixes (PrintFlags.Complete): `(dry run)` / `(server dry run)`.
        const suffix = dryRun === 'server' ? ' (server dry run)' : dryRun === 'client' ? ' (dry run)' : '';
        stdout.write(flags.get('output') === 'name' ? `${printed}\n` : `${printed} ${operation}${suffix}\n`);
        visited.add(visitedKey(manifest.info, manifest.namespace, manifest.name));
        if (manifest.namespace !== undefined) namespaces.add(manifest.namespace);
      } catch (error) {
        if (flags.get('server-side') && (error instanceof ApiError || error instanceof Error)) {
          // applyOneObject returns server-side failures without the source (a conflict explained).
          errors.push(error instanceof ApiError ? error : error.message);
          continue;
        }
        if (!(error instanceof ApiError)) throw error;
        errors.push(addSourceToError(error.verb === 'post' ? 'creating' : 'patching', manifest.source, error));
      }
    }
    if (errors.length > 0) {
      stderr.write(errorsText(errors));
      return 1;
    }
    if (flags.get('prune') === true) {
      const output = flags.get('output') as string | undefined;
      try {
        await pruneAll(setup, { selector, namespaces, visited, dryRun, output, stdout, stderr, clock: ctx.clock });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        stderr.write(errorsText([error]));
        return 1;
      }
    }
    return 0;
  },
};

/** Applies one object server-side; returns `serverside-applied`. */
async function serverSideApplied(
  setup: KubectlSetup,
  manifest: Manifest,
  flags: FileContext['flags'],
  dryRun: string,
): Promise<string> {
  const manager = String(flags.get('field-manager') ?? SERVER_SIDE_MANAGER);
  await serverSideApply(setup, manifest, {
    manager,
    force: flags.get('force-conflicts') === true,
    dryRun: dryRun === 'server',
  });
  return 'serverside-applied';
}

/** Applies one object; returns what happened (`created`, `configured`, `unchanged`). */
async function applyOne(setup: KubectlSetup, manifest: Manifest, ctx: FileContext, dryRun: string): Promise<string> {
  const { info, namespace, name } = manifest;
  const query = queryString({
    dryRun: dryRun === 'server' ? 'All' : undefined,
    fieldManager: 'kubectl-client-side-apply',
    fieldValidation: 'Strict',
  });
  const modified = modifiedConfiguration(manifest);
  let live: Obj;
  try {
    live = await setup.client.json<Obj>(resourceUrl(info, namespace, name), { target: `${info.resource} ${name}` });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 404) throw error;
    if (dryRun === 'client') return 'created';
    await setup.client.json(`${resourceUrl(info, namespace)}${query}`, {
      method: 'POST',
      contentType: 'application/json',
      // Sent as text, as kubectl sends it: the server's 3 MiB request limit applies to it.
      body: JSON.stringify(modified.object),
      verb: 'post',
      target: info.resource,
    });
    return 'created';
  }
  // A client dry run stops here: the object exists, so it would be configured.
  if (dryRun === 'client') return 'configured';
  const previous = live.metadata?.annotations?.[LAST_APPLIED];
  if (previous === undefined) {
    ctx.stderr.write(
      `Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const original = previous === undefined ? undefined : (JSON.parse(previous) as Record<string, unknown>);
  const patch = threeWayPatch(original, modified.object, live);
  if (Object.keys(patch).length === 0) return 'unchanged';
  await setup.client.json(`${resourceUrl(info, namespace, name)}${query}`, {
    method: 'PATCH',
    contentType: 'application/strategic-merge-patch+json',
    body: JSON.stringify(patch),
    verb: 'patch',
    target: `${info.resource} ${name}`,
  });
  return 'configured';
}
