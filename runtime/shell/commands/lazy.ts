import type { ShellCommand } from '../command';

/** A command whose code is loaded on first use, or earlier through `load`. */
export interface LazyCommand extends ShellCommand {
  /** Loads the command's code (once), so its first run does not wait for it. */
  load(): Promise<ShellCommand>;
}

/**
 * A command whose code is loaded the first time it runs: the big ones (kubectl, jq, awk, sed,
 * curl, the editors, man …) stay out of what the worker loads before the first prompt, and the
 * playground loads them right after it. Its summary is given here so `help` needs no loading; a
 * test holds it equal to the command's own.
 */
export function lazyCommand(name: string, summary: string, importer: () => Promise<ShellCommand>): LazyCommand {
  let loaded: Promise<ShellCommand> | undefined;
  const load = (): Promise<ShellCommand> => (loaded ??= importer());
  return {
    name,
    summary,
    load,
    async run(ctx) {
      return (await load()).run(ctx);
    },
  };
}

/** Loads every lazy command among `commands`. */
export async function loadLazyCommands(commands: Iterable<ShellCommand>): Promise<void> {
  await Promise.all([...commands].map((c) => ('load' in c ? (c as LazyCommand).load() : undefined)));
}
