import { OPTIONS_TEXT } from './help/options-text';
import type { KubectlSubcommand } from './subcommand';

/** `kubectl options`: the global flags, the cache directory's default under the learner's HOME. */
export const options: KubectlSubcommand = {
  name: 'options',
  flags: [],
  async run({ stdout, env }) {
    stdout.write(OPTIONS_TEXT.replaceAll('$HOME', env.HOME ?? ''));
    return 0;
  },
};
