// Programs that need what only the shell running them knows: a child shell counts its
// processes in its parent's (bash, sh); ps lists the shell's jobs.
import type { CommandContext, ShellCommand } from '../command';
import type { Interpreter } from './interpreter';

/** A command the interpreter runs with itself at hand (other callers use plain `run`). */
export interface ShellAwareCommand extends ShellCommand {
  runInShell(shell: Interpreter, ctx: CommandContext): Promise<number>;
}

export const isShellAware = (command: ShellCommand): command is ShellAwareCommand => 'runInShell' in command;
