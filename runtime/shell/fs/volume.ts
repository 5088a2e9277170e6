/** One file: its text and permission bits. */
export interface FileEntry {
  data: string;
  mode: number;
}

/** What a directory listing holds for each name. */
export interface DirEntry {
  name: string;
  directory: boolean;
}

/** Normalises `path` to an absolute path without `.`, `..` or repeated slashes. */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';

/**
 * A container's filesystem: the image's files in memory, with volumes mounted over directories
 * (a mount is another Volume whose root appears at the mount path; a read-only mount refuses
 * writes). Paths are absolute; errors are errno names (ENOENT, EISDIR, ENOTDIR, EROFS, EEXIST).
 */
export class Volume {
  private readonly files = new Map<string, FileEntry>();
  private readonly dirs = new Set<string>(['/']);
  private readonly mounts: Array<{ path: string; volume: Volume; readOnly: boolean; source: string }> = [];

  /** @param initial files by absolute path (parent directories are implied). */
  constructor(initial: Record<string, string | FileEntry> = {}) {
    for (const [path, entry] of Object.entries(initial)) {
      this.writeFile(
        path,
        typeof entry === 'string' ? entry : entry.data,
        typeof entry === 'string' ? 0o644 : entry.mode,
      );
    }
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

  /** The volume holding `path` and the path inside it, or this volume. */
  private resolve(path: string): { volume: Volume; inner: string; readOnly: boolean } {
    path = normalizePath(path);
    for (let i = this.mounts.length - 1; i >= 0; i--) {
      const m = this.mounts[i];
      if (path === m.path || path.startsWith(m.path === '/' ? '/' : `${m.path}/`)) {
        const rest = m.path === '/' ? path : path.slice(m.path.length);
        const inner = m.volume.resolve(normalizePath(`${m.source}/${rest}`));
        return { ...inner, readOnly: inner.readOnly || m.readOnly };
      }
    }
    return { volume: this, inner: path, readOnly: false };
  }

  isDirectory(path: string): boolean {
    const { volume, inner } = this.resolve(path);
    return volume.dirs.has(inner);
  }

  exists(path: string): boolean {
    const { volume, inner } = this.resolve(path);
    return volume.dirs.has(inner) || volume.files.has(inner);
  }

  /** The file at `path`; throws ENOENT or EISDIR. */
  readFile(path: string): string {
    const { volume, inner } = this.resolve(path);
    const file = volume.files.get(inner);
    if (file) return file.data;
    throw new Error(volume.dirs.has(inner) ? 'EISDIR' : 'ENOENT');
  }

  /** Writes (or replaces) a file, creating parent directories. */
  writeFile(path: string, data: string, mode = 0o644): void {
    const { volume, inner, readOnly } = this.resolve(path);
    if (readOnly) throw new Error('EROFS');
    if (volume.dirs.has(inner)) throw new Error('EISDIR');
    volume.mkdirInner(parentOf(inner));
    volume.files.set(inner, { data, mode });
  }

  /** Creates a directory and its parents (as `mkdir -p`). */
  mkdir(path: string): void {
    const { volume, inner } = this.resolve(path);
    volume.mkdirInner(inner);
  }

  private mkdirInner(path: string): void {
    for (let p = path; !this.dirs.has(p); p = parentOf(p)) {
      if (this.files.has(p)) throw new Error('ENOTDIR');
      this.dirs.add(p);
    }
  }

  /** Removes a file, or a directory with everything under it. */
  remove(path: string): void {
    const { volume, inner, readOnly } = this.resolve(path);
    if (readOnly) throw new Error('EROFS');
    if (volume.files.delete(inner)) return;
    if (!volume.dirs.has(inner) || inner === '/') throw new Error('ENOENT');
    for (const key of [...volume.files.keys()]) if (key.startsWith(`${inner}/`)) volume.files.delete(key);
    for (const key of [...volume.dirs]) if (key === inner || key.startsWith(`${inner}/`)) volume.dirs.delete(key);
  }

  /** The names in a directory, sorted; throws ENOENT or ENOTDIR. */
  list(path: string): DirEntry[] {
    path = normalizePath(path);
    const { volume, inner } = this.resolve(path);
    if (!volume.dirs.has(inner)) throw new Error(volume.files.has(inner) ? 'ENOTDIR' : 'ENOENT');
    const names = new Map<string, boolean>();
    const prefix = inner === '/' ? '/' : `${inner}/`;
    for (const dir of volume.dirs)
      if (dir.startsWith(prefix) && dir !== inner) names.set(dir.slice(prefix.length).split('/')[0], true);
    for (const file of volume.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      if (!rest.includes('/')) names.set(rest, false);
    }
    const here = path === '/' ? '/' : `${path}/`;
    for (const m of this.mounts)
      if (m.path !== '/' && parentOf(m.path) === path && m.path.startsWith(here))
        names.set(m.path.slice(here.length), true);
    return [...names].map(([name, directory]) => ({ name, directory })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
