import { chmod, chown, lutimes, utimes } from './attributes';
import { createDirectory, symlink, writeTo } from './create';
import { fail } from './fail';
import { statOf, type Inode, type InodeKind, type Stat } from './inode';
import { InodeTree, type ChangeListener } from './inode-tree';
import { joinPath, normalizePath, parentOf } from './path';
import { allowed, type FsUser } from './permissions';
import { remove, rename, rmdir, unlink } from './remove';
import { findNode, lookup, mountNamesIn, type Namespace } from './resolve';

export { normalizePath } from './path';
export type { Stat, InodeKind } from './inode';
export type { ChangeListener } from './inode-tree';
export type { FsUser } from './permissions';

/** One file: its text and permission bits. */
export interface FileEntry {
  data: string;
  mode: number;
}

/** What a directory listing holds for each name. */
export interface DirEntry {
  name: string;
  /** A directory (a symlink to one is not). */
  directory: boolean;
  kind: InodeKind;
}

/** How a Volume is built. */
export interface VolumeOptions {
  /** The clock for modification times, epoch ms; default always 0. */
  now?: () => number;
  /** Bytes of file data the volume holds before writes fail with ENOSPC; default unlimited. */
  capacity?: number;
  /** The user every call acts as; default root (0:0), which bypasses permission checks. */
  user?: FsUser;
}

/**
 * A POSIX-like filesystem in memory: directories, files and symlinks with mode bits, owners and
 * modification times, and other Volumes mounted over directories (a mount's root is a directory
 * of the other volume; a read-only mount refuses writes with EROFS). Used as a container's
 * filesystem by the kubelet and as the learner's host by the shell. Paths are absolute, or
 * relative to `/`; errors are FsErrors whose message is the errno name.
 *
 * The work is done by modules beside this one: resolve.ts finds what a path names (mounts,
 * symlinks), create.ts, remove.ts and attributes.ts are the calls that change the tree, and
 * inode-tree.ts holds one volume's own nodes, byte count and change listeners.
 */
export class Volume {
  private readonly ns: Namespace;
  private readonly user: FsUser;

  /** @param initial files by absolute path (parent directories are implied). */
  constructor(initial: Record<string, string | FileEntry> = {}, options: VolumeOptions = {}) {
    this.user = options.user ?? { uid: 0, gid: 0 };
    this.ns = { tree: new InodeTree(options.now ?? (() => 0), options.capacity ?? Infinity, this.user), mounts: [] };
    for (const [path, entry] of Object.entries(initial)) {
      if (typeof entry === 'string') this.writeFile(path, entry);
      else this.writeFile(path, entry.data, entry.mode);
    }
  }

  /** The byte limit on file data (Infinity when unlimited). */
  get capacity(): number {
    return this.ns.tree.capacity;
  }

  /** The current time on the volume's clock. */
  now(): number {
    return this.ns.tree.clock();
  }

  /** Bytes of file data stored in this volume (not its mounts). */
  usedBytes(): number {
    return this.ns.tree.used;
  }

  /** Subscribes to changes of this volume's own tree; returns an unsubscribe. */
  onChange(listener: ChangeListener): () => void {
    return this.ns.tree.onChange(listener);
  }

  /**
   * Mounts directory `source` of `volume` at `path` (created if missing); later mounts shadow
   * earlier ones. A bind of a host directory is `mount('/', hostFs, false, '/data')`.
   */
  mount(path: string, volume: Volume, readOnly = false, source = '/'): void {
    path = normalizePath(path);
    this.mkdir(path);
    volume.mkdir(source);
    this.ns.mounts.push({ path, target: volume.ns, readOnly, source: normalizePath(source) });
  }

  // ---- queries ----

  isDirectory(path: string): boolean {
    return findNode(this.ns, path)?.kind === 'directory';
  }

  /** Whether `path` names something (a dangling symlink does not). */
  exists(path: string): boolean {
    return findNode(this.ns, path) !== undefined;
  }

  /** stat(2): what `path` names, symlinks followed. */
  stat(path: string): Stat {
    return statOf(lookup(this.ns, path).node);
  }

  /** lstat(2): what `path` names, a final symlink itself. */
  lstat(path: string): Stat {
    return statOf(lookup(this.ns, path, false).node);
  }

  /** The target of symlink `path`, as written; EINVAL when it is not a symlink. */
  readlink(path: string): string {
    const { node } = lookup(this.ns, path, false);
    if (node.kind !== 'symlink') return fail('EINVAL');
    return node.target;
  }

  /** The absolute path `path` names with every symlink resolved; it must exist. */
  realpath(path: string): string {
    return lookup(this.ns, path).path;
  }

