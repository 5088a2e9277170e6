import { utf8Length } from '../../util/utf8';

/** What an inode is. */
export type InodeKind = 'file' | 'directory' | 'symlink';

interface InodeBase {
  /** Permission bits with setuid/setgid/sticky (07777), without the type. */
  mode: number;
  uid: number;
  gid: number;
  /** Last modification, epoch milliseconds. */
  mtime: number;
}

/** A regular file: its text. */
export interface FileInode extends InodeBase {
  kind: 'file';
  data: string;
  /** Size in UTF-8 bytes, kept with the data. */
  size: number;
}

/** A directory: its entries by name. */
export interface DirectoryInode extends InodeBase {
  kind: 'directory';
  entries: Map<string, Inode>;
}

/** A symbolic link: the path it points to, as written. */
export interface SymlinkInode extends InodeBase {
  kind: 'symlink';
  target: string;
}

/** One node of the tree. */
export type Inode = FileInode | DirectoryInode | SymlinkInode;

/** What stat(2) and lstat(2) report. */
export interface Stat {
  kind: InodeKind;
  /** Permission bits (07777). */
  mode: number;
  /** Bytes: a file's data, a symlink's target, 4096 for a directory. */
  size: number;
  mtime: number;
  /** Links: 1 for files and symlinks; 2 plus subdirectories for a directory. */
  nlink: number;
  uid: number;
  gid: number;
}

/** The stat of `node`. */
export function statOf(node: Inode): Stat {
  let nlink = 1;
  let size = 4096;
  if (node.kind === 'directory') {
    nlink = 2;
    for (const child of node.entries.values()) if (child.kind === 'directory') nlink++;
  } else if (node.kind === 'file') size = node.size;
  else size = utf8Length(node.target);
  return { kind: node.kind, mode: node.mode, size, mtime: node.mtime, nlink, uid: node.uid, gid: node.gid };
}
