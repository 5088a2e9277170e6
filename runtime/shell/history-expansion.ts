/** What history expansion made of a line: the new line (and whether it changed), or bash's error. */
export type HistoryExpansion = { line: string; changed: boolean } | { error: string };

/** The words of a history line, split on blanks (enough for `!$`, `!^` and `!*`). */
const wordsOf = (line: string): string[] => line.trim().split(/\s+/);

/** The event a `!` designator names, or undefined when there is none. */
function findEvent(spec: string, entries: readonly string[]): string | undefined {
  if (spec === '!') return entries.at(-1);
  if (/^-?\d+$/.test(spec)) {
    const n = Number(spec);
    return n < 0 ? entries.at(n) : entries[n - 1];
  }
  if (spec.startsWith('?')) {
    const text = spec.slice(1).replace(/\?$/, '');
    return [...entries].reverse().find((e) => e.includes(text));
  }
  return [...entries].reverse().find((e) => e.startsWith(spec));
}

/**
 * bash's history expansion of an interactive line, before it is parsed: `!!`, `!n`, `!-n`,
 * `!prefix`, `!?text?`, the word designators `!$`, `!^`, `!*` (of the previous line), and
 * `^old^new` quick substitution. Nothing expands inside single quotes or after a backslash; a
 * `!` before a blank, `=`, `(` or the end of the line stays as it is.
 */
export function expandHistory(line: string, entries: readonly string[]): HistoryExpansion {
  if (line.startsWith('^')) {
    const [, old = '', replacement = ''] = line.split('^');
    const last = entries.at(-1) ?? '';
    if (old === '' || !last.includes(old)) return { error: `:s${line}: substitution failed` };
    return { line: last.replace(old, replacement), changed: true };
  }
  let out = '';
  let changed = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && quote !== "'") {
      out += ch + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === "'" && quote !== '"') quote = quote === "'" ? undefined : "'";
    else if (ch === '"' && quote !== "'") quote = quote === '"' ? undefined : '"';
    const next = line[i + 1];
    if (ch !== '!' || quote === "'" || next === undefined || /[\s=(]/.test(next) || (quote === '"' && next === '"')) {
      out += ch;
      continue;
    }
    const last = entries.at(-1);
    if (next === '$' || next === '^' || next === '*') {
      if (last === undefined) return { error: `!${next}: event not found` };
      const words = wordsOf(last);
      out += next === '$' ? words.at(-1) : next === '^' ? (words[1] ?? '') : words.slice(1).join(' ');
      changed = true;
      i++;
      continue;
    }
    const spec = /^(!|-?\d+|\?[^?]*\??|[^\s!;&|()<>"'$]+)/.exec(line.slice(i + 1))?.[0];
    if (spec === undefined) {
      out += ch;
      continue;
    }
    const event = findEvent(spec, entries);
    if (event === undefined) return { error: `!${spec}: event not found` };
    out += event;
    changed = true;
    i += spec.length;
  }
  return { line: out, changed };
}
