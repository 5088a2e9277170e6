import { FsError } from './errors';
import { statOf, type DirectoryInode, type FileInode, type Inode, type InodeKind, type Stat } from './inode';
import { joinPath, nameOf, normalizePath, parentOf, utf8Length } from './path';

export { normalizePath } from './path';
export type { Stat, InodeKind } from './inode';

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

/** Who owns new files and whose permissions are checked. */
export interface FsUser {
  uid: number;
  gid: number;
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

/** Called after each change: the path (inside this volume) and whether all below it changed. */
export type ChangeListener = (path: string, subtree: boolean) => void;

interface Mount {
  path: string;
  volume: Volume;
  readOnly: boolean;
  source: string;
}

/** How many symlinks one lookup follows before ELOOP (Linux's MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

const fail = (code: ConstructorParameters<typeof FsError>[0]): never => {
  throw new FsError(code);
};

/**
 * A POSIX-like filesystem in memory: directories, files and symlinks with mode bits, owners and
 * modification times, and other Volumes mounted over directories (a mount's root is a directory
 * of the other volume; a read-only mount refuses writes with EROFS). Used as a container's
 * filesystem by the kubelet and as the learner's host by the shell. Paths are absolute, or
 * relative to `/`; errors are FsErrors whose message is the errno name.
 */
export class Volume {
  private readonly root: DirectoryInode;
  private readonly mounts: Mount[] = [];
  private readonly listeners = new Set<ChangeListener>();
  private readonly clock: () => number;
  private readonly user: FsUser;
  /** The byte limit on file data (Infinity when unlimited). */
  readonly capacity: number;
  private used = 0;

  /** @param initial files by absolute path (parent directories are implied). */
  constructor(initial: Record<string, string | FileEntry> = {}, options: VolumeOptions = {}) {
    this.clock = options.now ?? (() => 0);
    this.capacity = options.capacity ?? Infinity;
    this.user = options.user ?? { uid: 0, gid: 0 };
    this.root = this.newDirectory(0o755);
    this.root.uid = this.root.gid = 0;
    for (const [path, entry] of Object.entries(initial)) {
      if (typeof entry === 'string') this.writeFile(path, entry);
      else this.writeFile(path, entry.data, entry.mode);
    }
  }

  /** The current time on the volume's clock. */
  now(): number {
    return this.clock();
  }

  /** Bytes of file data stored in this volume (not its mounts). */
  usedBytes(): number {
    return this.used;
  }

  /** Subscribes to changes of this volume's own tree; returns an unsubscribe. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Mounts directory `source` of `volume` at `path` (created if missing); later mounts shadow
   * earlier ones. A bind of a host directory is `mount('/', hostFs, false, '/data')`.
   */
  mount(path: string, volume: Volume, readOnly = false, source = '/'): void {
    path = normalizePath(path);
    this.mkdir(path);
    volume.mkdir(source);
    this.mounts.push({ path, volume, readOnly, source: normalizePath(source) });
  }

  // ---- lookups ----

  /** The volume holding absolute symlink-free `path`, the path inside it, and whether read-only. */
  private owner(path: string): { volume: Volume; inner: string; readOnly: boolean } {
    for (let i = this.mounts.length - 1; i >= 0; i--) {
      const m = this.mounts[i];
      if (path === m.path || path.startsWith(m.path === '/' ? '/' : `${m.path}/`)) {
        const rest = m.path === '/' ? path : path.slice(m.path.length);
        const inner = m.volume.owner(normalizePath(`${m.source}/${rest}`));
        return { ...inner, readOnly: inner.readOnly || m.readOnly };
      }
    }
    return { volume: this, inner: path, readOnly: false };
  }

