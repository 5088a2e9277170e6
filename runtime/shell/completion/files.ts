import type { Volume } from '../fs/volume';

/** Directory part and name part of a path being typed (`manifests/po` → `manifests/`, `po`). */
function splitPath(word: string): { dir: string; name: string } {
  const slash = word.lastIndexOf('/');
  return slash < 0 ? { dir: '', name: word } : { dir: word.slice(0, slash + 1), name: word.slice(slash + 1) };
}

/**
 * The files and directories whose paths start with `word`, relative to `cwd` (with `~` for the
 * home directory), as bash's default filename completion finds them: directories end with `/`,
 * hidden files only when the name typed starts with a dot.
 */
export function fileCandidates(
  fs: Volume,
  cwd: string,
  home: string,
  word: string,
): { paths: string[]; names: string[] } {
  const { dir, name } = splitPath(word);
  const expanded = dir.startsWith('~/') || dir === '~' ? home + dir.slice(1) : dir;
  const base = expanded.startsWith('/') ? expanded : `${cwd}/${expanded}`;
  let entries: Array<{ name: string; directory: boolean }>;
  try {
    entries = fs.list(base || '/');
  } catch {
    return { paths: [], names: [] };
  }
  const matching = entries.filter((e) => e.name.startsWith(name) && (name.startsWith('.') || !e.name.startsWith('.')));
  return {
    paths: matching.map((e) => `${dir}${e.name}${e.directory ? '/' : ''}`),
    names: matching.map((e) => `${e.name}${e.directory ? '/' : ''}`),
  };
}
