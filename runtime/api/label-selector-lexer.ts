/**
 * The label selector's tokens, as apimachinery's pkg/labels Lexer cuts them: runs of operator
 * characters become the longest operator they spell, everything else up to whitespace or an
 * operator character is an identifier (or the keyword `in` / `notin`).
 */

/** Token kinds, numbered as labels.Token is. */
export const Tok = {
  Error: 0,
  EndOfString: 1,
  ClosedPar: 2,
  Comma: 3,
  DoesNotExist: 4,
  DoubleEquals: 5,
  Equals: 6,
  GreaterThan: 7,
  Identifier: 8,
  In: 9,
  LessThan: 10,
  NotEquals: 11,
  NotIn: 12,
  OpenPar: 13,
} as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

/** One token and its text; an Error token's text is the lexer's complaint. */
export interface ScannedItem {
  tok: Tok;
  literal: string;
}

/** The literals that are tokens of their own (string2token). */
const LITERALS: ReadonlyMap<string, Tok> = new Map<string, Tok>([
  [')', Tok.ClosedPar],
  [',', Tok.Comma],
  ['!', Tok.DoesNotExist],
  ['==', Tok.DoubleEquals],
  ['=', Tok.Equals],
  ['>', Tok.GreaterThan],
  ['in', Tok.In],
  ['<', Tok.LessThan],
  ['!=', Tok.NotEquals],
  ['notin', Tok.NotIn],
  ['(', Tok.OpenPar],
]);

/** Space, tab, carriage return, newline. */
const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** `=`, `!`, `(`, `)`, `,`, `>`, `<`: the characters operators are made of. */
const isSpecialSymbol = (c: number): boolean =>
  c === 0x3d || c === 0x21 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x3e || c === 0x3c;

/**
 * Cuts `text` into tokens, ending with EndOfString. Like the Go lexer, which reads bytes and takes
 * a zero byte for the end, a NUL character ends the token being read and, between tokens, the input.
 */
export function lexLabelSelector(text: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  let pos = 0;
  /** The next character code, or 0 past the end (a NUL in the text also reads as 0). */
  const read = (): number => (pos < text.length ? text.charCodeAt(pos++) : 0);

  const scanIdOrKeyword = (): ScannedItem => {
    const start = pos;
    let end: number;
    for (;;) {
      end = pos;
      const c = read();
      if (c === 0) break;
      if (isSpecialSymbol(c) || isWhitespace(c)) {
        pos--;
        break;
      }
    }
    const literal = text.slice(start, end);
    return { tok: LITERALS.get(literal) ?? Tok.Identifier, literal };
  };

  const scanSpecialSymbol = (): ScannedItem => {
    let buffer = '';
    let last: ScannedItem | undefined;
    for (;;) {
      const c = read();
      if (c === 0) break;
      if (!isSpecialSymbol(c)) {
        pos--;
        break;
      }
      buffer += String.fromCharCode(c);
      const tok = LITERALS.get(buffer);
      if (tok !== undefined) {
        last = { tok, literal: buffer };
      } else if (last) {
        pos--;
        break;
      }
    }
    return last ?? { tok: Tok.Error, literal: `error expected: keyword found '${buffer}'` };
  };

  for (;;) {
    let c = read();
    while (isWhitespace(c)) c = read();
    let item: ScannedItem;
    if (c === 0) {
      item = { tok: Tok.EndOfString, literal: '' };
    } else {
      pos--;
      item = isSpecialSymbol(c) ? scanSpecialSymbol() : scanIdOrKeyword();
    }
    items.push(item);
    if (item.tok === Tok.EndOfString) return items;
  }
}
