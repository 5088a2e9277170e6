// Simple commands: assignments, words and redirections in any order (`A=1 cmd arg >out`).
import type { Assignment, Command, Redirect, RedirectOp, Word } from './ast';
import { unexpectedEnd, unexpectedToken } from './errors';
import { startHeredoc } from './heredoc';
import type { Parser } from './parser';

const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);

/** A simple command at the parser's position (its first word has had its alias expanded). */
export function parseSimple(p: Parser): Command {
  const assigns: Assignment[] = [];
  const words: Word[] = [];
  const redirects: Redirect[] = [];
  for (;;) {
    p.skipBlanks();
    if (parseRedirect(p, redirects)) continue;
    if (!p.atWord()) break;
    if (words.length === 0) {
      const assign = parseAssignment(p);
      if (assign) {
        assigns.push(assign);
        continue;
      }
    } else {
      if (p.aliasNext) p.expandAlias();
      const declared = DECLARATIONS.has(words[0].text) ? declaredArray(p) : undefined;
      if (declared) {
        words.push({ parts: [{ kind: 'literal', text: declared.name }], text: declared.name, assignment: declared });
        continue;
      }
    }
    words.push(p.readWord());
    p.skipBlanks();
    if (words.length === 1 && assigns.length === 0 && p.peekOperator() === '(') {
      // `name (` can only start a function definition, and this one is malformed.
      p.pos++;
      p.skipBlanks();
      throw unexpectedToken(p.tokenOrNewline());
    }
  }
  if (assigns.length === 0 && words.length === 0 && redirects.length === 0) throw unexpectedToken(p.tokenHere());
  return { type: 'simple', assigns, words, redirects };
}

/** Builtins whose `name=(…)` arguments are array assignments, as bash parses them. */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'readonly', 'export']);

/** `name=value`, `name+=value`, `name[i]=value` or `name=(…)` here, if there is one. */
function parseAssignment(p: Parser): Assignment | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]\n]*)\])?(\+?)=/.exec(p.src.slice(p.pos, p.pos + 512));
  if (!match) return undefined;
  p.pos += match[0].length;
  const [, name, index, append] = match;
  if (p.src[p.pos] === '(') {
    if (index !== undefined) throw unexpectedToken('(');
    return { name, value: { parts: [], text: '' }, append: append === '+', elements: parseElements(p) };
  }
  const value = p.atWord() ? p.readWord() : { parts: [], text: '' };
  return { name, value, append: append === '+', ...(index !== undefined ? { index } : {}) };
}

/** `name=(…)` here, as a declaration builtin's argument; anything else is left for readWord. */
function declaredArray(p: Parser): Assignment | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*\+?=\(/.test(p.src.slice(p.pos, p.pos + 512))) return undefined;
  return parseAssignment(p);
}

/** The words of `(…)` in `name=(…)`, over lines; the input may end before the `)`. */
function parseElements(p: Parser): Word[] {
  p.pos++;
  const elements: Word[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.atEnd) throw unexpectedEnd();
    if (p.peekOperator() === ')') {
      p.pos++;
      return elements;
    }
    if (!p.atWord()) throw unexpectedToken(p.tokenHere());
    elements.push(p.readWord());
  }
}

/** Reads one redirection here into `redirects`, if there is one; a here-document waits for its body. */
export function parseRedirect(p: Parser, redirects: Redirect[]): boolean {
  const fdMatch = /^[0-9]+(?=[<>])/.exec(p.src.slice(p.pos, p.pos + 12));
  const opAt = p.pos + (fdMatch ? fdMatch[0].length : 0);
  const saved = p.pos;
  p.pos = opAt;
  const op = p.peekOperator();
  if (!op || !REDIRECT_OPS.has(op) || (fdMatch && op.startsWith('&'))) {
    p.pos = saved;
    return false;
  }
  p.pos += op.length;
  p.skipBlanks();
  if (!p.atWord()) throw unexpectedToken(p.tokenOrNewline());
  const target = p.readWord();
  const redirect: Redirect = { op: op as RedirectOp, target };
  if (fdMatch) redirect.fd = Number(fdMatch[0]);
  if (op === '<<' || op === '<<-') p.awaitHeredoc(startHeredoc(redirect, op, target, p.src, saved));
  redirects.push(redirect);
  return true;
}
