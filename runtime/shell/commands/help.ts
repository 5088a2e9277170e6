import type { ShellCommand } from '../command';

/** kubeplay's `help`: lists the commands this shell knows, with a line each. */
export const help: ShellCommand = {
  name: 'help',
  summary: 'list the commands you can run here',
  async run({ stdout, shell }) {
    const commands = [...shell.commands.values()].sort((a, b) => a.name.localeCompare(b.name));
    const width = Math.max(...commands.map((c) => c.name.length)) + 3;
    const lines = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
    stdout.write(
      `kubeplay: a minikube cluster in your browser. Commands you can run:\n\n${lines.join('\n')}\n\n` +
        `Type a command and press Enter. Up and Down recall earlier commands.\n`,
    );
    return 0;
  },
};
