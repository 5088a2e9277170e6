// The members of a pipeline: one command run here, or several run at once over pipes.
import { createPipe } from '../process';
import type { Command, Pipeline } from '../syntax/ast';
import type { Interpreter } from './interpreter';
import type { Fds, Stream } from './streams';

/** Runs the commands of `pipeline` (its `!` aside), setting PIPESTATUS; its status, as pipefail says. */
export async function runPipelineCommands(shell: Interpreter, pipeline: Pipeline, fds: Fds): Promise<number> {
  if (pipeline.commands.length === 1) {
    const status = await shell.runCommand(pipeline.commands[0], fds);
    shell.state.pipeStatus = [status];
    return status;
  }
  const statuses = await runConcurrently(shell, pipeline.commands, fds);
  shell.state.pipeStatus = statuses;
  if (shell.state.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
  return statuses[statuses.length - 1];
}

/** `a | b | c`: every command in its own subshell, all at once, joined by pipes. */
async function runConcurrently(shell: Interpreter, commands: Command[], fds: Fds): Promise<number[]> {
  const pipes = commands.slice(1).map(() => createPipe());
  const runs = commands.map((command, i) => {
    const own = new Map<number, Stream>(fds);
    if (i > 0) own.set(0, pipes[i - 1].reader);
    if (i < pipes.length) own.set(1, pipes[i].writer);
    const process = shell.subshell();
    return process
      .runProcess(() => process.runCommand(command, own), own)
      .finally(() => {
        // The process is gone: its reader sees end of file, its writer a broken pipe.
        if (i < pipes.length) pipes[i].writer.close();
        if (i > 0) pipes[i - 1].reader.close();
      });
  });
  return Promise.all(runs);
}
