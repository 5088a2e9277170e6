// An interactive shell reading lines as a terminal's line discipline hands them over (echoed,
// with erase and ^U; no history or completion of its own): `bash` typed at the prompt, and
// `sh` in a container on a terminal (`kubectl exec -ti … -- sh`). Each complete command runs;
// an incomplete one asks for more after the continuation prompt; end of input ends the shell.
import { promptString } from '../login-shell';
import { readLines, type InputStream, type OutputStream } from '../process';
import { UBUNTU_PS1 } from '../prompt';
import type { Interpreter } from './interpreter';
import { isCompleteCommand, runText, type TextOrigin } from './script';
import type { Fds } from './streams';

/** How the shell prompts, and what it says when its input ends. */
export interface Prompts {
  primary(): string;
  continuation(): string;
  /** bash says `exit`; ash and dash say nothing. */
  atEnd: string;
}

/** Runs the loop until end of input or `exit` (which propagates); the last command's status. */
export async function runInteractive(
  shell: Interpreter,
  fds: Fds,
  stdin: InputStream,
  out: OutputStream,
  prompts: Prompts,
  origin: TextOrigin = {},
): Promise<number> {
  const lines = readLines(stdin);
  let pending: string | undefined;
  for (;;) {
    await out.write(pending === undefined ? prompts.primary() : prompts.continuation());
    const next = await lines.next();
    if (next.done) {
      await out.write(prompts.atEnd);
      return shell.state.lastStatus;
    }
    const text = pending === undefined ? next.value : `${pending}\n${next.value}`;
    if (!isCompleteCommand(text)) {
      pending = text;
      continue;
    }
    pending = undefined;
    shell.state.lastStatus = await shell.guard(() => runText(shell, text, fds, origin), fds);
  }
}

/** `bash` at the prompt: Ubuntu's prompt from its ~/.bashrc, written on stderr as bash does. */
export function runNestedShell(
  shell: Interpreter,
  fds: Fds,
  stdin: InputStream,
  stderr: OutputStream,
): Promise<number> {
  const state = shell.state;
  state.set('PS1', UBUNTU_PS1);
  state.set('PS2', '> ');
  return runInteractive(shell, fds, stdin, stderr, {
    primary: () => promptString(state, 'PS1'),
    continuation: () => promptString(state, 'PS2'),
    atEnd: 'exit\n',
  });
}
