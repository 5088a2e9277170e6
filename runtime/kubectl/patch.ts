import { parseDocument } from 'yaml';
import { jsonEqual } from './apply-patch';
import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { goYamlMessage } from './go-yaml-error';
import { ApiError } from './kubectl-client';
import type { FileContext } from './manifests';
import { normalizePath } from '../shell/fs/path';
import { queryString, resourceUrl } from './resource-url';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';
import { isBuilderError, visitObjects } from './visit-objects';

/** --type values and the content types they send (patch.go patchTypes). */
const PATCH_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/**
 * apimachinery's yaml.ToJSON: text that starts like JSON (`{` after space) passes as it is, for
 * the server to judge; YAML is converted, its errors in go-yaml's words.
 */
function toJson(text: string): string {
  if (text.trimStart().startsWith('{')) return text;
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new Error(goYamlMessage(text, error));
  return JSON.stringify(doc.toJS() ?? null);
}

/** `kubectl patch` (kubectl pkg/cmd/patch): sends the patch to each object and says whether it changed. */
export const patch: KubectlSubcommand = {
  name: 'patch',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'local', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'type', type: 'string' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const patchText = String(flags.get('patch') ?? '');
    const patchFile = String(flags.get('patch-file') ?? '');
    if (patchText && patchFile) return fail(stderr, 'cannot specify --patch and --patch-file together');
    if (!patchText && !patchFile)
      return fail(stderr, 'must specify --patch or --patch-file containing the contents of the patch');
    const type = String(flags.get('type') ?? '');
    if (type && !(type.toLowerCase() in PATCH_TYPES))
      return fail(stderr, `--type must be one of [json merge strategic], not ${JSON.stringify(type)}`);
    const contentType = PATCH_TYPES[type ? type.toLowerCase() : 'strategic'];
    let body = patchText;
    if (patchFile) {
      const path = normalizePath(patchFile, ctx.cwd ?? '/');
      if (!ctx.fs?.exists(path))
        return fail(stderr, `unable to read patch file: open ${patchFile}: no such file or directory`);
      body = ctx.fs.readFile(path);
    }
    try {
      body = toJson(body);
    } catch (error) {
      return fail(stderr, `unable to parse ${JSON.stringify(patchText)}: ${(error as Error).message}`);
    }
    const setup = await kubectlSetup(ctx);
    let visited;
    try {
      visited = await visitObjects(ctx, setup, {
        args: ctx.args,
        filenames: (flags.get('filename') as string[] | undefined) ?? [],
        recursive: flags.get('recursive') === true,
      });
    } catch (error) {
      if (isBuilderError(error)) return fail(stderr, error.message);
      throw error;
    }
    const subresource = String(flags.get('subresource') ?? '') || undefined;
    const manager = String(flags.get('field-manager') ?? 'kubectl-patch');
    for (const { info, object } of visited.objects) {
      const { name, namespace } = object.metadata;
      let patched: Record<string, unknown>;
      try {
        patched = await setup.client.json(
          `${resourceUrl(info, namespace, name, subresource)}${queryString({ fieldManager: manager })}`,
          { method: 'PATCH', contentType, body, verb: 'patch', target: `${info.resource} ${name}` },
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        stderr.write(errorsText([error]));
        return 1;
      }
      const changed = !jsonEqual(stripKind(object), stripKind(patched));
      const printed = `${kindPrefix(info)}/${name}`;
      const output = String(flags.get('output') ?? '');
      stdout.write(output === 'name' ? `${printed}\n` : `${printed} ${changed ? 'patched' : 'patched (no change)'}\n`);
    }
    if (visited.errors.length > 0) {
      stderr.write(errorsText(visited.errors.slice(0, 1)));
      return 1;
    }
    if (visited.objects.length === 0) return fail(stderr, 'no objects passed to patch');
    return 0;
  },
};

/** The object without the apiVersion/kind the visitor may have set, for comparing with the reply. */
function stripKind(object: Record<string, unknown>): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, ...rest } = object;
  return rest;
}
