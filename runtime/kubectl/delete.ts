import { kindPrefix, type ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError, type KubectlClient } from './kubectl-client';
import { kustomizeFlag, ManifestError, readManifests, type FileContext } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import { selectResources, SelectionError } from './resource-selection';
import { addSourceToError } from './source-error';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup, type KubectlSetup } from './setup';
import { waitDeleted, type DeletedObject } from './wait-deleted';

/** One object to delete, however it was named. */
interface Target {
  info: ApiResourceInfo;
  namespace?: string;
  name: string;
  source?: string;
}

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** --cascade as delete_flags.go parseCascadingFlag reads it: a policy, or a deprecated boolean. */
function cascadePolicy(value: string, warn: (text: string) => void): string {
  const bool = TRUE.includes(value) ? true : FALSE.includes(value) ? false : undefined;
  if (bool === undefined) {
    const policy = { orphan: 'Orphan', foreground: 'Foreground', background: 'Background' }[value];
    if (!policy)
      throw new SelectionError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
    return policy;
  }
  warn(
    `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${bool ? 'background' : 'orphan'}.\n`,
  );
  return bool ? 'Background' : 'Orphan';
}

/** `kubectl delete` (kubectl pkg/cmd/delete): DELETE each selected object, then wait until it is gone. */
export const deleteCommand: KubectlSubcommand = {
  name: 'delete',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'cascade', type: 'string' },
    { name: 'dry-run', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', short: 'i', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'now', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'raw', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'timeout', type: 'string' },
    { name: 'wait', type: 'bool' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const warn = (text: string): void => void stderr.write(text);
    let policy: string;
    try {
      policy = cascadePolicy(String(flags.get('cascade') ?? 'background'), warn);
    } catch (error) {
      return fail(stderr, (error as Error).message);
    }
    const selector = flags.has('selector') ? String(flags.get('selector')) : undefined;
    const fieldSelector = flags.has('field-selector') ? String(flags.get('field-selector')) : undefined;
    const all = flags.get('all') === true;
    const force = flags.get('force') === true;
    let grace = flags.has('grace-period') ? Number(flags.get('grace-period')) : -1;
    let ignoreNotFound = flags.get('ignore-not-found') === true;
    if ((all || selector || fieldSelector) && !flags.has('ignore-not-found')) ignoreNotFound = true;
    if (flags.get('now') === true) {
      if (grace !== -1) return fail(stderr, '--now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const setup = await kubectlSetup(ctx);
    const allNamespaces = flags.get('all-namespaces') === true;
    let targets: Target[];
    const errors: Array<ApiError | string> = [];
    try {
      // The builder's SelectAllParam refuses --all with a selector before anything else.
      if (all && (selector !== undefined || fieldSelector !== undefined)) {
        throw new SelectionError("setting 'all' parameter but found a non empty selector. ");
      }
      targets = await selectTargets(ctx, setup, {
        selector,
        fieldSelector,
        all,
        allNamespaces,
        errors,
        ignoreNotFound,
      });
    } catch (error) {
      if (error instanceof SelectionError || error instanceof ManifestError) return fail(stderr, error.message);
      throw error;
    }
    const output = String(flags.get('output') ?? '');
    if (output !== '' && output !== 'name')
      return fail(stderr, `unexpected -o output mode: ${output}. We only support '-o name'`);
    if (all && selector) return fail(stderr, 'cannot set --all and --selector at the same time');
    if (all && fieldSelector) return fail(stderr, 'cannot set --all and --field-selector at the same time');
    if (grace === 0 && force) {
      stderr.write(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    } else if (grace > 0 && force)
      return fail(stderr, '--force and --grace-period greater than 0 cannot be specified together');
    let warnClusterScope = setup.explicitNamespace && !allNamespaces;
    const deleted: DeletedObject[] = [];
    for (const target of targets) {
      if (warnClusterScope && !target.info.namespaced) {
        stderr.write('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnClusterScope = false;
      }
      const body: Record<string, unknown> =
        grace >= 0 ? { gracePeriodSeconds: grace, propagationPolicy: policy } : { propagationPolicy: policy };
      try {
        const reply = await setup.client.json<{ metadata?: { uid?: string }; details?: { uid?: string } }>(
          resourceUrl(target.info, target.namespace, target.name),
          {
            method: 'DELETE',
            contentType: 'application/json',
            value: body,
            verb: 'delete',
            target: `${target.info.resource} ${target.name}`,
          },
        );
        deleted.push({ ...target, uid: reply.details?.uid ?? reply.metadata?.uid });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (!(ignoreNotFound && error.code === 404)) errors.push(addSourceToError('deleting', target.source, error));
        continue;
      }
      const kind = kindPrefix(target.info);
      if (output === 'name') stdout.write(`${kind}/${target.name}\n`);
      else {
        let operation = grace === 0 ? 'force deleted' : 'deleted';
        if (target.info.namespaced) operation += ` from ${target.namespace} namespace`;
        stdout.write(`${kind} "${target.name}" ${operation}\n`);
      }
    }
    if (errors.length > 0) {
      stderr.write(errorsText(errors));
      return 1;
    }
    // Every object visited counts as found, even one whose not-found DELETE was ignored.
    if (targets.length === 0) {
      stdout.write('No resources found\n');
      return 0;
    }
    if (flags.get('wait') === false) return 0;
    return (await waitDeleted(setup.client, deleted, ctx.signal)) ? 0 : 130;
  },
};

/** The objects the arguments, selectors or files name; lists are read to find the selected ones. */
async function selectTargets(
  ctx: FileContext,
  setup: KubectlSetup,
  options: {
    selector?: string;
    fieldSelector?: string;
    all: boolean;
    allNamespaces: boolean;
    errors: Array<ApiError | string>;
    ignoreNotFound: boolean;
  },
): Promise<Target[]> {
  const filenames = (ctx.flags.get('filename') as string[] | undefined) ?? [];
  if (filenames.length > 0 || kustomizeFlag(ctx) !== undefined) {
    const read = await readManifests(ctx, filenames, {
      recursive: ctx.flags.get('recursive') === true,
      resources: setup.resources,
      namespace: setup.namespace,
      enforceNamespace: setup.explicitNamespace,
    });
    options.errors.push(...read.errors);
    return read.manifests.map((m) => ({ info: m.info, namespace: m.namespace, name: m.name, source: m.source }));
  }
  const selection = selectResources(ctx.args, setup.resources, {
    labelSelector: options.selector,
    fieldSelector: options.fieldSelector,
    all: options.all,
    allowEmptySelector: false,
  });
  const namespace = options.allNamespaces ? undefined : setup.namespace;
  if (selection.kind === 'named') {
    return selection.targets.map(({ info, name }) => ({
      info,
      name,
      namespace: info.namespaced ? setup.namespace : undefined,
    }));
  }
  const out: Target[] = [];
  for (const info of selection.infos) {
    out.push(...(await listTargets(setup.client, info, namespace, selection, options)));
  }
  return out;
}

async function listTargets(
  client: KubectlClient,
  info: ApiResourceInfo,
  namespace: string | undefined,
  selection: { labelSelector?: string; fieldSelector?: string },
  options: { errors: Array<ApiError | string>; ignoreNotFound: boolean },
): Promise<Target[]> {
  const query = queryString({ fieldSelector: selection.fieldSelector, labelSelector: selection.labelSelector });
  try {
    const list = await client.json<{ items?: Array<{ metadata: { name: string; namespace?: string } }> }>(
      `${resourceUrl(info, namespace)}${query}`,
      { target: info.resource },
    );
    return (list.items ?? []).map((item) => ({ info, name: item.metadata.name, namespace: item.metadata.namespace }));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (!(options.ignoreNotFound && error.code === 404)) options.errors.push(error);
    return [];
  }
}
