// Calls that change an entry's attributes in place: chmod(2), chown(2), utimes(2), lutimes(3).
import { fail } from './fail';
import { allowed, type FsUser } from './permissions';
import { canonical, lookup, ownerOf, type Namespace } from './resolve';

/** chmod(2) as `user`: sets the permission bits (07777); EPERM unless the user owns it (or is root). */
export function chmod(ns: Namespace, user: FsUser, path: string, mode: number): void {
  const resolved = canonical(ns, path, true);
  const { node } = lookup(ns, resolved);
  const { tree, inner, readOnly } = ownerOf(ns, resolved);
  if (user.uid !== 0 && node.uid !== user.uid) fail('EPERM');
  if (readOnly) fail('EROFS');
  node.mode = mode & 0o7777;
  tree.emit(inner, false);
}

/** chown(2) (root only): sets owner and group. */
export function chown(ns: Namespace, user: FsUser, path: string, uid: number, gid: number): void {
  const resolved = canonical(ns, path, true);
  const { node } = lookup(ns, resolved);
  if (user.uid !== 0) fail('EPERM');
  node.uid = uid;
  node.gid = gid;
  const { tree, inner } = ownerOf(ns, resolved);
  tree.emit(inner, false);
}

/** utimes(2) as `user`: sets the modification time; the file must exist. */
export function utimes(ns: Namespace, user: FsUser, path: string, mtime: number): void {
  const resolved = canonical(ns, path, true);
  const { node } = lookup(ns, resolved);
  const { tree, inner, readOnly } = ownerOf(ns, resolved);
  if (readOnly) fail('EROFS');
  if (user.uid !== 0 && node.uid !== user.uid && !allowed(user, node, 2)) fail('EACCES');
  node.mtime = mtime;
  tree.emit(inner, false);
}

/** lutimes(3) as `user`: sets the modification time of `path` itself, a symlink included. */
export function lutimes(ns: Namespace, user: FsUser, path: string, mtime: number): void {
  const resolved = canonical(ns, path, false);
  const { node } = lookup(ns, resolved, false);
  const { tree, inner, readOnly } = ownerOf(ns, resolved);
  if (readOnly) fail('EROFS');
  if (user.uid !== 0 && node.uid !== user.uid) fail('EPERM');
  node.mtime = mtime;
  tree.emit(inner, false);
}
