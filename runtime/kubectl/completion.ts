import { usageError } from './api-resources';
import { COMPLETION_SCRIPTS } from './completion-scripts';
import type { KubectlSubcommand } from './subcommand';

// `kubectl completion SHELL` (pkg/cmd/completion): cobra's completion script for the shell,
// recorded from the real kubectl (it is the text kubectl prints, so it is shipped as is).

/** `kubectl completion`: bash, zsh, fish or powershell. */
export const completion: KubectlSubcommand = {
  name: 'completion',
  flags: [],
  async run(ctx) {
    const { args } = ctx;
    if (args.length === 0) return usageError(ctx, 'completion', 'Shell not specified.');
    if (args.length > 1) return usageError(ctx, 'completion', 'Too many arguments. Expected only the shell type.');
    const script = Object.hasOwn(COMPLETION_SCRIPTS, args[0]) ? COMPLETION_SCRIPTS[args[0]] : undefined;
    if (script === undefined)
      return usageError(ctx, 'completion', `Unsupported shell type ${JSON.stringify(args[0])}.`);
    ctx.stdout.write(script);
    return 0;
  },
};
