// Compound commands: ( … ), { …; }, (( … )), [[ … ]], if, for, while, until, case, and function
// definitions.
import type { CaseItem, Command, List, Word } from './ast';
import { parseCondition } from './condition';
import { ParseError, unexpectedToken } from './errors';
import { ArithScanner } from './lexer';
import type { Parser } from './parser';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The compound command or function definition starting here, if one does. */
export function parseCompound(p: Parser): Command | undefined {
  const op = p.peekOperator();
  if (op === '(') {
    if (p.src.startsWith('((', p.pos)) {
      const arith = parseArithCommand(p);
      if (arith) return arith;
    }
    p.pos++;
    const body = p.parseCompoundList();
    p.expectOperator(')');
    return { type: 'subshell', body, redirects: [] };
  }
  if (op !== undefined) return undefined;
  const word = p.peekPlainWord();
  switch (word) {
    case '{':
      p.pos++;
      return { type: 'group', body: listUntil(p, '}'), redirects: [] };
    case 'if':
      return parseIf(p);
    case 'while':
    case 'until':
      return parseWhile(p, word === 'until');
    case 'for':
      return parseFor(p);
    case 'case':
      return parseCase(p);
    case 'function':
      return parseFunction(p, true);
    case '[[':
      p.pos += 2;
      return { type: 'cond', expr: parseCondition(p), redirects: [] };
    default:
      // `name=()` is an empty array, not a function named `name=`.
      if (word === undefined || /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(word)) return undefined;
      return /^[ \t]*\([ \t]*\)/.test(p.src.slice(p.pos + word.length, p.pos + word.length + 40))
        ? parseFunction(p, false)
        : undefined;
  }
}

/** A compound list followed by the reserved word `end`. */
function listUntil(p: Parser, end: string): List {
  const body = p.parseCompoundList();
  p.expectWord(end);
  return body;
}

function parseIf(p: Parser): Command {
  p.pos += 2;
  const clauses: Array<{ cond: List; body: List }> = [];
  let elseBody: List | undefined;
  for (;;) {
    const cond = listUntil(p, 'then');
    const body = p.parseCompoundList();
    clauses.push({ cond, body });
    const next = p.peekPlainWord();
    if (next === 'elif') {
      p.pos += 4;
      continue;
    }
    if (next === 'else') {
      p.pos += 4;
      elseBody = listUntil(p, 'fi');
      break;
    }
    p.expectWord('fi');
    break;
  }
  return { type: 'if', clauses, elseBody, redirects: [] };
}

function parseWhile(p: Parser, until: boolean): Command {
  p.pos += 5;
  const cond = listUntil(p, 'do');
  return { type: 'while', until, cond, body: listUntil(p, 'done'), redirects: [] };
}

/** `do … done` (or, as bash also accepts, `{ … }`). */
function parseDoGroup(p: Parser): List {
  p.skipNewlines();
  if (p.peekPlainWord() === '{') {
    p.pos++;
    return listUntil(p, '}');
  }
  p.expectWord('do');
  return listUntil(p, 'done');
}

function parseFor(p: Parser): Command {
  p.pos += 3;
  p.skipBlanks();
  if (p.src.startsWith('((', p.pos)) {
    const close = p.src.indexOf('))', p.pos);
    if (close < 0) throw new ParseError('syntax error: unexpected end of file', true);
    const parts = p.src.slice(p.pos + 2, close).split(';');
    if (parts.length !== 3) throw unexpectedToken('((');
    p.pos = close + 2;
    const [init, cond, step] = parts.map((text) => arithWord(p, text));
    p.skipBlanks();
    if (p.peekOperator() === ';') p.pos++;
    return { type: 'arith-for', init, cond, step, body: parseDoGroup(p), redirects: [] };
  }
  const name = p.peekPlainWord();
  if (name === undefined || !NAME.test(name)) {
    if (p.atEnd || p.peekOperator() === '\n') throw unexpectedToken('\n');
    throw new ParseError(`\`${p.atWord() ? p.readWord().text : p.tokenHere()}': not a valid identifier`);
  }
  p.pos += name.length;
  p.skipBlanks();
  let items: Word[] | undefined;
  const op = p.peekOperator();
  if (op === ';') p.pos++;
  else if (op === '\n' || p.peekPlainWord() === 'in') {
    p.skipNewlines();
    if (p.peekPlainWord() === 'in') {
      p.pos += 2;
      items = [];
      for (;;) {
        p.skipBlanks();
        if (!p.atWord()) break;
        items.push(p.readWord());
      }
      const end = p.peekOperator();
      if (end !== ';' && end !== '\n') throw unexpectedToken(p.tokenHere());
      if (end === ';') p.pos++;
    }
  }
  return { type: 'for', name, items, body: parseDoGroup(p), redirects: [] };
}

function parseCase(p: Parser): Command {
  p.pos += 4;
  p.skipBlanks();
  if (!p.atWord()) throw unexpectedToken(p.tokenOrNewline());
  const word = p.readWord();
  p.skipNewlines();
  p.expectWord('in');
  const items: CaseItem[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.peekPlainWord() === 'esac') {
      p.pos += 4;
      break;
    }
    if (p.peekOperator() === '(') p.pos++;
    const patterns: Word[] = [];
    for (;;) {
      p.skipBlanks();
      if (!p.atWord()) throw unexpectedToken(p.tokenHere());
      patterns.push(p.readWord());
      p.skipBlanks();
      if (p.peekOperator() !== '|') break;
      p.pos++;
    }
    p.expectOperator(')');
    const body = p.parseList();
    p.skipBlanks();
    const end = p.peekOperator();
    if (end === ';;' || end === ';&' || end === ';;&') {
      p.pos += end.length;
      items.push({ patterns, body, terminator: end });
      continue;
    }
    items.push({ patterns, body, terminator: ';;' });
    p.expectWord('esac');
    break;
  }
  return { type: 'case', word, items, redirects: [] };
}

function parseFunction(p: Parser, keyword: boolean): Command {
  if (keyword) {
    p.pos += 8;
    p.skipBlanks();
  }
  const name = p.peekPlainWord();
  if (name === undefined) throw unexpectedToken(p.tokenHere());
  p.pos += name.length;
  p.skipBlanks();
  if (p.peekOperator() === '(') {
    p.pos++;
    p.expectOperator(')');
  } else if (!keyword) throw unexpectedToken(p.tokenHere());
  p.skipNewlines();
  const body = parseCompound(p);
  if (!body || body.type === 'function') throw unexpectedToken(p.tokenHere());
  p.parseRedirects(body.redirects);
  return { type: 'function', name, body, redirects: [] };
}

/** (( … )) as a command; undefined when the text is a nested subshell instead. */
function parseArithCommand(p: Parser): Command | undefined {
  let depth = 0;
  for (let i = p.pos + 2; i < p.src.length; i++) {
    const ch = p.src[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (p.src[i + 1] !== ')') return undefined;
      const expr = arithWord(p, p.src.slice(p.pos + 2, i));
      p.pos = i + 2;
      return { type: 'arith', expr, redirects: [] };
    }
  }
  throw new ParseError('syntax error: unexpected end of file', true);
}

function arithWord(p: Parser, text: string): Word {
  return new ArithScanner(text, p).readAll();
}