  /** The file at `path`; throws ENOENT, EISDIR or EACCES. */
  readFile(path: string): string {
    const { node } = lookup(this.ns, path);
    if (node.kind === 'directory') return fail('EISDIR');
    if (node.kind !== 'file') return fail('ENOENT');
    if (!allowed(this.user, node, 4)) fail('EACCES');
    return node.data;
  }

  /** The names in a directory, sorted by code unit; throws ENOENT, ENOTDIR or EACCES. */
  list(path: string): DirEntry[] {
    const { node, path: resolved } = lookup(this.ns, path);
    if (node.kind !== 'directory') return fail('ENOTDIR');
    if (!allowed(this.user, node, 4)) fail('EACCES');
    const names = new Map<string, InodeKind>();
    for (const [name, child] of node.entries) names.set(name, child.kind);
    for (const name of mountNamesIn(this.ns, resolved)) names.set(name, 'directory');
    return [...names]
      .map(([name, kind]) => ({ name, kind, directory: kind === 'directory' }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // ---- changes ----

  /**
   * Writes (or replaces) a file, creating parent directories. `mode` sets the permission bits;
   * without it a new file gets 0644 and an existing one keeps its own.
   */
  writeFile(path: string, data: string, mode?: number): void {
    const absolute = normalizePath(path);
    if (absolute !== '/') this.mkdir(parentOf(absolute));
    this.writeTo(absolute, data, { mode });
  }

  /** Appends to a file, creating it (its directory must exist). */
  appendFile(path: string, data: string): void {
    this.writeTo(path, data, { append: true });
  }

  /**
   * open(2) and write(2): replaces (or with `append`, extends) the file at `path`, following
   * symlinks; creates it with `mode` (default 0644) when missing. The directory must exist.
   */
  writeTo(path: string, data: string, options: { append?: boolean; mode?: number } = {}): void {
    writeTo(this.ns, this.user, path, data, options);
  }

  /** Creates a directory and its parents (as `mkdir -p`); existing directories are kept. */
  mkdir(path: string): void {
    const parts = normalizePath(path).split('/').filter(Boolean);
    let current = '/';
    for (const part of parts) {
      current = joinPath(current, part);
      const found = findNode(this.ns, current);
      if (!found) this.createDirectory(current);
      else if (found.kind !== 'directory') fail('ENOTDIR');
    }
  }

  /** mkdir(2): one new directory; EEXIST when `path` exists, ENOENT when its parent does not. */
  createDirectory(path: string, mode = 0o755): void {
    createDirectory(this.ns, this.user, path, mode);
  }

  /** symlink(2): a new link at `path` pointing to `target` (not checked). */
  symlink(target: string, path: string): void {
    symlink(this.ns, this.user, target, path);
  }

  /** Removes a file or symlink, or a directory with everything under it. */
  remove(path: string): void {
    remove(this.ns, this.user, path);
  }

  /** unlink(2): removes a file or symlink; EISDIR for a directory. */
  unlink(path: string): void {
    unlink(this.ns, this.user, path);
  }

  /** rmdir(2): removes an empty directory; ENOTDIR, ENOTEMPTY, EBUSY for `/`. */
  rmdir(path: string): void {
    rmdir(this.ns, this.user, path);
  }

  /**
   * rename(2): moves `from` to `to`, replacing a file there or an empty directory. EXDEV across
   * volumes, EINVAL into its own subtree, EISDIR/ENOTDIR/ENOTEMPTY as Linux reports them.
   */
  rename(from: string, to: string): void {
    rename(this.ns, this.user, from, to);
  }

  /** chmod(2): sets the permission bits (07777); EPERM unless the user owns it (or is root). */
  chmod(path: string, mode: number): void {
    chmod(this.ns, this.user, path, mode);
  }

  /** chown(2) (root only): sets owner and group. */
  chown(path: string, uid: number, gid: number): void {
    chown(this.ns, this.user, path, uid, gid);
  }

  /** utimes(2): sets the modification time (default now); the file must exist. */
  utimes(path: string, mtime = this.now()): void {
    utimes(this.ns, this.user, path, mtime);
  }

  /** lutimes(3): sets the modification time of `path` itself, a symlink included. */
  lutimes(path: string, mtime = this.now()): void {
    lutimes(this.ns, this.user, path, mtime);
  }

  // ---- persistence ----

  /**
   * Restores one node exactly as stored (persistence): parents must exist; replaces what is there.
   * Bypasses permissions, capacity and read-only checks; emits nothing.
   */
  restore(path: string, node: Inode): void {
    this.ns.tree.restore(path, node);
  }

  /** The raw node at `path` of this volume's own tree (no mounts, no symlinks), for persistence. */
  inode(path: string): Inode | undefined {
    return this.ns.tree.find(normalizePath(path));
  }
}
