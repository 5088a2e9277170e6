import { kindPrefix, type ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError, type KubectlClient } from './kubectl-client';
import { queryString, resourceUrl } from './resource-url';
import { selectResources, SelectionError } from './resource-selection';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';

type Meta = { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };

/** What differs between `label` and `annotate`. */
interface MetadataEdit {
  name: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  /** The error when a key would change without --overwrite (null: none). */
  overwriteError(conflicts: Array<[string, string]>): string;
  /** The verb printed for the change (`labeled`, `not labeled`, `annotated`). */
  message(changed: boolean, shrank: boolean, overwrite: boolean): string;
}

/** Resource args before the KEY=VALUE / KEY- pairs (cmdutil.GetResourcesAndPairs). */
function splitPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length > 0)
      throw new SelectionError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

function metadataCommand(edit: MetadataEdit): KubectlSubcommand {
  return {
    name: edit.name,
    flags: [
      { name: 'all', type: 'bool' },
      { name: 'all-namespaces', short: 'A', type: 'bool' },
      { name: 'dry-run', type: 'string' },
      { name: 'field-manager', type: 'string' },
      { name: 'field-selector', type: 'string' },
      { name: 'filename', short: 'f', type: 'stringSlice' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'list', type: 'bool' },
      { name: 'local', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'overwrite', type: 'bool' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'resource-version', type: 'string' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'template', type: 'string' },
    ],
    async run(ctx) {
      const { flags, stdout, stderr } = ctx;
      const singular = edit.name === 'label' ? 'label' : 'annotation';
      let resources: string[];
      const set = new Map<string, string>();
      const remove: string[] = [];
      try {
        const split = splitPairs(ctx.args, singular);
        resources = split.resources;
        for (const pair of split.pairs) {
          if (pair.includes('=')) {
            const parts = pair.split('=');
            if (edit.name === 'label' && parts.length !== 2) throw new SelectionError(`invalid label spec: ${pair}`);
            set.set(parts[0], parts.slice(1).join('='));
          } else remove.push(pair.slice(0, -1));
        }
        const both = remove.filter((key) => set.has(key));
        if (both.length > 0) {
          throw new SelectionError(
            edit.name === 'label'
              ? 'can not both modify and remove a label in the same command'
              : `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
          );
        }
        if (set.size === 0 && remove.length === 0)
          throw new SelectionError(`at least one ${singular} update is required`);
      } catch (error) {
        if (error instanceof SelectionError) return fail(stderr, error.message);
        throw error;
      }
      const output = String(flags.get('output') ?? '');
      const overwrite = flags.get('overwrite') === true;
      const setup = await kubectlSetup(ctx);
      const namespace = flags.get('all-namespaces') === true ? undefined : setup.namespace;
      const errors: Array<ApiError | string> = [];
      let objects: Array<{ info: ApiResourceInfo; object: { metadata: Meta } }>;
      try {
        const selection = selectResources(resources, setup.resources, {
          labelSelector: flags.has('selector') ? String(flags.get('selector')) : undefined,
          fieldSelector: flags.has('field-selector') ? String(flags.get('field-selector')) : undefined,
          all: flags.get('all') === true,
          allowEmptySelector: false,
        });
        objects = await fetchObjects(setup.client, selection, namespace, errors);
      } catch (error) {
        if (error instanceof SelectionError) return fail(stderr, error.message);
        throw error;
      }
      const manager = String(flags.get('field-manager') ?? `kubectl-${edit.name}`);
      for (const { info, object } of objects) {
        const metadata = object.metadata;
        const before = { ...(metadata[edit.field] ?? {}) };
        if (edit.name === 'label') {
          for (const key of remove) if (!(key in before)) stdout.write(`label ${JSON.stringify(key)} not found.\n`);
        }
        const conflicts = [...set]
          .filter(([key, value]) => key in before && before[key] !== value)
          .map(([key]) => [key, before[key]] as [string, string]);
        if (!overwrite && conflicts.length > 0) {
          errors.push(edit.overwriteError(conflicts));
          continue;
        }
        const after: Record<string, string> = { ...before };
        for (const [key, value] of set) after[key] = value;
        for (const key of remove) delete after[key];
        const patch: Record<string, string | null> = {};
        for (const key of Object.keys(after)) if (before[key] !== after[key]) patch[key] = after[key];
        for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
        const changed = Object.keys(patch).length > 0;
        const shrank = JSON.stringify(after).length < JSON.stringify(before).length;
        try {
          await setup.client.json(
            `${resourceUrl(info, metadata.namespace, metadata.name)}${queryString({ fieldManager: manager })}`,
            {
              method: 'PATCH',
              contentType: 'application/merge-patch+json',
              value: changed ? { metadata: { [edit.field]: patch } } : {},
              verb: 'patch',
              target: `${info.resource} ${metadata.name}`,
            },
          );
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          errors.push(error);
          continue;
        }
        const name = `${kindPrefix(info)}/${metadata.name}`;
        stdout.write(output === 'name' ? `${name}\n` : `${name} ${edit.message(changed, shrank, overwrite)}\n`);
      }
      if (errors.length > 0) {
        stderr.write(errorsText(errors));
        return 1;
      }
      return 0;
    },
  };
}

/** The objects a selection names, fetched whole (the builder's Latest), errors collected. */
async function fetchObjects(
  client: KubectlClient,
  selection: ReturnType<typeof selectResources>,
  namespace: string | undefined,
  errors: Array<ApiError | string>,
): Promise<Array<{ info: ApiResourceInfo; object: { metadata: Meta } }>> {
  const out: Array<{ info: ApiResourceInfo; object: { metadata: Meta } }> = [];
  const attempt = async (fetch: () => Promise<void>): Promise<void> => {
    try {
      await fetch();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      errors.push(error);
    }
  };
  if (selection.kind === 'named') {
    for (const { info, name } of selection.targets) {
      await attempt(async () => {
        const object = await client.json<{ metadata: Meta }>(
          resourceUrl(info, info.namespaced ? namespace : undefined, name),
          { target: `${info.resource} ${name}` },
        );
        out.push({ info, object });
      });
    }
    return out;
  }
  for (const info of selection.infos) {
    await attempt(async () => {
      const query = queryString({ fieldSelector: selection.fieldSelector, labelSelector: selection.labelSelector });
      const list = await client.json<{ items?: Array<{ metadata: Meta }> }>(`${resourceUrl(info, namespace)}${query}`, {
        target: info.resource,
      });
      for (const object of list.items ?? []) out.push({ info, object });
    });
  }
  return out;
}

/** `kubectl label` (kubectl pkg/cmd/label): a merge patch of metadata.labels per object. */
export const label: KubectlSubcommand = metadataCommand({
  name: 'label',
  field: 'labels',
  overwriteError: (conflicts) =>
    conflicts.map(([key, value]) => `'${key}' already has a value (${value}), and --overwrite is false`).join('\n'),
  message: (changed, shrank, overwrite) => (!changed ? 'not labeled' : !overwrite && shrank ? 'unlabeled' : 'labeled'),
});

/** `kubectl annotate` (kubectl pkg/cmd/annotate): a merge patch of metadata.annotations per object. */
export const annotate: KubectlSubcommand = metadataCommand({
  name: 'annotate',
  field: 'annotations',
  overwriteError: (conflicts) =>
    `--overwrite is false but found the following declared annotation(s): ${conflicts.map(([key, value]) => `'${key}' already has a value (${value})`).join('; ')}`,
  message: () => 'annotated',
});
