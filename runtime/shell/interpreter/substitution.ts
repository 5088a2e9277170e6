// Command substitution, $(…) and `…`: a subshell whose standard output becomes text.
import type { Script } from '../syntax/ast';
import type { Interpreter } from './interpreter';
import { inputOf, type Fds, type Stream } from './streams';

/**
 * Runs `body` in a subshell of `shell` and returns its output; its status becomes `$?` and the
 * status of a simple command that has no words.
 */
export async function substitute(shell: Interpreter, body: Script, fds: Fds): Promise<string> {
  const only = body.length === 1 && body[0].andOr.rest.length === 0 ? body[0].andOr.first.commands : [];
  const command = only.length === 1 ? only[0] : undefined;
  // $(< file) is bash's fast `cat file`.
  if (
    command?.type === 'simple' &&
    command.words.length === 0 &&
    command.assigns.length === 0 &&
    command.redirects.length === 1 &&
    command.redirects[0].op === '<'
  ) {
    const own = await shell.redirect(command.redirects, fds);
    shell.substitutionStatus = own ? 0 : 1;
    return own ? await readAllOf(own) : '';
  }
  let text = '';
  const process = shell.subshell();
  const own = new Map<number, Stream>(fds);
  own.set(1, { write: (t: string) => void (text += t) });
  const status = await process.runProcess(() => process.runList(body, own), own);
  shell.substitutionStatus = status;
  shell.state.lastStatus = status;
  return text;
}

async function readAllOf(fds: Fds): Promise<string> {
  const input = inputOf(fds);
  let text = '';
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) text += chunk;
  return text;
}