  /** The node at `inner` in this volume's own tree, following nothing. */
  private nodeIn(inner: string): Inode | undefined {
    let node: Inode = this.root;
    for (const part of inner.split('/')) {
      if (part === '') continue;
      if (node.kind !== 'directory') return undefined;
      const next = node.entries.get(part);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  /** The node at symlink-free `path`, through mounts (a symlink is returned, not followed). */
  private nodeAt(path: string): Inode | undefined {
    const { volume, inner } = this.owner(path);
    return volume.nodeIn(inner);
  }

  /**
   * `path` with every symlink resolved (the last component's only when `followLast`). The last
   * component may be missing; a missing or non-directory parent throws ENOENT or ENOTDIR.
   */
  private canonical(path: string, followLast: boolean): string {
    const pending = normalizePathKeepDots(path).reverse();
    let current = '/';
    let links = 0;
    while (pending.length > 0) {
      const part = pending.pop() as string;
      if (part === '..') {
        current = parentOf(current);
        continue;
      }
      const candidate = joinPath(current, part);
      const node = this.nodeAt(candidate);
      const last = pending.length === 0;
      if (!node) {
        if (!last) fail('ENOENT');
        return candidate;
      }
      if (node.kind === 'symlink' && (!last || followLast)) {
        if (++links > MAX_SYMLINKS) fail('ELOOP');
        if (node.target.startsWith('/')) current = '/';
        pending.push(...normalizePathKeepDots(node.target).reverse());
        continue;
      }
      if (!last && node.kind !== 'directory') fail('ENOTDIR');
      current = candidate;
    }
    return current;
  }

  /** The node `path` names (following symlinks unless `follow` is false); throws ENOENT. */
  private lookup(path: string, follow = true): { node: Inode; path: string } {
    const resolved = this.canonical(path, follow);
    const node = this.nodeAt(resolved);
    if (!node) return fail('ENOENT');
    return { node, path: resolved };
  }

  /**
   * Where a new entry `path` would go: its parent directory node (which must exist), its name,
   * the owning volume and path inside it. Throws EROFS on a read-only mount.
   */
  private slot(path: string, followLast = false) {
    const resolved = this.canonical(path, followLast);
    if (resolved === '/') fail('EEXIST');
    const dirPath = parentOf(resolved);
    const dir = this.nodeAt(dirPath);
    if (!dir) return fail('ENOENT');
    if (dir.kind !== 'directory') return fail('ENOTDIR');
    const { volume, inner, readOnly } = this.owner(resolved);
    const name = nameOf(resolved);
    return { resolved, dir, name, existing: dir.entries.get(name), volume, inner, readOnly };
  }

  // ---- permissions ----

  private allowed(node: Inode, bit: 4 | 2 | 1): boolean {
    if (this.user.uid === 0) return true;
    const shift = node.uid === this.user.uid ? 6 : node.gid === this.user.gid ? 3 : 0;
    return ((node.mode >> shift) & bit) !== 0;
  }

  /** Checks that the user may add or remove `victim` in `dir` (write, and the sticky bit). */
  private checkDirWrite(dir: DirectoryInode, victim?: Inode): void {
    if (!this.allowed(dir, 2) || !this.allowed(dir, 1)) fail('EACCES');
    if (victim && dir.mode & 0o1000 && this.user.uid !== 0) {
      if (victim.uid !== this.user.uid && dir.uid !== this.user.uid) fail('EPERM');
    }
  }

  // ---- inodes ----

  private newDirectory(mode: number): DirectoryInode {
    return { kind: 'directory', mode, uid: this.user.uid, gid: this.user.gid, mtime: this.clock(), entries: new Map() };
  }

  private emit(path: string, subtree: boolean): void {
    for (const listener of this.listeners) listener(path, subtree);
  }

  /** Adds `node` as `name` of `dir` in this (owning) volume; `inner` is its path here. */
  private link(dir: DirectoryInode, name: string, node: Inode, inner: string): void {
    dir.entries.set(name, node);
    dir.mtime = this.clock();
    this.emit(parentOf(inner), false);
    this.emit(inner, node.kind === 'directory' && node.entries.size > 0);
  }

  private unlinkEntry(dir: DirectoryInode, name: string, inner: string): void {
    const node = dir.entries.get(name);
    if (node) this.used -= bytesUnder(node);
    dir.entries.delete(name);
    dir.mtime = this.clock();
    this.emit(parentOf(inner), false);
    this.emit(inner, true);
  }

  // ---- queries ----

  isDirectory(path: string): boolean {
    try {
      return this.lookup(path).node.kind === 'directory';
    } catch {
      return false;
    }
  }

  /** Whether `path` names something (a dangling symlink does not). */
  exists(path: string): boolean {
    try {
      this.lookup(path);
      return true;
    } catch {
      return false;
    }
  }

  /** stat(2): what `path` names, symlinks followed. */
  stat(path: string): Stat {
    return statOf(this.lookup(path).node);
  }

  /** lstat(2): what `path` names, a final symlink itself. */
  lstat(path: string): Stat {
    return statOf(this.lookup(path, false).node);
  }

  /** The target of symlink `path`, as written; EINVAL when it is not a symlink. */
  readlink(path: string): string {
    const { node } = this.lookup(path, false);
    if (node.kind !== 'symlink') return fail('EINVAL');
    return node.target;
  }

  /** The absolute path `path` names with every symlink resolved; it must exist. */
  realpath(path: string): string {
    return this.lookup(path).path;
  }

  /** The file at `path`; throws ENOENT, EISDIR or EACCES. */
  readFile(path: string): string {
    const { node } = this.lookup(path);
    if (node.kind === 'directory') return fail('EISDIR');
    if (node.kind !== 'file') return fail('ENOENT');
    if (!this.allowed(node, 4)) fail('EACCES');
    return node.data;
  }

  /** The names in a directory, sorted by code unit; throws ENOENT, ENOTDIR or EACCES. */
  list(path: string): DirEntry[] {
    const { node, path: resolved } = this.lookup(path);
    if (node.kind !== 'directory') return fail('ENOTDIR');
    if (!this.allowed(node, 4)) fail('EACCES');
    const names = new Map<string, InodeKind>();
    for (const [name, child] of node.entries) names.set(name, child.kind);
    const here = resolved === '/' ? '/' : `${resolved}/`;
    for (const m of this.mounts)
      if (m.path !== '/' && parentOf(m.path) === resolved && m.path.startsWith(here))
        names.set(m.path.slice(here.length), 'directory');
    return [...names]
      .map(([name, kind]) => ({ name, kind, directory: kind === 'directory' }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // ---- writes ----

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
    const s = this.slot(path, true);
    if (s.existing?.kind === 'directory') fail('EISDIR');
    if (s.readOnly) fail('EROFS');
    const file = s.existing as FileInode | undefined;
    if (file) {
      if (!this.allowed(file, 2)) fail('EACCES');
    } else this.checkDirWrite(s.dir);
    const text = options.append && file ? file.data + data : data;
    const size = utf8Length(text);
    const delta = size - (file?.size ?? 0);
    if (delta > 0 && s.volume.used + delta > s.volume.capacity) fail('ENOSPC');
    s.volume.used += delta;
    if (file) {
      file.data = text;
      file.size = size;
      file.mtime = s.volume.clock();
      if (options.mode !== undefined) file.mode = options.mode & 0o7777;
      s.volume.emit(s.inner, false);
      return;
    }
    const node: FileInode = {
      kind: 'file',
      mode: (options.mode ?? 0o644) & 0o7777,
      uid: this.user.uid,
      gid: this.user.gid,
      mtime: s.volume.clock(),
      data: text,
      size,
    };
    s.volume.link(s.dir, s.name, node, s.inner);
  }

  /** Creates a directory and its parents (as `mkdir -p`); existing directories are kept. */
  mkdir(path: string): void {
    const parts = normalizePath(path).split('/').filter(Boolean);
    let current = '/';
    for (const part of parts) {
      current = joinPath(current, part);
      const found = this.exists(current);
      if (!found) this.createDirectory(current);
      else if (!this.isDirectory(current)) fail('ENOTDIR');
    }
  }

  /** mkdir(2): one new directory; EEXIST when `path` exists, ENOENT when its parent does not. */
  createDirectory(path: string, mode = 0o755): void {
    const s = this.slot(path);
    if (s.existing) fail('EEXIST');
    if (s.readOnly) fail('EROFS');
    this.checkDirWrite(s.dir);
    s.volume.link(s.dir, s.name, s.volume.newDirectoryAs(mode & 0o7777, this.user), s.inner);
  }

  private newDirectoryAs(mode: number, user: FsUser): DirectoryInode {
    return { ...this.newDirectory(mode), uid: user.uid, gid: user.gid };
  }

  /** symlink(2): a new link at `path` pointing to `target` (not checked). */
  symlink(target: string, path: string): void {
    const s = this.slot(path);
    if (s.existing) fail('EEXIST');
    if (s.readOnly) fail('EROFS');
    this.checkDirWrite(s.dir);
    const node: Inode = {
      kind: 'symlink',
      target,
      mode: 0o777,
      uid: this.user.uid,
      gid: this.user.gid,
      mtime: s.volume.clock(),
    };
    s.volume.link(s.dir, s.name, node, s.inner);
  }

  /** Removes a file or symlink, or a directory with everything under it. */
  remove(path: string): void {
    const s = this.slot(path);
    if (!s.existing) fail('ENOENT');
    if (s.readOnly) fail('EROFS');
    this.checkDirWrite(s.dir, s.existing);
    s.volume.unlinkEntry(s.dir, s.name, s.inner);
  }

  /** unlink(2): removes a file or symlink; EISDIR for a directory. */
  unlink(path: string): void {
    const s = this.slot(path);
    if (!s.existing) fail('ENOENT');
    if (s.existing?.kind === 'directory') fail('EISDIR');
    if (s.readOnly) fail('EROFS');
    this.checkDirWrite(s.dir, s.existing);
    s.volume.unlinkEntry(s.dir, s.name, s.inner);
  }

  /** rmdir(2): removes an empty directory; ENOTDIR, ENOTEMPTY, EBUSY for `/`. */
  rmdir(path: string): void {
    if (this.canonical(path, false) === '/') fail('EBUSY');
    const s = this.slot(path);
    if (!s.existing) fail('ENOENT');
    if (s.existing?.kind !== 'directory') fail('ENOTDIR');
    if ((s.existing as DirectoryInode).entries.size > 0) fail('ENOTEMPTY');
    if (s.readOnly) fail('EROFS');
    this.checkDirWrite(s.dir, s.existing);
    s.volume.unlinkEntry(s.dir, s.name, s.inner);
  }

  /**
   * rename(2): moves `from` to `to`, replacing a file there or an empty directory. EXDEV across
   * volumes, EINVAL into its own subtree, EISDIR/ENOTDIR/ENOTEMPTY as Linux reports them.
   */
  rename(from: string, to: string): void {
    const a = this.slot(from);
    if (!a.existing) return fail('ENOENT');
    const b = this.slot(to);
    if (a.readOnly || b.readOnly) fail('EROFS');
    if (a.volume !== b.volume) fail('EXDEV');
    if (a.resolved === b.resolved) return;
    if (b.resolved.startsWith(`${a.resolved}/`)) fail('EINVAL');
    const moving = a.existing;
    if (b.existing) {
      if (b.existing.kind === 'directory') {
        if (moving.kind !== 'directory') fail('EISDIR');
        if ((b.existing as DirectoryInode).entries.size > 0) fail('ENOTEMPTY');
      } else if (moving.kind === 'directory') fail('ENOTDIR');
    }
    this.checkDirWrite(a.dir, moving);
    this.checkDirWrite(b.dir, b.existing);
    const v = a.volume;
    if (b.existing) v.unlinkEntry(b.dir, b.name, b.inner);
    a.dir.entries.delete(a.name);
    a.dir.mtime = v.clock();
    v.emit(parentOf(a.inner), false);
    v.emit(a.inner, true);
    b.dir.entries.set(b.name, moving);
    b.dir.mtime = v.clock();
    v.emit(parentOf(b.inner), false);
    v.emit(b.inner, true);
  }

  /** chmod(2): sets the permission bits (07777); EPERM unless the user owns it (or is root). */
  chmod(path: string, mode: number): void {
    const resolved = this.canonical(path, true);
    const { node } = this.lookup(resolved);
    const { volume, inner, readOnly } = this.owner(resolved);
    if (this.user.uid !== 0 && node.uid !== this.user.uid) fail('EPERM');
    if (readOnly) fail('EROFS');
    node.mode = mode & 0o7777;
    volume.emit(inner, false);
  }

  /** chown(2) (root only): sets owner and group. */
  chown(path: string, uid: number, gid: number): void {
    const resolved = this.canonical(path, true);
    const { node } = this.lookup(resolved);
    if (this.user.uid !== 0) fail('EPERM');
    node.uid = uid;
    node.gid = gid;
    const { volume, inner } = this.owner(resolved);
    volume.emit(inner, false);
  }

  /** utimes(2): sets the modification time (default now); the file must exist. */
  utimes(path: string, mtime = this.clock()): void {
    const resolved = this.canonical(path, true);
    const { node } = this.lookup(resolved);
    const { volume, inner, readOnly } = this.owner(resolved);
    if (readOnly) fail('EROFS');
    if (this.user.uid !== 0 && node.uid !== this.user.uid && !this.allowed(node, 2)) fail('EACCES');
    node.mtime = mtime;
    volume.emit(inner, false);
  }

  /** lutimes(3): sets the modification time of `path` itself, a symlink included. */
  lutimes(path: string, mtime = this.clock()): void {
    const resolved = this.canonical(path, false);
    const { node } = this.lookup(resolved, false);
    const { volume, inner, readOnly } = this.owner(resolved);
    if (readOnly) fail('EROFS');
    if (this.user.uid !== 0 && node.uid !== this.user.uid) fail('EPERM');
    node.mtime = mtime;
    volume.emit(inner, false);
  }

  /**
   * Restores one node exactly as stored (persistence): parents must exist; replaces what is there.
   * Bypasses permissions, capacity and read-only checks; emits nothing.
   */
  restore(path: string, node: Inode): void {
    if (normalizePath(path) === '/') {
      const { mode, uid, gid, mtime } = node;
      Object.assign(this.root, { mode, uid, gid, mtime });
      return;
    }
    const dir = this.nodeIn(parentOf(normalizePath(path)));
    if (dir?.kind !== 'directory') return fail('ENOENT');
    const name = nameOf(normalizePath(path));
    const old = dir.entries.get(name);
    if (old) this.used -= bytesUnder(old);
    if (old?.kind === 'directory' && node.kind === 'directory') node.entries = old.entries;
    dir.entries.set(name, node);
    this.used += bytesUnder(node);
  }

  /** The raw node at `path` of this volume's own tree (no mounts, no symlinks), for persistence. */
  inode(path: string): Inode | undefined {
    return this.nodeIn(normalizePath(path));
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

/** The components of `path` with `.` and empty ones dropped, `..` kept (resolved with links). */
function normalizePathKeepDots(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}
