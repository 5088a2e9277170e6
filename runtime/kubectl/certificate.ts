import { resolveResource } from './discovery';
import { HELP_TEXTS } from './help/help-texts';
import { kubectlSetup } from './setup';
import { fail, type KubectlSubcommand } from './subcommand';

const CSR_FLAGS = [
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'force', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
] as const;

/**
 * `kubectl certificate approve|deny` (kubectl pkg/cmd/certificates): the CSRs are found through
 * the resource builder, so a server without certificates.k8s.io (kubeplay's) answers with the
 * builder's error; approving or denying a served CSR is not simulated.
 */
function csrCommand(name: 'approve' | 'deny'): KubectlSubcommand {
  return {
    name,
    flags: CSR_FLAGS,
    async run(ctx) {
      const files = (ctx.flags.get('filename') as string[] | undefined) ?? [];
      if (ctx.args.length === 0 && files.length === 0)
        return fail(ctx.stderr, 'one or more CSRs must be specified as <name> or -f <filename>');
      const setup = await kubectlSetup(ctx);
      if (!resolveResource(setup.resources, 'certificatesigningrequests.certificates.k8s.io'))
        return fail(ctx.stderr, `the server doesn't have a resource type "certificatesigningrequests"`);
      return fail(ctx.stderr, `"kubectl certificate ${name}" is not available in kubeplay yet`);
    },
  };
}

/** `kubectl certificate`: approve and deny; alone, its help on standard output (cobra's, exit 0). */
export const certificate: KubectlSubcommand = {
  name: 'certificate',
  flags: [],
  flagsFor: (argv) => (argv.some((a) => a === 'approve' || a === 'deny') ? CSR_FLAGS : []),
  run(ctx) {
    const child = ctx.args[0] === 'approve' || ctx.args[0] === 'deny' ? csrCommand(ctx.args[0]) : undefined;
    if (child) return child.run({ ...ctx, args: ctx.args.slice(1) });
    ctx.stdout.write(HELP_TEXTS.get('certificate') ?? '');
    return Promise.resolve(0);
  },
};
