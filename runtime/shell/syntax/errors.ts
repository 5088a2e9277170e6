/**
 * A syntax error, with bash's message (without the `bash: ` prefix). `incomplete` marks input
 * that ended too early (an open quote, `if` without `fi`, a trailing `|`): an interactive shell
 * reads another line instead of reporting it.
 */
export class ParseError extends Error {
  /** Where the error is reported: the start of a word whose quote never closed (else the parser's position). */
  at: number | undefined;

  constructor(
    message: string,
    readonly incomplete = false,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

/** `syntax error near unexpected token `X'`, where the end of a line is `newline`. */
export function unexpectedToken(token: string): ParseError {
  if (token === '') return unexpectedEnd();
  return new ParseError(`syntax error near unexpected token \`${token === '\n' ? 'newline' : token}'`);
}

/** The input ended inside a command. */
export function unexpectedEnd(): ParseError {
  return new ParseError('syntax error: unexpected end of file', true);
}

/** The input ended inside quotes (or a `$(`, `${`, backquote) opened by `open`. */
export function unmatched(open: string): ParseError {
  return new ParseError(`unexpected EOF while looking for matching \`${open}'`, true);
}
