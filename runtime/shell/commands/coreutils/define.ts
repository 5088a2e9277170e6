import type { CommandContext, ShellCommand } from '../../command';
import { errorText } from '../../fs/errors';
import { parseOptions, UsageError, type OptionSpec, type ParsedArgs } from './options';

/** What a utility's run gets besides the context: its parsed arguments and output helpers. */
export interface Io {
  args: ParsedArgs;
  /** Writes to stdout, waiting while a pipe is full. */
  out(text: string): Promise<void>;
  /** Prints `NAME: message` on stderr. */
  error(message: string): void;
  /** Prints `NAME: message`, the Try line, and returns the usage exit status. */
  usage(message: string): number;
  /** `path` made absolute against the working directory. */
  resolve(path: string): string;
  /** `NAME: PREFIX: strerror` for a filesystem error. */
  fsError(prefix: string, error: unknown): void;
}

/** A coreutils-style program: flags as data, strict parsing, GNU help and errors. */
export interface Utility {
  name: string;
  summary: string;
  options: readonly OptionSpec[];
  /** Exit status for bad usage (GNU: 1 for most, 2 for ls, grep, sort, diff; 125 for env). */
  usageStatus?: number;
  /** The Try line carries the program's name too (diffutils: `diff: Try 'diff --help'…`). */
  prefixTry?: boolean;
  /** Options end at the first operand (env, xargs, nohup). */
  stopAtOperand?: boolean;
  run(ctx: CommandContext, io: Io): Promise<number>;
}

const HELP_OPTIONS: OptionSpec[] = [
  { key: 'help', long: 'help' },
  { key: 'version', long: 'version' },
];

/** Builds the ShellCommand for `utility`: --help, --version and usage errors come for free. */
export function defineUtility(utility: Utility): ShellCommand {
  const status = utility.usageStatus ?? 1;
  return {
    name: utility.name,
    summary: utility.summary,
    async run(ctx) {
      const name = utility.name;
      const tryHelp = `${utility.prefixTry ? `${name}: ` : ''}Try '${name} --help' for more information.\n`;
      const usage = (message: string): number => {
        ctx.stderr.write(`${name}: ${message}\n${tryHelp}`);
        return status;
      };
      let args: ParsedArgs;
      try {
        args = parseOptions(ctx.argv.slice(1), [...utility.options, ...HELP_OPTIONS], utility.stopAtOperand);
      } catch (error) {
        if (error instanceof UsageError) return usage(error.message);
        throw error;
      }
      const first = args.options.find((o) => o.key === 'help' || o.key === 'version');
      if (first) {
        // The texts of every utility are a large chunk, loaded only when one is asked for.
        const { HELP_TEXTS, VERSION_TEXTS } = await import('./help-texts');
        await ctx.stdout.write((first.key === 'help' ? HELP_TEXTS : VERSION_TEXTS)[name] ?? '');
        return 0;
      }
      const io: Io = {
        args,
        out: async (text) => {
          if (text !== '') await ctx.stdout.write(text);
        },
        error: (message) => void ctx.stderr.write(`${name}: ${message}\n`),
        usage,
        resolve: (path) => (path.startsWith('/') ? path : `${ctx.cwd === '/' ? '' : ctx.cwd}/${path}`),
        fsError: (prefix, error) => void ctx.stderr.write(`${name}: ${prefix}: ${errorText(error)}\n`),
      };
      return utility.run(ctx, io);
    },
  };
}
