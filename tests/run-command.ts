// One host command run as the oracle replays run it: its stdin from text, its output captured,
// the shell's services reduced to what commands use (the clock, the files, the other commands).
import { neverCancelled } from '../runtime/cancel';
import type { Clock } from '../runtime/clock';
import type { ShellCommand, ShellServices } from '../runtime/shell/command';
import type { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';

export interface CommandRun {
  argv: string[];
  stdin?: string;
  env: Record<string, string>;
  cwd: string;
  fs: Volume;
  clock: Clock;
  /** The commands it may run (xargs, awk's pipes); the command itself when alone. */
  commands?: ReadonlyMap<string, ShellCommand>;
}

/** Runs `command`; what it printed and its exit status. */
export async function runCommand(
  command: ShellCommand,
  run: CommandRun,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  const commands = run.commands ?? new Map([[command.name, command]]);
  const exitCode = await command.run({
    argv: run.argv,
    stdin: stringInput(run.stdin ?? ''),
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    env: run.env,
    cwd: run.cwd,
    fs: run.fs,
    signal: neverCancelled,
    shell: { clock: run.clock, fs: run.fs, commands } as unknown as ShellServices,
  });
  return { stdout, stderr, exitCode };
}
