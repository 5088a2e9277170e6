// Running text as commands — a script file, `bash -c`, `source`, `eval` — one top-level command
// at a time, and reporting a syntax error in it as bash (or dash) does for where it came from.
import { ParseError } from '../syntax/errors';
import { Parser } from '../syntax/parser';
import type { List } from '../syntax/ast';
import type { Interpreter } from './interpreter';
import type { Dialect } from './state';
import { ShellError } from './signals';
import { outputOf, type Fds } from './streams';

/** Where the text came from, for syntax errors and warnings. */
export interface TextOrigin {
  /**
   * What starts a syntax error's lines, before `line N: `: `z.sh: ` for a script,
   * `bash: -c: ` for `bash -c`, `bash: inc.sh: ` for a file sourced at the prompt. Without it
   * (eval, typed input) errors start with the shell's error prefix and name no line.
   */
  label?: string;
  /** Aliases are expanded only where bash expands them: at the prompt and in what it sources. */
  aliases?: boolean;
  /** Whose wording: dash's `sh: 1: Syntax error: "|" unexpected`, ash's `sh: syntax error: unexpected "|"`. */
  dialect?: Dialect;
}

/** Whether `text` is whole, or a prompt must ask for more lines (an open quote, `if` without `fi`). */
export function isCompleteCommand(text: string): boolean {
  const parser = new Parser(text, { interactive: true });
  try {
    while (parser.nextCommand()) {
      // Parse on to the end: only a command cut short by the end of the text is incomplete.
    }
    return true;
  } catch (error) {
    return !(error instanceof ParseError && error.incomplete);
  }
}

/** Parses and runs `text` a command at a time; a syntax error stops it with status 2. */
export async function runText(shell: Interpreter, text: string, fds: Fds, origin: TextOrigin = {}): Promise<number> {
  const aliases = origin.aliases ?? true;
  const parser = new Parser(text, aliases ? { alias: (name) => shell.state.aliases.get(name) } : {});
  let status = 0;
  for (;;) {
    let list;
    try {
      list = parser.nextCommand();
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      reportSyntaxError(shell, parser, error, fds, origin);
      return 2;
    }
    for (const warning of parser.warnings.splice(0)) {
      outputOf(fds, 2).write(`${originPrefix(shell, parser, parser.pos, origin)}${warning}\n`);
    }
    if (!list) return status;
    status = await runCommandLine(shell, list, fds);
  }
}

/**
 * One top-level command of the text: an expansion error abandons it and the text goes on with
 * the next, except in a non-interactive shell, which an unbound variable or `${x:?}` ends.
 */
async function runCommandLine(shell: Interpreter, list: List, fds: Fds): Promise<number> {
  try {
    return await shell.runList(list, fds);
  } catch (error) {
    if (!(error instanceof ShellError) || (error.exitsScript && !shell.runtime.interactive)) throw error;
    outputOf(fds, 2).write(`${shell.errorPrefix()}${error.message}\n`);
    shell.state.lastStatus = error.status;
    return error.status;
  }
}

/** `LABEL line N: ` where the text has a label, else the shell's prefix. */
function originPrefix(shell: Interpreter, parser: Parser, pos: number, origin: TextOrigin): string {
  if (origin.label === undefined) return shell.errorPrefix();
  const line = parser.lineAt(pos);
  if (origin.dialect === 'ash' && origin.label === 'sh: ') return origin.label;
  return origin.dialect === 'dash' ? `${origin.label}${line}: ` : `${origin.label}line ${line}: `;
}

/**
 * bash names the line of the error and, for an unexpected token, quotes that line; an input
 * that ends too early is reported at its end (an unclosed quote, where the quote opened).
 */
function reportSyntaxError(shell: Interpreter, parser: Parser, error: ParseError, fds: Fds, origin: TextOrigin): void {
  const stderr = outputOf(fds, 2);
  const pos = error.at ?? parser.pos;
  const prefix = originPrefix(shell, parser, pos, origin);
  if (origin.dialect === 'dash' || origin.dialect === 'ash') {
    stderr.write(`${prefix}${origin.dialect === 'dash' ? dashWording(error.message) : ashWording(error.message)}\n`);
    return;
  }
  stderr.write(`${prefix}${error.message}\n`);
  // The offending line is quoted, except for what was typed at the prompt (eval there too).
  const typed = origin.label === undefined && shell.runtime.interactive;
  if (!typed && error.message.startsWith('syntax error near unexpected token')) {
    stderr.write(`${prefix}\`${parser.lineTextAt(pos)}'\n`);
  }
}

/** dash's texts for bash's two commonest syntax errors. */
function dashWording(message: string): string {
  const token = /^syntax error near unexpected token `(.*)'$/.exec(message);
  if (token)
    return token[1] === 'newline' ? 'Syntax error: newline unexpected' : `Syntax error: "${token[1]}" unexpected`;
  if (/^unexpected EOF while looking for matching `["']'$/.test(message))
    return 'Syntax error: Unterminated quoted string';
  if (message.startsWith('syntax error: unexpected end of file') || message.startsWith('unexpected EOF')) {
    return 'Syntax error: end of file unexpected';
  }
  return `Syntax error: ${message}`;
}

/** busybox ash's texts for bash's syntax errors. */
function ashWording(message: string): string {
  const token = /^syntax error near unexpected token `(.*)'$/.exec(message);
  if (token)
    return token[1] === 'newline' ? 'syntax error: unexpected newline' : `syntax error: unexpected "${token[1]}"`;
  if (/^unexpected EOF while looking for matching `["']'$/.test(message))
    return 'syntax error: unterminated quoted string';
  if (message.startsWith('syntax error: unexpected end of file') || message.startsWith('unexpected EOF')) {
    return 'syntax error: unexpected end of file';
  }
  return `syntax error: ${message}`;
}
