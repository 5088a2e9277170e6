// Glob patterns (`*`, `?`, `[…]`) as regular expressions. A pattern is a list of segments, each
// quoted or not: quoted characters match themselves only.

/** Text from an expansion, and whether quoting protects it from splitting and globbing. */
export interface Segment {
  text: string;
  quoted: boolean;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'a-zA-Z0-9_',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

/** Escapes a character for a bracket expression (where `-` needs it). */
const escapeRegex = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Escapes a character outside brackets: with the `u` flag, `\-` is a syntax error there. */
const escapeLiteral = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** The pattern's characters, each with whether it was quoted. */
function characters(segments: readonly Segment[]): Array<{ ch: string; quoted: boolean }> {
  const chars: Array<{ ch: string; quoted: boolean }> = [];
  for (const s of segments) for (const ch of s.text) chars.push({ ch, quoted: s.quoted });
  return chars;
}

/** Whether the segments hold an unquoted `*`, `?` or `[`. */
export function hasGlob(segments: readonly Segment[]): boolean {
  return segments.some((s) => !s.quoted && /[*?[]/.test(s.text));
}

/** The regular expression source for the pattern (unanchored). */
export function patternSource(segments: readonly Segment[]): string {
  const chars = characters(segments);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const { ch, quoted } = chars[i];
    if (quoted) out += escapeLiteral(ch);
    else if (ch === '*') out += '[^]*';
    else if (ch === '?') out += '[^]';
    else if (ch === '[') {
      const bracket = readBracket(chars, i);
      if (bracket) {
        out += bracket.source;
        i = bracket.end;
      } else out += '\\[';
    } else out += escapeLiteral(ch);
  }
  return out;
}

/** A bracket expression starting at `start`: its regex and the index of its `]`. */
function readBracket(
  chars: Array<{ ch: string; quoted: boolean }>,
  start: number,
): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (!chars[i]?.quoted && (chars[i]?.ch === '!' || chars[i]?.ch === '^')) {
    negate = true;
    i++;
  }
  let body = '';
  for (let first = true; i < chars.length; i++, first = false) {
    const { ch, quoted } = chars[i];
    if (ch === ']' && !quoted && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i };
    if (ch === '[' && !quoted && chars[i + 1]?.ch === ':') {
      const rest = chars
        .slice(i + 2)
        .map((c) => c.ch)
        .join('');
      const match = /^([a-z]+):\]/.exec(rest);
      if (match && CLASSES[match[1]]) {
        body += CLASSES[match[1]];
        i += match[0].length + 1;
        continue;
      }
    }
    if (ch === '-' && !quoted && body !== '' && chars[i + 1] && chars[i + 1].ch !== ']') body += '-';
    else body += escapeRegex(ch);
  }
  return undefined;
}

/** Whether `text` matches the whole pattern. */
export function matchPattern(segments: readonly Segment[], text: string): boolean {
  return new RegExp(`^(?:${patternSource(segments)})$`, 'u').test(text);
}

/** A pattern's compiled form for repeated matching (prefix and suffix removal, replacement). */
export function compilePattern(segments: readonly Segment[]): RegExp {
  return new RegExp(`^(?:${patternSource(segments)})$`, 'u');
}
