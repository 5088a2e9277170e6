// Pathname expansion: a word with an unquoted `*`, `?` or `[` becomes the sorted names of the
// files it matches in the Volume, relative to the working directory.
import { normalizePath, type Volume } from '../fs/volume';
import { compilePattern, hasGlob, type Segment } from './pattern';

/** Splits segments at every `/` (quoted or not: no pattern matches a slash). */
function components(segments: readonly Segment[]): Segment[][] {
  const result: Segment[][] = [[]];
  for (const s of segments) {
    const pieces = s.text.split('/');
    pieces.forEach((text, i) => {
      if (i > 0) result.push([]);
      if (text !== '') result[result.length - 1].push({ text, quoted: s.quoted });
    });
  }
  return result;
}

const textOf = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('');

/** The paths matching the pattern, sorted; empty when none does. */
export function expandPathname(segments: readonly Segment[], cwd: string, fs: Volume): string[] {
  const parts = components(segments);
  const absolute = parts[0].length === 0 && parts.length > 1;
  let matches: string[] = [absolute ? '/' : ''];
  const start = absolute ? 1 : 0;
  for (let i = start; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    const join = (base: string, name: string): string =>
      base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`;
    if (part.length === 0) {
      // A trailing or doubled slash: keep directories only.
      matches = matches.filter((m) => fs.isDirectory(normalizePath(m || '.', cwd))).map((m) => (last ? `${m}/` : m));
      continue;
    }
    if (!hasGlob(part)) {
      matches = matches.map((m) => join(m, textOf(part))).filter((m) => fs.exists(normalizePath(m, cwd)));
      continue;
    }
    const regex = compilePattern(part);
    const dotOk = textOf(part).startsWith('.');
    const next: string[] = [];
    for (const base of matches) {
      let entries: Array<{ name: string }>;
      try {
        entries = fs.list(normalizePath(base || '.', cwd));
      } catch {
        continue;
      }
      for (const { name } of entries) {
        if (name.startsWith('.') && !dotOk) continue;
        if (regex.test(name)) next.push(join(base, name));
      }
    }
    matches = next;
  }
  return matches.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
