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

/** The length of `text` in UTF-8 bytes: what stat(2) reports as a file's size. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
