import { normalizePath } from '../shell/fs/path';
import type { Volume } from '../shell/fs/volume';
import { buildKustomization } from './kustomize/build';
import { KustomizeError } from './kustomize/errors';
import { fail, type KubectlSubcommand } from './subcommand';

/** `kubectl kustomize`'s flags (kustomize's build command, as kubectl embeds it). */
const FLAGS: KubectlSubcommand['flags'] = [
  { name: 'as-current-user', type: 'bool' },
  { name: 'enable-alpha-plugins', type: 'bool' },
  { name: 'enable-helm', type: 'bool' },
  { name: 'env', short: 'e', type: 'stringArray' },
  { name: 'helm-api-versions', type: 'stringArray' },
  { name: 'helm-command', type: 'string' },
  { name: 'helm-debug', type: 'bool' },
  { name: 'helm-kube-version', type: 'string' },
  { name: 'load-restrictor', type: 'string' },
  { name: 'mount', type: 'stringArray' },
  { name: 'network', type: 'bool' },
  { name: 'network-name', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

/**
 * The objects a kustomization directory builds, as YAML documents (kustomize's `build`).
 * `dir` is as the user wrote it; warnings go to `warn`. Throws KustomizeError.
 */
export function kustomizeBuild(fs: Volume, cwd: string, dir: string, warn: (line: string) => void): string {
  const absolute = normalizePath(dir, cwd);
  if (!fs.exists(absolute)) {
    throw new KustomizeError(
      `must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${absolute}: no such file or directory`,
    );
  }
  if (!fs.isDirectory(absolute)) {
    throw new KustomizeError(`must build at directory: not a valid directory: '${absolute}' is not a directory`);
  }
  const result = buildKustomization(fs, absolute);
  result.warnings.forEach(warn);
  return result.yaml;
}

/** `kubectl kustomize [DIR]` (kustomize/v5 commands/build): prints the build, or writes it to -o. */
export const kustomize: KubectlSubcommand = {
  name: 'kustomize',
  flags: FLAGS,
  async run(ctx) {
    if (ctx.args.length > 1) return fail(ctx.stderr, 'specify one path to kustomization.yaml');
    try {
      const yaml = kustomizeBuild(ctx.fs, ctx.cwd, ctx.args[0] ?? '.', (line) => ctx.stderr.write(`${line}\n`));
      const output = ctx.flags.get('output');
      if (typeof output === 'string' && output !== '') ctx.fs.writeFile(normalizePath(output, ctx.cwd), yaml);
      else ctx.stdout.write(yaml);
      return 0;
    } catch (error) {
      if (error instanceof KustomizeError) return fail(ctx.stderr, error.message);
      throw error;
    }
  },
};
