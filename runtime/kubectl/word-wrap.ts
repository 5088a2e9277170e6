/** Go's unicode.IsSpace, without U+00A0 (go-wordwrap keeps a no-break space inside its word). */
function isWrapSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}

/**
 * github.com/mitchellh/go-wordwrap v1.0.1's WrapString, which kubectl explain wraps descriptions
 * with: breaks only at white space (a word longer than the limit overruns it), a run of spaces at
 * a break is dropped, and widths count runes.
 */
export function wrapString(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  const flush = (): void => {
    current += spaceLen + wordLen;
    out += space + word;
    space = word = '';
    spaceLen = wordLen = 0;
  };
  for (const ch of text) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
        space = '';
        spaceLen = 0;
      } else flush();
      out += ch;
      current = 0;
    } else if (isWrapSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) flush();
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else out += space + word;
  return out;
}
