const SHELL_SPECIAL = /[\s'"\\$`*?[\]{}()<>|&;~#!=^%]/;

/**
 * gnulib's shell-escape quoting, as `quotef` (only when needed) and `quoteaf` (always) print
 * file names: 'a b', "it's", and $'\n' for control characters.
 */
export function shellQuote(name: string, always = false): string {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) {
    let out = '';
    for (const ch of name) {
      const code = ch.charCodeAt(0);
      if (code < 0x20 || code === 0x7f) {
        const esc: Record<string, string> = {
          '\n': 'n',
          '\t': 't',
          '\r': 'r',
          '\v': 'v',
          '\f': 'f',
          '\b': 'b',
          '\x07': 'a',
        };
        out += `'$'\\${esc[ch] ?? code.toString(8).padStart(3, '0')}''`;
      } else out += ch === "'" ? `'\\''` : ch;
    }
    return `'${out}'`.replace(/^''|''$/g, '');
  }
  if (name === '') return "''";
  if (!SHELL_SPECIAL.test(name) && !always) return name;
  if (!name.includes("'")) return `'${name}'`;
  if (!/["$`\\]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** gnulib's `quote` in a UTF-8 locale: ‘name’. */
export const localeQuote = (name: string): string => `‘${name}’`;
