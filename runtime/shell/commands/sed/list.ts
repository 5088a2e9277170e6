// The `l` command: the pattern space unambiguously, byte by byte (GNU's do_list): printable
// ASCII as is, C escapes for \a \b \f \n \r \t \v, octal for other bytes (each UTF-8 byte),
// `\` at wraps, `$` at the end.

const ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

/** The `l` rendering of `text` (bytes), wrapping before `width` columns (0: never). */
export function listing(text: string, width: number, delimiter: string): string {
  let out = '';
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i);
    let shown: string;
    if (b >= 0x20 && b < 0x7f) shown = b === 0x5c ? '\\\\' : text[i];
    else shown = ESCAPES[b] ?? `\\${b.toString(8).padStart(3, '0')}`;
    if (column + shown.length >= width && width > 0) {
      out += `\\${delimiter}`;
      column = 0;
    }
    out += shown;
    column += shown.length;
  }
  return `${out}$${delimiter}`;
}
