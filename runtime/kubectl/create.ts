import { createFromFiles } from './create-file';
import type { FlagSpec } from './flags';
import { findGenerator, GeneratorError, type Generator, type GeneratorInput } from './generators';
import { resolveResource, type ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { nameOf } from './printers/name';
import { toGoJson } from './printers/json';
import { toYaml } from './printers/yaml';
import { queryString, resourceUrl } from './resource-url';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';
import { GLOBAL_FLAGS } from './global-flags';
import { normalizePath } from '../shell/fs/path';

/** The flags every `kubectl create` generator shares (create.go's common flags). */
export const CREATE_COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
];

/**
 * `kubectl create <generator>` (kubectl pkg/cmd/create): builds the object from flags, then
 * creates it (`deployment.apps/web created`) or, with --dry-run=client, prints it.
 */
export async function runGenerator(ctx: KubectlContext, words: string[]): Promise<number> {
  const found = findGenerator(words);
  if (!found) return fail(ctx.stderr, `unknown generator ${words[0] ?? ''}`);
  const setup = await kubectlSetup(ctx);
  const generator: Generator = found.generator;
  const input: GeneratorInput = {
    args: words.slice(found.words),
    dashAt: ctx.dashAt === undefined ? undefined : ctx.dashAt - found.words,
    flags: ctx.flags,
    namespace: setup.namespace,
    enforceNamespace: setup.explicitNamespace,
    readFile: (path) => {
      const absolute = normalizePath(path, ctx.cwd);
      if (!ctx.fs.exists(absolute)) throw new Error(`open ${path}: no such file or directory`);
      return ctx.fs.readFile(absolute);
    },
    resolveResource: (resource, group) => {
      const info = resolveResource(setup.resources, group ? `${resource}.${group}` : resource);
      return info && { group: info.group, resource: info.resource };
    },
    warn: (line) => ctx.stderr.write(`${line}\n`),
  };
  let object: Record<string, unknown>;
  try {
    object = generator.build(input) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    ctx.stderr.write(`${error.stderr}\n`);
    return 1;
  }
  return createObject(ctx, setup.resources, setup.client, object, setup.namespace);
}

/** Creates (or with --dry-run=client prints) a typed object kubectl built itself. */
export async function createObject(
  ctx: KubectlContext,
  resources: readonly ApiResourceInfo[],
  client: import('./kubectl-client').KubectlClient,
  object: Record<string, unknown>,
  namespace: string,
): Promise<number> {
  const output = String(ctx.flags.get('output') ?? '');
  const dryRun = String(ctx.flags.get('dry-run') ?? 'none');
  if (dryRun === 'client') {
    ctx.stdout.write(printTyped(object, output));
    return 0;
  }
  const apiVersion = String(object.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const info = resources.find((r) => r.preferred && r.group === group && r.kind === object.kind);
  if (!info) return fail(ctx.stderr, `the server doesn't have a resource type "${String(object.kind).toLowerCase()}"`);
  const metadata = object.metadata as { namespace?: string; name?: string } | undefined;
  const query = queryString({
    dryRun: dryRun === 'server' ? 'All' : undefined,
    fieldManager: String(ctx.flags.get('field-manager') ?? 'kubectl-create'),
    fieldValidation: 'Strict',
  });
  try {
    const created = await client.json<Record<string, unknown>>(
      `${resourceUrl(info, metadata?.namespace ?? namespace)}${query}`,
      { method: 'POST', contentType: 'application/json', value: object, verb: 'post', target: info.resource },
    );
    if (output === '')
      ctx.stdout.write(`${nameOf(created)} created${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    else ctx.stdout.write(printTyped(created, output));
    return 0;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    ctx.stderr.write(errorsText([error]));
    return 1;
  }
}

/** -o for an object kubectl holds as a typed value: json in struct order, yaml, name. */
function printTyped(object: Record<string, unknown>, output: string): string {
  if (output === 'json') return toGoJson(object);
  if (output === 'yaml') return toYaml(object);
  if (output === 'name') return `${nameOf(object)}\n`;
  return `${nameOf(object)} created (dry run)\n`;
}

/** The positional words of a raw argument list (flag values skipped), to find the generator before parsing. */
function positionalWords(argv: readonly string[]): string[] {
  const takesValue = new Set(
    [...GLOBAL_FLAGS, ...CREATE_COMMON_FLAGS]
      .filter((f) => f.type !== 'bool')
      .flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
  );
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i].startsWith('-')) {
      if (takesValue.has(argv[i])) i++;
      continue;
    }
    words.push(argv[i]);
  }
  return words;
}

/** `kubectl create`: a generator's subcommand (`create deployment …`), or `-f` files. */
export const create: KubectlSubcommand = {
  name: 'create',
  flags: [
    ...CREATE_COMMON_FLAGS,
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  flagsFor(argv) {
    const found = findGenerator(positionalWords(argv));
    return found ? [...CREATE_COMMON_FLAGS, ...found.generator.flags] : this.flags;
  },
  async run(ctx) {
    if (ctx.args.length === 0 || ctx.flags.has('filename') || ctx.flags.has('kustomize'))
      return createFromFiles.run(ctx);
    return runGenerator(ctx, ctx.args);
  },
};
