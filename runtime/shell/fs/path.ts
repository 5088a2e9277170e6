/** Normalises `path` to an absolute path without `.`, `..` or repeated slashes (no symlinks). */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The directory holding absolute normalised `path` (`/` for `/`). */
export const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';

/** The last component of absolute normalised `path` ('' for `/`). */
export const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** `dir` joined with `name`. */
export const joinPath = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);
