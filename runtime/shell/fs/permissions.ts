import { fail } from './fail';
import type { DirectoryInode, Inode } from './inode';

/** Who owns new files and whose permissions are checked. */
export interface FsUser {
  uid: number;
  gid: number;
}

/** Whether `user` has permission `bit` (4 read, 2 write, 1 search) on `node`; root always has. */
export function allowed(user: FsUser, node: Inode, bit: 4 | 2 | 1): boolean {
  if (user.uid === 0) return true;
  const shift = node.uid === user.uid ? 6 : node.gid === user.gid ? 3 : 0;
  return ((node.mode >> shift) & bit) !== 0;
}

/** Checks that `user` may add or remove `victim` in `dir` (write, and the sticky bit). */
export function checkDirWrite(user: FsUser, dir: DirectoryInode, victim?: Inode): void {
  if (!allowed(user, dir, 2) || !allowed(user, dir, 1)) fail('EACCES');
  if (victim && dir.mode & 0o1000 && user.uid !== 0) {
    if (victim.uid !== user.uid && dir.uid !== user.uid) fail('EPERM');
  }
}
