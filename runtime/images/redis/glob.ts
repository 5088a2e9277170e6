// stringmatchlen, redis's glob for KEYS, SCAN MATCH and PSUBSCRIBE: `*`, `?`, `[abc]`, `[a-z]`,
// `[^x]` (negation is `^`; `!` is an ordinary character) and `\` escapes.

/** Whether `text` matches `pattern`. */
export function globMatch(pattern: string, text: string): boolean {
  return matchFrom(pattern, 0, text, 0);
}

function matchFrom(pattern: string, p: number, text: string, t: number): boolean {
  while (p < pattern.length) {
    const ch = pattern[p];
    if (ch === '*') {
      while (pattern[p + 1] === '*') p++;
      if (p + 1 === pattern.length) return true;
      for (let from = t; from <= text.length; from++) if (matchFrom(pattern, p + 1, text, from)) return true;
      return false;
    }
    if (t >= text.length) return false;
    if (ch === '?') {
      t++;
    } else if (ch === '[') {
      const [matched, next] = matchClass(pattern, p + 1, text[t]);
      if (!matched) return false;
      p = next;
      t++;
    } else {
      const literal = ch === '\\' && p + 1 < pattern.length ? pattern[++p] : ch;
      if (literal !== text[t]) return false;
      t++;
    }
    p++;
  }
  return t === text.length;
}

/** Matches one character against the class starting at `p`; returns the class's closing index. */
function matchClass(pattern: string, p: number, ch: string): [boolean, number] {
  const negate = pattern[p] === '^';
  if (negate) p++;
  let matched = false;
  for (;;) {
    if (p >= pattern.length) {
      p--;
      break;
    }
    if (pattern[p] === '\\' && p + 2 < pattern.length) {
      p++;
      if (pattern[p] === ch) matched = true;
    } else if (pattern[p] === ']') break;
    else if (pattern[p + 1] === '-' && p + 2 < pattern.length) {
      let [from, to] = [pattern[p], pattern[p + 2]];
      if (from > to) [from, to] = [to, from];
      if (ch >= from && ch <= to) matched = true;
      p += 2;
    } else if (pattern[p] === ch) matched = true;
    p++;
  }
  return [negate ? !matched : matched, p];
}
