import { fail } from './subcommand';
import type { ApiResourceInfo } from './discovery';
import { ApiError, type KubectlClient } from './kubectl-client';
import { kustomizeFlag, ManifestError, readManifests, type FileContext } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import { selectResources, SelectionError } from './resource-selection';
import type { KubectlSetup } from './setup';

/** An object as the builder's Latest() returns it. */
export type LiveObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
};

/** One object the builder visited: the resource serving it and its live state. */
export interface VisitedObject {
  info: ApiResourceInfo;
  object: LiveObject;
}

/** How a command's builder selects (args, -f, -l, --all). */
export interface VisitOptions {
  args: readonly string[];
  filenames?: readonly string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  /** `get` lists a bare type; writes need a name, a selector or --all. */
  allowEmptySelector?: boolean;
  /** --all-namespaces: lists span every namespace. */
  allNamespaces?: boolean;
}

/** What the builder visited, and the errors it continued past (ContinueOnError). */
export interface Visited {
  objects: VisitedObject[];
  errors: Array<ApiError | string>;
}

/**
 * cli-runtime's builder with ContinueOnError, Latest and Flatten: objects named by args, by
 * selectors, or by `-f` manifests, each fetched live. A selection mistake throws SelectionError
 * (or ManifestError); a failed GET is collected.
 */
export async function visitObjects(ctx: FileContext, setup: KubectlSetup, options: VisitOptions): Promise<Visited> {
  const { client, namespace } = setup;
  const objects: VisitedObject[] = [];
  const errors: Array<ApiError | string> = [];
  const attempt = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      errors.push(error);
    }
  };
  const filenames = options.filenames ?? [];
  if (filenames.length > 0 || kustomizeFlag(ctx) !== undefined) {
    if (options.args.length > 0) {
      throw new SelectionError(
        `when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well`,
      );
    }
    const read = await readManifests(ctx, filenames, {
      recursive: options.recursive === true,
      resources: setup.resources,
      namespace,
      enforceNamespace: setup.explicitNamespace,
    });
    errors.push(...read.errors);
    for (const m of read.manifests) {
      await attempt(async () => {
        objects.push({ info: m.info, object: await getObject(client, m.info, m.namespace, m.name) });
      });
    }
    return { objects, errors };
  }
  const selection = selectResources(options.args, setup.resources, {
    labelSelector: options.selector,
    fieldSelector: options.fieldSelector,
    all: options.all,
    allowEmptySelector: options.allowEmptySelector ?? false,
  });
  if (selection.kind === 'named') {
    for (const { info, name } of selection.targets) {
      await attempt(async () => {
        objects.push({ info, object: await getObject(client, info, info.namespaced ? namespace : undefined, name) });
      });
    }
    return { objects, errors };
  }
  for (const info of selection.infos) {
    await attempt(async () => {
      const query = queryString({ fieldSelector: selection.fieldSelector, labelSelector: selection.labelSelector });
      const scope = options.allNamespaces ? undefined : namespace;
      const list = await client.json<{ items?: LiveObject[] }>(`${resourceUrl(info, scope)}${query}`, {
        target: info.resource,
      });
      for (const object of list.items ?? []) objects.push({ info, object: withKind(info, object) });
    });
  }
  return { objects, errors };
}

/** GET one object (its apiVersion and kind set, as the typed decoders leave them). */
export async function getObject(
  client: KubectlClient,
  info: ApiResourceInfo,
  namespace: string | undefined,
  name: string,
): Promise<LiveObject> {
  const object = await client.json<LiveObject>(resourceUrl(info, namespace, name), {
    target: `${info.resource} ${name}`,
  });
  return withKind(info, object);
}

/** List items come without apiVersion and kind; the builder sets them from the mapping. */
function withKind(info: ApiResourceInfo, object: LiveObject): LiveObject {
  return {
    ...object,
    apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
    kind: info.kind,
  };
}

/** Whether an error is one the builder reports before visiting (printed as `error: …`). */
export function isBuilderError(error: unknown): error is SelectionError | ManifestError {
  return error instanceof SelectionError || error instanceof ManifestError;
}

/**
 * The builder as the rollout commands set it up from their flags (args, `-f`/`-R`, `-l`): the
 * objects, or the exit code once a selection mistake is printed as kubectl prints it.
 */
export async function visitFlagged(
  ctx: FileContext,
  setup: KubectlSetup,
  filenames: readonly string[],
): Promise<Visited | number> {
  try {
    return await visitObjects(ctx, setup, {
      args: ctx.args,
      filenames,
      recursive: ctx.flags.get('recursive') === true,
      selector: ctx.flags.has('selector') ? String(ctx.flags.get('selector')) : undefined,
    });
  } catch (error) {
    if (isBuilderError(error)) return fail(ctx.stderr, error.message);
    throw error;
  }
}
