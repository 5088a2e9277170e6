import { describePodTemplate } from './describe/pod-template';
import { escapeTerminal, type PrefixWriter } from './describe/prefix-writer';
import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import type { FileContext } from './manifests';
import { KUBECTL_DESCRIBE, tabulate } from './printers/tabwriter';
import { CHANGE_CAUSE, workloadRevisions } from './rollout-revisions';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';
import { visitFlagged } from './visit-objects';

/** printTemplate's describe.NewPrefixWriter straight into a buffer: no tabwriter, tabs kept. */
function untabbed(describe: (w: PrefixWriter) => void): string {
  let out = '';
  describe({
    write: (level, text) => void (out += escapeTerminal('  '.repeat(level) + text)),
    writeLine: (text) => void (out += `${text}\n`),
    flush: () => {},
  });
  return out;
}

/** `kubectl rollout history` (rollout_history.go with the history viewers): the REVISION/CHANGE-CAUSE table, or one revision's pod template. */
export const rolloutHistory: KubectlSubcommand = {
  name: 'history',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'revision', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const filenames = (flags.get('filename') as string[] | undefined) ?? [];
    if (ctx.args.length === 0 && filenames.length === 0) return fail(stderr, 'required resource not specified');
    const revision = Number(flags.get('revision') ?? 0);
    if (revision < 0) return fail(stderr, `revision must be a positive integer: ${revision}`);
    const setup = await kubectlSetup(ctx);
    const visited = await visitFlagged(ctx, setup, filenames);
    if (typeof visited === 'number') return visited;
    for (const { info, object } of visited.objects) {
      let revisions;
      try {
        revisions = await workloadRevisions(setup.client, info, object);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        stderr.write(errorsText([error]));
        return 1;
      }
      const kind = info.group ? `${info.kind}.${info.group}` : info.kind;
      if (!revisions) return fail(stderr, `no history viewer has been implemented for ${JSON.stringify(kind)}`);
      let text: string;
      if (revisions.length === 0) text = 'No rollout history found.';
      else if (revision > 0) {
        const found = revisions.find((r) => r.revision === revision);
        if (!found) return fail(stderr, 'unable to find the specified revision');
        const template = { ...found.template, metadata: { ...found.template.metadata } };
        text = untabbed((w) => describePodTemplate(template, w));
      } else {
        const rows = revisions.map((r) => {
          const cause = (r.source.metadata as { annotations?: Record<string, string> }).annotations?.[CHANGE_CAUSE];
          return `${r.revision}\t${cause || '<none>'}\n`;
        });
        text = tabulate(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, KUBECTL_DESCRIBE);
      }
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      stdout.write(`${kindPrefix(info)}/${object.metadata.name} ${withRevision}\n${text}\n`);
    }
    if (visited.errors.length > 0) {
      stderr.write(errorsText(visited.errors.slice(0, 1)));
      return 1;
    }
    return 0;
  },
};
