/**
 * The first cut of the shell grammar: words with bash's quoting ('…', "…", backslash), comments,
 * and lists joined by `;`, `&&` and `||`. Pipes, redirections, subshells and `&` are recognised
 * and reported as not yet supported rather than misread.
 */

/** One simple command and the operator that joins it to the next one. */
export interface ListItem {
  argv: string[];
  next?: ';' | '&&' | '||';
}

export type ParseResult = { ok: true; items: ListItem[] } | { ok: false; message: string; exitCode: number };

type Token = { word: string } | { op: string };

const OPERATORS = ['&&', '||', ';;', '|&', '>>', '<<', ';', '|', '&', '<', '>', '(', ')'];
const LIST_OPERATORS = new Set([';', '&&', '||']);
const REDIRECTIONS = new Set(['<', '>', '>>', '<<']);

function syntaxError(token: string): ParseResult {
  return { ok: false, message: `bash: syntax error near unexpected token \`${token}'`, exitCode: 2 };
}

function tokenize(line: string): Token[] | ParseResult {
  const tokens: Token[] = [];
  let word: string | undefined;
  let i = 0;
  const endWord = (): void => {
    if (word !== undefined) tokens.push({ word });
    word = undefined;
  };
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      endWord();
      i++;
    } else if (ch === '#' && word === undefined) {
      break;
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return unexpectedEof("'");
      word = (word ?? '') + line.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && '$`"\\\n'.includes(line[j + 1] ?? '')) j++;
        text += line[j];
        j++;
      }
      if (j >= line.length) return unexpectedEof('"');
      word = (word ?? '') + text;
      i = j + 1;
    } else if (ch === '\\') {
      if (i + 1 < line.length) word = (word ?? '') + line[i + 1];
      i += 2;
    } else {
      const op = OPERATORS.find((o) => line.startsWith(o, i));
      if (op) {
        endWord();
        tokens.push({ op });
        i += op.length;
      } else {
        word = (word ?? '') + ch;
        i++;
      }
    }
  }
  endWord();
  return tokens;
}

function unexpectedEof(quote: string): ParseResult {
  return { ok: false, message: `bash: unexpected EOF while looking for matching \`${quote}'`, exitCode: 2 };
}

/** Parses one input line. */
export function parseLine(line: string): ParseResult {
  const tokens = tokenize(line);
  if (!Array.isArray(tokens)) return tokens;
  const items: ListItem[] = [];
  let argv: string[] = [];
  for (const token of tokens) {
    if ('word' in token) {
      argv.push(token.word);
      continue;
    }
    if (!LIST_OPERATORS.has(token.op)) {
      const misplaced =
        token.op === ';;' ||
        token.op === ')' ||
        (token.op === '(' ? argv.length > 0 : argv.length === 0 && !REDIRECTIONS.has(token.op));
      if (misplaced) return syntaxError(token.op);
      return {
        ok: false,
        message: `kubeplay: '${token.op}' (pipes, redirections, subshells, background jobs) is not supported by this shell yet`,
        exitCode: 2,
      };
    }
    if (argv.length === 0) return syntaxError(token.op);
    items.push({ argv, next: token.op as ListItem['next'] });
    argv = [];
  }
  if (argv.length > 0) items.push({ argv });
  else if (items.length > 0 && items[items.length - 1].next !== ';') {
    return { ok: false, message: 'bash: syntax error: unexpected end of file', exitCode: 2 };
  }
  return { ok: true, items };
}
