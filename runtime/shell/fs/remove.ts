// Calls that take entries away or move them: unlink(2), rmdir(2), rename(2), and `rm -r`'s remove.
import { fail } from './fail';
import type { DirectoryInode } from './inode';
import { checkDirWrite, type FsUser } from './permissions';
import { canonical, slot, type Namespace } from './resolve';

/** Removes a file or symlink, or a directory with everything under it, as `user`. */
export function remove(ns: Namespace, user: FsUser, path: string): void {
  const s = slot(ns, path);
  if (!s.existing) fail('ENOENT');
  if (s.readOnly) fail('EROFS');
  checkDirWrite(user, s.dir, s.existing);
  s.tree.unlink(s);
}

/** unlink(2) as `user`: removes a file or symlink; EISDIR for a directory. */
export function unlink(ns: Namespace, user: FsUser, path: string): void {
  const s = slot(ns, path);
  if (!s.existing) fail('ENOENT');
  if (s.existing?.kind === 'directory') fail('EISDIR');
  if (s.readOnly) fail('EROFS');
  checkDirWrite(user, s.dir, s.existing);
  s.tree.unlink(s);
}

/** rmdir(2) as `user`: removes an empty directory; ENOTDIR, ENOTEMPTY, EBUSY for `/`. */
export function rmdir(ns: Namespace, user: FsUser, path: string): void {
  if (canonical(ns, path, false) === '/') fail('EBUSY');
  const s = slot(ns, path);
  if (!s.existing) fail('ENOENT');
  if (s.existing?.kind !== 'directory') fail('ENOTDIR');
  if ((s.existing as DirectoryInode).entries.size > 0) fail('ENOTEMPTY');
  if (s.readOnly) fail('EROFS');
  checkDirWrite(user, s.dir, s.existing);
  s.tree.unlink(s);
}

/**
 * rename(2) as `user`: moves `from` to `to`, replacing a file there or an empty directory. EXDEV
 * across volumes, EINVAL into its own subtree, EISDIR/ENOTDIR/ENOTEMPTY as Linux reports them.
 */
export function rename(ns: Namespace, user: FsUser, from: string, to: string): void {
  const a = slot(ns, from);
  if (!a.existing) return fail('ENOENT');
  const b = slot(ns, to);
  if (a.readOnly || b.readOnly) fail('EROFS');
  if (a.tree !== b.tree) fail('EXDEV');
  if (a.resolved === b.resolved) return;
  if (b.resolved.startsWith(`${a.resolved}/`)) fail('EINVAL');
  const moving = a.existing;
  if (b.existing) {
    if (b.existing.kind === 'directory') {
      if (moving.kind !== 'directory') fail('EISDIR');
      if ((b.existing as DirectoryInode).entries.size > 0) fail('ENOTEMPTY');
    } else if (moving.kind === 'directory') fail('ENOTDIR');
  }
  checkDirWrite(user, a.dir, moving);
  checkDirWrite(user, b.dir, b.existing);
  if (b.existing) a.tree.unlink(b);
  a.tree.move(a, b, moving);
}
