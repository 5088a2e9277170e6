// kubectl cp's file specifications (pkg/cmd/cp/filespec.go): `[[namespace/]pod:]file/path`, and
// the path arithmetic of Go's `path` package it does on them (both sides are Unix paths here).

/** One side of a copy: a local path, or a path in a pod. */
export interface FileSpec {
  podNamespace: string;
  podName: string;
  /** The path, its trailing slash stripped (newLocalPath/newRemotePath). */
  file: string;
}

/** The error of a spec that is not `[[namespace/]pod:]file/path`. */
export const FILE_SPEC_FORMAT_ERROR = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

/** stripTrailingSlash (and, for remote paths, `\` as `/`). */
const stripTrailingSlash = (file: string): string => (file !== '/' && file.endsWith('/') ? file.slice(0, -1) : file);

/** extractFileSpec: the spec `arg` names; throws FILE_SPEC_FORMAT_ERROR. */
export function extractFileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new Error(FILE_SPEC_FORMAT_ERROR);
  if (i < 0) return { podNamespace: '', podName: '', file: stripTrailingSlash(arg) };
  const pieces = arg.slice(0, i).split('/');
  const file = stripTrailingSlash(arg.slice(i + 1).replace(/\\/g, '/'));
  if (pieces.length === 1) return { podNamespace: '', podName: pieces[0], file };
  if (pieces.length === 2) return { podNamespace: pieces[0], podName: pieces[1], file };
  throw new Error(FILE_SPEC_FORMAT_ERROR);
}

/** Go's path.Clean: `.` and `..` resolved lexically, repeated slashes joined, `.` for nothing. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's path.Dir. */
export function dirPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return cleanPath(path.slice(0, slash + 1));
}

/** Go's path.Base. */
export function basePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's path.Join (empty elements skipped, the result cleaned). */
export function joinPath(...elements: string[]): string {
  const kept = elements.filter((e) => e !== '');
  return kept.length === 0 ? '' : cleanPath(kept.join('/'));
}

/** stripPathShortcuts: leading `../` removed, `.` and `..` as nothing, a leading `/` dropped. */
export function stripPathShortcuts(path: string): string {
  let stripped = path;
  while (stripped.startsWith('../')) stripped = stripped.slice(3);
  if (stripped === '.' || stripped === '..') return '';
  return stripped.startsWith('/') ? stripped.slice(1) : stripped;
}

/** isRelative: whether `target` lies inside `base` (both cleaned). */
export function isInside(base: string, target: string): boolean {
  if (base === target) return true;
  if (base === '.') return !target.startsWith('/') && target !== '..' && !target.startsWith('../');
  return target.startsWith(base === '/' ? '/' : `${base}/`);
}
