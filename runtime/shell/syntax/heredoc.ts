// Here-documents: a `<<` redirection waits for the next newline, after which its body is read.
import type { Redirect, RedirectOp, Word } from './ast';
import { unexpectedEnd } from './errors';
import { ArithScanner } from './lexer';
import type { Parser } from './parser';

/** A here-document whose body has not been read yet. */
export interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  /** The line of the `<<`, for the warning when end of file ends the body. */
  line: number;
}

/**
 * Starts the here-document of `redirect` (whose `op` is `<<` or `<<-`): a quoted delimiter
 * (any quoting in `target`) keeps the body from being expanded. `at` is where the redirection
 * starts in `src`.
 */
export function startHeredoc(
  redirect: Redirect,
  op: RedirectOp,
  target: Word,
  src: string,
  at: number,
): PendingHeredoc {
  const quoted = target.parts.some((p) => p.kind !== 'literal');
  redirect.heredoc = { body: { parts: [], text: '' }, quoted };
  return {
    redirect,
    delimiter: target.parts
      .map((p) =>
        p.kind === 'literal' || p.kind === 'quoted'
          ? p.text
          : p.kind === 'double'
            ? p.parts.map((q) => ('text' in q ? q.text : '')).join('')
            : '',
      )
      .join(''),
    stripTabs: op === '<<-',
    line: lineAt(src, at),
  };
}

/** Reads the body of `doc` from the parser's position, up to its delimiter line or the end. */
export function readHeredoc(p: Parser, doc: PendingHeredoc): void {
  let body = '';
  for (;;) {
    if (p.atEnd) {
      if (p.options.interactive) throw unexpectedEnd();
      p.warnings.push(
        `warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')`,
      );
      break;
    }
    let end = p.src.indexOf('\n', p.pos);
    if (end < 0) end = p.src.length;
    let line = p.src.slice(p.pos, end);
    p.pos = Math.min(end + 1, p.src.length);
    if (doc.stripTabs) line = line.replace(/^\t+/, '');
    if (line === doc.delimiter) break;
    body += `${line}\n`;
  }
  const heredoc = doc.redirect.heredoc as NonNullable<Redirect['heredoc']>;
  heredoc.body = heredoc.quoted
    ? { parts: [{ kind: 'quoted', text: body }], text: body }
    : new ArithScanner(body, p).readAll();
}

/** The line number (from 1) of `index` in `src`. */
function lineAt(src: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (src[i] === '\n') line++;
  return line;
}
