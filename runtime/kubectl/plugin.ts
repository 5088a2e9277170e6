import { commandGroup } from './command-group';
import { HELP_TEXTS } from './help/help-texts';
import type { KubectlSubcommand } from './subcommand';

/** The prefix of a kubectl plugin's file name (ValidPluginFilenamePrefixes). */
const PLUGIN_PREFIX = 'kubectl-';

/**
 * `kubectl plugin list` (kubectl pkg/cmd/plugin): the executables named kubectl-* in the PATH's
 * folders, in PATH order; a folder that cannot be read is reported and skipped.
 */
export const pluginList: KubectlSubcommand = {
  name: 'list',
  flags: [{ name: 'name-only', type: 'bool' }],
  run({ flags, stdout, stderr, env, fs }) {
    const plugins: string[] = [];
    for (const dir of [...new Set((env.PATH ?? '').split(':'))]) {
      if (dir.trim() === '') continue;
      if (!fs.isDirectory(dir)) {
        const why = fs.exists(dir) ? 'not a directory' : 'no such file or directory';
        stderr.write(
          `Unable to read directory ${JSON.stringify(dir)} from your PATH: open ${dir}: ${why}. Skipping...\n`,
        );
        continue;
      }
      for (const entry of fs.list(dir))
        if (!entry.directory && entry.name.startsWith(PLUGIN_PREFIX))
          plugins.push(`${dir.replace(/\/+$/, '')}/${entry.name}`);
    }
    if (plugins.length === 0) {
      stderr.write('error: unable to find any kubectl plugins in your PATH\n');
      return Promise.resolve(1);
    }
    stdout.write('The following compatible plugins are available:\n\n');
    for (const path of plugins)
      stdout.write(`${flags.get('name-only') === true ? path.slice(path.lastIndexOf('/') + 1) : path}\n`);
    return Promise.resolve(0);
  },
};

/** `kubectl plugin`: its one child, `list`. */
export const plugin = commandGroup('plugin', [pluginList], HELP_TEXTS.get('plugin') ?? '', 'stderr');
