import { fail } from './fail';
import type { DirectoryInode, Inode } from './inode';
import { nameOf, normalizePath, parentOf } from './path';
import type { FsUser } from './permissions';

/** Called after each change: the path (inside this volume) and whether all below it changed. */
export type ChangeListener = (path: string, subtree: boolean) => void;

/** Where an entry sits in a tree: its directory, its name there, and its path in the tree. */
export interface Place {
  dir: DirectoryInode;
  name: string;
  inner: string;
}

/**
 * One volume's own tree of inodes, without mounts or symlink resolution: it links and unlinks
 * entries, keeps the count of bytes stored against its capacity, stamps modification times from
 * its clock and tells listeners what changed. Checks nothing else: callers have checked.
 */
export class InodeTree {
  readonly root: DirectoryInode;
  /** Bytes of file data stored in this tree. */
  used = 0;
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    /** The clock for modification times, epoch ms. */
    readonly clock: () => number,
    /** The byte limit on file data (Infinity when unlimited). */
    readonly capacity: number,
    user: FsUser,
  ) {
    this.root = this.newDirectory(0o755, user);
    this.root.uid = this.root.gid = 0;
  }

  /** Subscribes to changes; returns an unsubscribe. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(path: string, subtree: boolean): void {
    for (const listener of this.listeners) listener(path, subtree);
  }

  /** The node at `inner`, following nothing. */
  find(inner: string): Inode | undefined {
    // Walked by index rather than split: lookups run for every path a pod's setup touches.
    let node: Inode = this.root;
    for (let start = 0; start < inner.length;) {
      let end = inner.indexOf('/', start);
      if (end < 0) end = inner.length;
      if (end > start) {
        if (node.kind !== 'directory') return undefined;
        const next = node.entries.get(inner.slice(start, end));
        if (!next) return undefined;
        node = next;
      }
      start = end + 1;
    }
    return node;
  }

  /** A new empty directory owned by `user`, modified now. */
  newDirectory(mode: number, user: FsUser): DirectoryInode {
    return { kind: 'directory', mode, uid: user.uid, gid: user.gid, mtime: this.clock(), entries: new Map() };
  }

  /** Counts `delta` more bytes stored; ENOSPC (and nothing counted) when that would pass capacity. */
  charge(delta: number): void {
    if (delta > 0 && this.used + delta > this.capacity) fail('ENOSPC');
    this.used += delta;
  }

  /** Adds `node` at `place`. */
  link({ dir, name, inner }: Place, node: Inode): void {
    dir.entries.set(name, node);
    dir.mtime = this.clock();
    this.emit(parentOf(inner), false);
    this.emit(inner, node.kind === 'directory' && node.entries.size > 0);
  }

  /** Removes the entry at `place`, and the bytes stored under it. */
  unlink({ dir, name, inner }: Place): void {
    const node = dir.entries.get(name);
    if (node) this.used -= bytesUnder(node);
    dir.entries.delete(name);
    dir.mtime = this.clock();
    this.emit(parentOf(inner), false);
    this.emit(inner, true);
  }

  /** Moves `node` from `from` to the free place `to` (rename(2) within this tree). */
  move(from: Place, to: Place, node: Inode): void {
    from.dir.entries.delete(from.name);
    from.dir.mtime = this.clock();
    this.emit(parentOf(from.inner), false);
    this.emit(from.inner, true);
    to.dir.entries.set(to.name, node);
    to.dir.mtime = this.clock();
    this.emit(parentOf(to.inner), false);
    this.emit(to.inner, true);
  }

  /**
   * Restores one node exactly as stored (persistence): parents must exist; replaces what is there.
   * Bypasses permissions and capacity; emits nothing.
   */
  restore(path: string, node: Inode): void {
    if (normalizePath(path) === '/') {
      const { mode, uid, gid, mtime } = node;
      Object.assign(this.root, { mode, uid, gid, mtime });
      return;
    }
    const dir = this.find(parentOf(normalizePath(path)));
    if (dir?.kind !== 'directory') return fail('ENOENT');
    const name = nameOf(normalizePath(path));
    const old = dir.entries.get(name);
    if (old) this.used -= bytesUnder(old);
    if (old?.kind === 'directory' && node.kind === 'directory') node.entries = old.entries;
    dir.entries.set(name, node);
    this.used += bytesUnder(node);
  }
}

/** Bytes of file data in `node` and below. */
function bytesUnder(node: Inode): number {
  if (node.kind === 'file') return node.size;
  if (node.kind === 'symlink') return 0;
  let total = 0;
  for (const child of node.entries.values()) total += bytesUnder(child);
  return total;
}
