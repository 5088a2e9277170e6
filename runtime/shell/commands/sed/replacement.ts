// The replacement of `s`: parsed into pieces (literal text, then a group reference) with GNU's
// case conversions \L \U \E \l \u, and expanded for a match.
import { codePointAt, cpLength, encodeCodePoint } from './bytes';
import { normalizeText } from './escapes';
import { Repl, type ReplPiece } from './program';
import { toLower, toUpper } from './regex/classes';

/** Parses replacement `text` (bytes, as match_slash left it). */
export function parseReplacement(text: string, posix: boolean): { pieces: ReplPiece[]; maxId: number } {
  const base = normalizeText(text, 'replacement');
  const pieces: ReplPiece[] = [];
  let maxId = 0;
  let type: number = Repl.asIs;
  let saved: number = Repl.asIs;
  let start = 0;
  for (let p = 0; p < base.length; p++) {
    const ch = base[p];
    if (ch === '\\') {
      // The literal text before the backslash; the escape may extend it or add a group.
      const piece: ReplPiece = { prefix: base.slice(start, p), group: -1, type };
      pieces.push(piece);
      type = saved;
      p++;
      const next = base[p];
      if (p === base.length) piece.prefix += '\\';
      else if (next >= '0' && next <= '9') {
        piece.group = Number(next);
        maxId = Math.max(maxId, piece.group);
      } else if (posix) piece.prefix += next;
      else if (next === 'L') type = saved = Repl.lower;
      else if (next === 'U') type = saved = Repl.upper;
      else if (next === 'E') type = saved = Repl.asIs;
      else if (next === 'l') {
        saved = type;
        type |= Repl.lowerFirst;
      } else if (next === 'u') {
        saved = type;
        type |= Repl.upperFirst;
      } else piece.prefix += next;
      start = p + 1;
    } else if (ch === '&') {
      pieces.push({ prefix: base.slice(start, p), group: 0, type });
      type = saved;
      start = p + 1;
    }
  }
  if (start < base.length) pieces.push({ prefix: base.slice(start), group: -1, type });
  return { pieces, maxId };
}

/** `text` converted as `type` says (GNU's str_append_modified). */
function modified(text: string, type: number): string {
  if (type === Repl.asIs) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (cp < 0) {
      // A byte that is not UTF-8 is copied, and ends a pending \u or \l.
      type &= ~Repl.firstMask;
      if (type === Repl.asIs) return out + text.slice(i);
      out += text[i++];
      continue;
    }
    // A NUL stops the conversion (mbrtowc reports it as a zero-length character).
    if (cp === 0) return out + text.slice(i);
    let converted: number;
    if (type & Repl.firstMask) {
      converted = type & Repl.upperFirst ? toUpper(cp) : toLower(cp);
      type &= ~Repl.firstMask;
      if (type === Repl.asIs) return out + encodeCodePoint(converted) + text.slice(i + cpLength(cp));
    } else converted = type & Repl.upper ? toUpper(cp) : toLower(cp);
    out += encodeCodePoint(converted);
    i += cpLength(cp);
  }
  return out;
}

/** The replacement for one match of `line` with group offsets `regs` (GNU's append_replacement). */
export function expandReplacement(pieces: ReplPiece[], regs: Int32Array, line: string): string {
  let out = '';
  let carried = 0;
  for (const piece of pieces) {
    // A \u or \l before an empty group applies to what follows it.
    let type = piece.type & Repl.firstMask ? piece.type : piece.type | carried;
    carried = 0;
    if (piece.prefix !== '') {
      out += modified(piece.prefix, type);
      type &= ~Repl.firstMask;
    }
    const g = piece.group;
    if (g >= 0 && 2 * g + 1 < regs.length) {
      const from = regs[2 * g];
      const to = regs[2 * g + 1];
      if (from === to && piece.type & Repl.firstMask) carried = type & Repl.firstMask;
      else if (from !== to) out += modified(line.slice(from, to), type);
    }
  }
  return out;
}
