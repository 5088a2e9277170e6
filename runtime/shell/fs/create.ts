// Calls that create or write entries: open(2)+write(2), mkdir(2), symlink(2).
import { fail } from './fail';
import type { FileInode, Inode } from './inode';
import { utf8Length } from '../../util/utf8';
import { allowed, checkDirWrite, type FsUser } from './permissions';
import { slot, type Namespace } from './resolve';

/**
 * open(2) and write(2) as `user`: replaces (or with `append`, extends) the file at `path`,
 * following symlinks; creates it with `mode` (default 0644) when missing. The directory must exist.
 */
export function writeTo(
  ns: Namespace,
  user: FsUser,
  path: string,
  data: string,
  options: { append?: boolean; mode?: number },
): void {
  const s = slot(ns, path, true);
  if (s.existing?.kind === 'directory') fail('EISDIR');
  if (s.readOnly) fail('EROFS');
  const file = s.existing as FileInode | undefined;
  if (file) {
    if (!allowed(user, file, 2)) fail('EACCES');
  } else checkDirWrite(user, s.dir);
  const text = options.append && file ? file.data + data : data;
  const size = utf8Length(text);
  s.tree.charge(size - (file?.size ?? 0));
  if (file) {
    file.data = text;
    file.size = size;
    file.mtime = s.tree.clock();
    if (options.mode !== undefined) file.mode = options.mode & 0o7777;
    s.tree.emit(s.inner, false);
    return;
  }
  const node: FileInode = {
    kind: 'file',
    mode: (options.mode ?? 0o644) & 0o7777,
    uid: user.uid,
    gid: user.gid,
    mtime: s.tree.clock(),
    data: text,
    size,
  };
  s.tree.link(s, node);
}

/** mkdir(2) as `user`: one new directory; EEXIST when `path` exists, ENOENT when its parent does not. */
export function createDirectory(ns: Namespace, user: FsUser, path: string, mode: number): void {
  const s = slot(ns, path);
  if (s.existing) fail('EEXIST');
  if (s.readOnly) fail('EROFS');
  checkDirWrite(user, s.dir);
  s.tree.link(s, s.tree.newDirectory(mode & 0o7777, user));
}

/** symlink(2) as `user`: a new link at `path` pointing to `target` (not checked). */
export function symlink(ns: Namespace, user: FsUser, target: string, path: string): void {
  const s = slot(ns, path);
  if (s.existing) fail('EEXIST');
  if (s.readOnly) fail('EROFS');
  checkDirWrite(user, s.dir);
  const node: Inode = { kind: 'symlink', target, mode: 0o777, uid: user.uid, gid: user.gid, mtime: s.tree.clock() };
  s.tree.link(s, node);
}
