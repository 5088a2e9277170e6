import type { FlagSpec, FlagValue } from '../flags';
import type { Rng } from '../../rng';

/** What a generator builds its object from. */
export interface GeneratorInput {
  /** Positional arguments after the generator's name, including those after `--`. */
  args: string[];
  /** How many positional arguments came before `--` (cobra's ArgsLenAtDash); undefined without `--`. */
  dashAt?: number;
  /** Parsed flags, by long name (absent when not given). */
  flags: ReadonlyMap<string, FlagValue>;
  /** The namespace from -n or the kubeconfig context. */
  namespace: string;
  /** True when the namespace was given explicitly (-n or the context): kubectl then sets metadata.namespace. */
  enforceNamespace: boolean;
  /** Reads a local file (for --from-file, --from-env-file, --cert, --key); throws an Error whose message is Go's (`open x: no such file or directory`). */
  readFile?: (path: string) => string;
  /** The regular files in a directory, or undefined when `path` is not a directory. */
  listDirectory?: (path: string) => string[] | undefined;
  /** Resolves a (partial) resource and group as kubectl's REST mapper does (`po` → pods in ""); undefined when unknown. */
  resolveResource?: (resource: string, group: string) => { group: string; resource: string } | undefined;
  /** The object `create job --from=cronjob/NAME` names, as fetched from the server. */
  fromObject?: Record<string, unknown>;
  /** Randomness for generated name suffixes (create deployment with `_` or `.` in an image name). */
  rng?: Rng;
  /** Receives warning lines kubectl prints on stderr (without the newline). */
  warn?: (line: string) => void;
}

/** One `kubectl create <generator>` subcommand. */
export interface Generator {
  /** e.g. 'deployment' for `create deployment`; 'service clusterip' and 'secret generic' for nested ones. */
  name: string;
  /** Other names cobra accepts for the last word (e.g. 'deploy'). */
  aliases: string[];
  /** The command path kubectl prints in usage errors (`kubectl create deployment`). */
  commandPath: string;
  /** The generator's own flags, as kubectl declares them (common create flags excluded). */
  flags: readonly FlagSpec[];
  /** Flags cobra requires (checked first: `required flag(s) "image" not set`). */
  required: readonly string[];
  /** Builds the object in Go struct field order; throws GeneratorError. */
  build(input: GeneratorInput): unknown;
}

/**
 * An error kubectl prints on stderr and exits 1 for. `stderr` is the exact text (without the final
 * newline): `error: <message>` normally, the bare message for errors kubectl prints unprefixed.
 */
export class GeneratorError extends Error {
  constructor(
    message: string,
    /** False for the errors kubectl prints without `error: ` (REST mapping errors). */
    readonly prefixed = true,
  ) {
    super(message);
    this.name = 'GeneratorError';
  }

  /** The stderr text, without the trailing newline. */
  get stderr(): string {
    return this.prefixed ? `error: ${this.message}` : this.message;
  }
}

/** cmdutil.UsageErrorf: the message, then a line pointing at the command's help. */
export function usageError(commandPath: string, message: string): GeneratorError {
  return new GeneratorError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** cobra's check of MarkFlagRequired flags (in pflag's sorted order), before the command runs. */
export function checkRequired(input: GeneratorInput, required: readonly string[]): void {
  const missing = [...required].sort().filter((name) => !input.flags.has(name));
  if (missing.length) throw new GeneratorError(`required flag(s) "${missing.join('", "')}" not set`);
}

/** create.NameFromCommandArgs: exactly one positional argument before `--`. */
export function nameFromArgs(input: GeneratorInput, commandPath: string): string {
  const count = input.dashAt ?? input.args.length;
  if (count !== 1) throw usageError(commandPath, `exactly one NAME is required, got ${count}`);
  return input.args[0];
}

/** A string flag's value ('' when absent). */
export const str = (input: GeneratorInput, name: string, fallback = ''): string => {
  const value = input.flags.get(name);
  return typeof value === 'string' ? value : fallback;
};

/** A bool flag's value. */
export const bool = (input: GeneratorInput, name: string, fallback = false): boolean => {
  const value = input.flags.get(name);
  return typeof value === 'boolean' ? value : fallback;
};

/** An int flag's value. */
export const int = (input: GeneratorInput, name: string, fallback: number): number => {
  const value = input.flags.get(name);
  return typeof value === 'number' ? value : fallback;
};

/** A stringArray/stringSlice flag's values ([] when absent). */
export const list = (input: GeneratorInput, name: string): string[] => {
  const value = input.flags.get(name);
  return Array.isArray(value) ? value : [];
};

/** pflag's error for an int32 flag whose value does not fit (FlagSpec has only 64-bit ints). */
export function checkInt32(input: GeneratorInput, spec: FlagSpec, commandPath: string): void {
  const value = input.flags.get(spec.name);
  if (typeof value !== 'number' || (value >= -2147483648 && value <= 2147483647)) return;
  const display = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  throw new GeneratorError(
    `invalid argument "${value}" for "${display}" flag: strconv.ParseInt: parsing "${value}": value out of range\n` +
      `See '${commandPath} --help' for usage.`,
  );
}

/** metadata.namespace as create subcommands set it: only when the namespace was explicit. */
export const namespaceOf = (input: GeneratorInput): { namespace?: string } =>
  input.enforceNamespace ? { namespace: input.namespace } : {};
