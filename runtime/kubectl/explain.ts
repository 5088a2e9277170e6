import { resolveResource, type ApiResourceInfo } from './discovery';
import { ExplainError, renderExplain, type ExplainTarget } from './explain-template';
import { kubectlSetup } from './setup';
import { fail, type KubectlSubcommand } from './subcommand';

/** cmdutil.SuggestAPIResources("kubectl"). */
const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** The OpenAPI v3 index: each group/version's document, at a URL with its hash. */
interface OpenApiPaths {
  paths?: Record<string, { serverRelativeURL?: string }>;
}

/**
 * The resource and field path `TYPE[.FIELD…]` names, as explain's
 * SplitAndParseResourceRequestWithMatchingPrefix finds them: the first segment is the resource;
 * when the argument starts with its group-qualified name (`deployments.apps.spec`), the fields
 * follow that name.
 */
function splitRequest(
  arg: string,
  resources: readonly ApiResourceInfo[],
): { info: ApiResourceInfo; fields: string[] } | undefined {
  const text = arg.endsWith('.') ? arg.slice(0, -1) : arg;
  const parts = text.split('.');
  const info = resolveResource(resources, parts[0]);
  if (!info) return undefined;
  const qualified = info.group ? `${info.resource}.${info.group}` : info.resource;
  if (text.startsWith(qualified)) return { info, fields: text.slice(qualified.length).split('.').slice(1) };
  return { info, fields: parts.slice(1) };
}

/** `kubectl explain` (kubectl pkg/cmd/explain): a resource's documentation from OpenAPI v3. */
export const explain: KubectlSubcommand = {
  name: 'explain',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  async run(ctx) {
    const { args, flags, stdout, stderr } = ctx;
    if (args.length === 0)
      return fail(stderr, `You must specify the type of resource to explain. ${SUGGEST_API_RESOURCES}\n`);
    if (args.length > 1) return fail(stderr, 'We accept only this format: explain RESOURCE\n');
    const setup = await kubectlSetup(ctx);
    const found = splitRequest(args[0], setup.resources);
    if (!found) {
      stderr.write(`the server doesn't have a resource type ${JSON.stringify(args[0].split('.')[0])}\n`);
      return 1;
    }
    const target: ExplainTarget = {
      group: found.info.group,
      version: found.info.version,
      resource: found.info.resource,
    };
    const apiVersion = String(flags.get('api-version') ?? '');
    if (apiVersion) {
      const slash = apiVersion.indexOf('/');
      target.group = slash < 0 ? '' : apiVersion.slice(0, slash);
      target.version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    }
    const index = await setup.client.json<OpenApiPaths>('/openapi/v3');
    const output = String(flags.get('output') ?? 'plaintext');
    if (output !== 'plaintext') return fail(stderr, `unrecognized format: ${output}`);
    const gvr = `${target.group}/${target.version}, Resource=${target.resource}`;
    const entry = index.paths?.[target.group ? `apis/${target.group}/${target.version}` : `api/${target.version}`];
    if (!entry?.serverRelativeURL) return fail(stderr, `couldn't find resource for "${gvr}"`);
    const document = await setup.client.json<Record<string, unknown>>(entry.serverRelativeURL);
    try {
      renderExplain(document, target, found.fields, flags.get('recursive') === true, (text) => stdout.write(text));
    } catch (error) {
      if (error instanceof ExplainError) return fail(stderr, error.message.replace(/^error: /, ''));
      throw error;
    }
    return 0;
  },
};
