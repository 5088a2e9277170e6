import { parse } from 'yaml';
import { normalizePath } from '../shell/fs/path';
import { threeWayPatch } from './apply-patch';
import type { ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { nameOf } from './printers/name';
import { toYaml } from './printers/yaml';
import { queryString, resourceUrl } from './resource-url';
import { selectResources, SelectionError } from './resource-selection';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

type Json = Record<string, unknown>;

/** The comment kubectl puts at the top of the file it opens (editoptions.go editHeader). */
const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** A failure to report in the header of the reopened file. */
interface Reason {
  head: string;
  other: string[];
}

/** The file's text without comment lines (cmdutil.StripComments). */
const stripComments = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');

/** The header with the reasons the last save failed. */
function header(reasons: readonly Reason[]): string {
  let text = HEADER;
  for (const reason of reasons) {
    text += `# ${reason.head}${reason.other.length ? ':' : ''}\n`;
    for (const other of reason.other) text += `# * ${other}\n`;
    text += '#\n';
  }
  return text;
}

/** Runs the editor (KUBE_EDITOR, EDITOR, or vi) on `path` through `sh -c`, as kubectl does. */
async function runEditor(ctx: KubectlContext, path: string): Promise<number> {
  const editor = ctx.env.KUBE_EDITOR || ctx.env.EDITOR || 'vi';
  const process = ctx.process;
  const sh = process?.shell.commands.get('sh');
  if (!process || !sh) return 127;
  return sh.run({ ...process, argv: ['sh', '-c', `${editor} ${path}`] });
}

/**
 * `kubectl edit` (kubectl pkg/cmd/edit): the object as YAML in a temporary file, the editor on
 * it, then a patch of what changed (`… edited`); a rejected change reopens the file with the
 * server's reasons at the top.
 */
export const edit: KubectlSubcommand = {
  name: 'edit',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  async run(ctx) {
    const setup = await kubectlSetup(ctx);
    let target: { info: ApiResourceInfo; name: string };
    try {
      const selection = selectResources(ctx.args, setup.resources, { allowEmptySelector: false });
      if (selection.kind !== 'named' || selection.targets.length !== 1) {
        return fail(ctx.stderr, 'kubeplay edits one object at a time: name it as TYPE NAME');
      }
      target = selection.targets[0];
    } catch (error) {
      if (error instanceof SelectionError) return fail(ctx.stderr, error.message);
      throw error;
    }
    const namespace = target.info.namespaced ? setup.namespace : undefined;
    const path = resourceUrl(target.info, namespace, target.name);
    let original: Json;
    try {
      original = await setup.client.json<Json>(path, { target: `${target.info.resource} ${target.name}` });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      ctx.stderr.write(errorsText([error]));
      return 1;
    }
    const { managedFields: _managed, ...metadata } = (original.metadata ?? {}) as Json;
    const shown = { ...original, metadata };
    const originalText = toYaml(shown);
    const file = `/tmp/kubectl-edit-${ctx.clock.now() % 1_000_000_000}.yaml`;
    const absolute = normalizePath(file, ctx.cwd);
    const resource = target.info.group ? `${target.info.resource}.${target.info.group}` : target.info.resource;
    let reasons: Reason[] = [];
    let body = originalText;
    let previous: string | undefined;
    for (;;) {
      ctx.fs.writeFile(absolute, header(reasons) + body);
      const status = await runEditor(ctx, file);
      if (status !== 0)
        return fail(
          ctx.stderr,
          `there was a problem with the editor "${ctx.env.KUBE_EDITOR || ctx.env.EDITOR || 'vi'}"`,
        );
      const edited = ctx.fs.readFile(absolute);
      const stripped = stripComments(edited);
      if (previous !== undefined && stripped === previous) {
        ctx.stderr.write(`A copy of your changes has been stored to "${file}"\n`);
        return fail(ctx.stderr, 'Edit cancelled, no valid changes were saved.');
      }
      if (stripped === stripComments(originalText)) {
        ctx.stderr.write('Edit cancelled, no changes made.\n');
        return 0;
      }
      if (stripped.trim() === '') {
        ctx.stderr.write('Edit cancelled, saved file was empty.\n');
        return 0;
      }
      const changed = parse(stripped) as Json;
      const patch = threeWayPatch(shown, changed, shown);
      const query = queryString({
        fieldManager: String(ctx.flags.get('field-manager') ?? 'kubectl-edit'),
        fieldValidation: 'Strict',
      });
      try {
        const result = await setup.client.json<Json>(`${path}${query}`, {
          method: 'PATCH',
          contentType:
            target.info.group === '' || ['apps', 'batch'].includes(target.info.group)
              ? 'application/strategic-merge-patch+json'
              : 'application/merge-patch+json',
          value: patch,
          verb: 'patch',
          target: `${target.info.resource} ${target.name}`,
        });
        ctx.stdout.write(`${nameOf(result)} edited\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.status?.reason !== 'Invalid') {
          ctx.stderr.write(`error: ${resource} "${target.name}" could not be patched: ${error.message}\n`);
          ctx.stderr.write(`A copy of your changes has been stored to "${file}"\n`);
          return 1;
        }
        ctx.stderr.write(`error: ${resource} "${target.name}" is invalid\n`);
        const causes = (error.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`);
        reasons = [{ head: `${resource} "${target.name}" was not valid`, other: causes }];
        body = stripped.replace(/^\n+/, '');
        previous = stripped;
      }
    }
  },
};
