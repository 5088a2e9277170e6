// `bash` typed at the prompt with nothing to run: a nested interactive shell on the same
// terminal. It reads lines as the terminal's line discipline hands them over (echoed, with
// erase and ^U; no history or completion of its own), shows Ubuntu's prompt from its ~/.bashrc,
// and ends with `exit` or Ctrl-D, back to the outer shell.
import type { OutputStream, InputStream } from '../process';
import { promptString } from '../login-shell';
import { UBUNTU_PS1 } from '../prompt';
import type { Interpreter } from './interpreter';
import { isCompleteCommand, runText } from './script';
import type { Fds } from './streams';

/** One line from `input` (without its newline), or null at end of input. */
async function readLine(input: InputStream, carry: { rest: string }): Promise<string | null> {
  for (;;) {
    const end = carry.rest.indexOf('\n');
    if (end >= 0) {
      const line = carry.rest.slice(0, end);
      carry.rest = carry.rest.slice(end + 1);
      return line;
    }
    const chunk = await input.read();
    if (chunk === null) {
      if (carry.rest === '') return null;
      const line = carry.rest;
      carry.rest = '';
      return line;
    }
    carry.rest += chunk;
  }
}

/** Runs the nested shell until it exits; its status is the last command's. */
export async function runNestedShell(
  shell: Interpreter,
  fds: Fds,
  stdin: InputStream,
  stderr: OutputStream,
): Promise<number> {
  const state = shell.state;
  state.set('PS1', UBUNTU_PS1);
  state.set('PS2', '> ');
  const carry = { rest: '' };
  let pending: string | undefined;
  for (;;) {
    // bash writes its prompts on stderr.
    await stderr.write(promptString(state, pending === undefined ? 'PS1' : 'PS2'));
    const line = await readLine(stdin, carry);
    if (line === null) {
      await stderr.write('exit\n');
      return state.lastStatus;
    }
    const text = pending === undefined ? line : `${pending}\n${line}`;
    if (!isCompleteCommand(text)) {
      pending = text;
      continue;
    }
    pending = undefined;
    state.lastStatus = await runText(shell, text, fds);
  }
}
