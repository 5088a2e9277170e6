// sdssplitargs, the line splitter redis-cli uses for what is typed (and redis-server for inline
// commands): blanks separate arguments; "double quotes" take \n \r \t \b \a \xHH and \<any>
// escapes; 'single quotes' take \' only; a closing quote must end the argument, and an
// unterminated or glued quote makes the whole line invalid (undefined).

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /^[ \t\n\v\f\r]$/.test(ch);
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

/** The arguments of `line`, or undefined when its quotes are unbalanced. */
export function splitArgs(line: string): string[] | undefined {
  const args: string[] = [];
  let p = 0;
  for (;;) {
    while (isSpace(line[p])) p++;
    if (p >= line.length) return args;
    let current = '';
    let quote: '"' | "'" | undefined;
    for (let done = false; !done;) {
      const ch = line[p];
      if (quote === '"') {
        if (ch === '\\' && line[p + 1] === 'x' && isHex(line[p + 2]) && isHex(line[p + 3])) {
          current += String.fromCharCode(parseInt(line.slice(p + 2, p + 4), 16));
          p += 3;
        } else if (ch === '\\' && p + 1 < line.length) {
          p++;
          current += ESCAPES[line[p]] ?? line[p];
        } else if (ch === '"') {
          if (p + 1 < line.length && !isSpace(line[p + 1])) return undefined;
          done = true;
        } else if (ch === undefined) return undefined;
        else current += ch;
      } else if (quote === "'") {
        if (ch === '\\' && line[p + 1] === "'") {
          p++;
          current += "'";
        } else if (ch === "'") {
          if (p + 1 < line.length && !isSpace(line[p + 1])) return undefined;
          done = true;
        } else if (ch === undefined) return undefined;
        else current += ch;
      } else if (ch === undefined || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') done = true;
      else if (ch === '"' || ch === "'") quote = ch;
      else current += ch;
      if (p < line.length) p++;
    }
    args.push(current);
  }
}
