import type { ShellServices } from '../command';
import type { Completions } from '../line-editor';
import { fileCandidates } from './files';
import { kubectlCandidates } from './kubectl';
import { MINIKUBE_SUBCOMMANDS } from './minikube';
import { escapeWord, lineWords } from './words';

/** Where completion looks: the shell's commands and files, and the cluster. */
export interface CompletionContext {
  services: Pick<ShellServices, 'commands' | 'api' | 'fs'>;
  cwd: string;
  home: string;
  /** Names the shell runs besides its commands: builtins, aliases, functions. */
  extraCommands?: readonly string[];
}

/**
 * What Tab offers for the word before the cursor, as bash with bash-completion does: command
 * names for the first word, kubectl's and minikube's own completion for their arguments, file
 * names otherwise.
 */
export async function complete(before: string, ctx: CompletionContext): Promise<Completions> {
  const { words, raw } = lineWords(before);
  const current = words[words.length - 1];
  const matching = (all: readonly string[]): string[] => all.filter((c) => c.startsWith(current));
  if (words.length === 1) {
    if (current.includes('/')) return files(raw, current, ctx);
    const names = new Set([...ctx.services.commands.keys(), ...(ctx.extraCommands ?? [])]);
    return { word: raw, candidates: matching([...names].sort()) };
  }
  if (words[0] === 'kubectl') {
    const found = await kubectlCandidates(ctx.services.api, words).catch(() => []);
    if (found.length > 0 || current.startsWith('-')) return { word: raw, candidates: matching(found) };
  }
  if (words[0] === 'minikube' && words.length === 2) return { word: raw, candidates: matching(MINIKUBE_SUBCOMMANDS) };
  return files(raw, current, ctx);
}

function files(raw: string, current: string, ctx: CompletionContext): Completions {
  const { paths, names } = fileCandidates(ctx.services.fs, ctx.cwd, ctx.home, current);
  return { word: raw, candidates: paths.map(escapeWord), display: names };
}
