import { StatusError } from '../api/status';
import type { ApiHandler } from '../api/types';
import { describeObject } from './describe/describe-object';
import type { ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError, warningTexts } from './kubectl-client';
import { queryString, resourceUrl } from './resource-url';
import { selectResources, SelectionError } from './resource-selection';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

/** One object to describe. */
interface Target {
  info: ApiResourceInfo;
  namespace: string | undefined;
  name: string;
}

/** `kubectl describe` (kubectl pkg/cmd/describe): each object's describer, a blank line between. */
export const describe: KubectlSubcommand = {
  name: 'describe',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-events', type: 'bool' },
    { name: 'chunk-size', type: 'int' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  async run(ctx) {
    const { args, flags, stdout, stderr } = ctx;
    if (args.length === 0 && !flags.has('filename')) {
      return fail(
        stderr,
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      );
    }
    const setup = await kubectlSetup(ctx);
    const allNamespaces = flags.get('all-namespaces') === true;
    const namespace = allNamespaces ? undefined : setup.namespace;
    const options = {
      showEvents: flags.get('show-events') !== false,
      chunkSize: Number(flags.get('chunk-size') ?? 500),
      now: ctx.clock.now(),
    };
    const api = warningHandler(ctx);
    const errors: Array<ApiError | string> = [];
    let targets: Target[];
    try {
      const selection = selectResources(args, setup.resources, {
        labelSelector: flags.has('selector') ? String(flags.get('selector')) : undefined,
        allowEmptySelector: true,
      });
      if (selection.kind === 'named') {
        targets = [];
        for (const { info, name } of selection.targets) {
          const target = { info, namespace: info.namespaced ? namespace : undefined, name };
          const found = await exists(setup.client.json.bind(setup.client), target);
          if (found === true) targets.push(target);
          else if (found) errors.push(found);
        }
        // `describe TYPE PREFIX`: an object that is not found by name is looked for by prefix.
        if (targets.length === 0 && errors.length === 1 && args.length === 2 && isNotFound(errors[0])) {
          const info = selection.targets[0].info;
          const matching = (await listNames(setup.client.json.bind(setup.client), info, namespace, undefined)).filter(
            (t) => t.name.startsWith(args[1]),
          );
          if (matching.length > 0) {
            for (const target of matching) stdout.write(`${await describeTarget(api, target, options)}\n`);
            return 0;
          }
        }
      } else {
        targets = [];
        for (const info of selection.infos) {
          targets.push(
            ...(await listNames(setup.client.json.bind(setup.client), info, namespace, selection.labelSelector)),
          );
        }
      }
    } catch (error) {
      if (error instanceof SelectionError) return fail(stderr, error.message);
      if (error instanceof ApiError) return reportErrors(ctx, [error]);
      throw error;
    }
    let first = true;
    for (const target of targets) {
      try {
        const text = await describeTarget(api, target, options);
        stdout.write(first ? text : `\n\n${text}`);
        first = false;
      } catch (error) {
        if (!(error instanceof StatusError)) throw error;
        errors.push(new ApiError(error.status.code, error.status, '', 'get', ''));
      }
    }
    if (targets.length === 0 && errors.length === 0) {
      stderr.write(allNamespaces ? 'No resources found\n' : `No resources found in ${setup.namespace} namespace.\n`);
    }
    return errors.length ? reportErrors(ctx, errors) : 0;
  },
};

type Json = (path: string, request: { target?: string }) => Promise<unknown>;

const isNotFound = (error: ApiError | string): boolean => typeof error !== 'string' && error.code === 404;

/** True when the object exists, else the error its GET met (the builder's visit before describing). */
async function exists(json: Json, target: Target): Promise<true | ApiError> {
  try {
    await json(resourceUrl(target.info, target.namespace, target.name), {
      target: `${target.info.resource} ${target.name}`,
    });
    return true;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

/** The objects of a collection, page by page, as targets. */
async function listNames(
  json: Json,
  info: ApiResourceInfo,
  namespace: string | undefined,
  labelSelector?: string,
): Promise<Target[]> {
  const out: Target[] = [];
  let next: string | undefined = '';
  while (next !== undefined) {
    const query = queryString({ continue: next, labelSelector, limit: '500' });
    const list = (await json(`${resourceUrl(info, namespace)}${query}`, { target: info.resource })) as {
      metadata?: { continue?: string };
      items?: Array<{ metadata?: { name?: string; namespace?: string } }>;
    };
    for (const item of list.items ?? []) {
      out.push({ info, namespace: item.metadata?.namespace, name: item.metadata?.name ?? '' });
    }
    next = list.metadata?.continue || undefined;
  }
  return out;
}

function describeTarget(
  api: ApiHandler,
  target: Target,
  options: { showEvents: boolean; chunkSize: number; now: number },
): Promise<string> {
  return describeObject(api, target.info, target.namespace, target.name, options);
}

/** The API handler with kubectl's User-Agent, whose replies' warnings reach stderr once each. */
function warningHandler(ctx: KubectlContext): ApiHandler {
  const seen = new Set<string>();
  return async (request) => {
    const response = await ctx.api.handler(request);
    for (const text of warningTexts(response.headers.warning)) {
      if (!seen.has(text)) ctx.stderr.write(`Warning: ${text}\n`);
      seen.add(text);
    }
    return response;
  };
}

function reportErrors(ctx: KubectlContext, errors: Array<ApiError | string>): number {
  ctx.stderr.write(errorsText(errors));
  return 1;
}
