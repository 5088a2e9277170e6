// Path resolution through mounts and symlinks: which tree holds a path, and what it names.
import type { Errno } from './errors';
import { fail } from './fail';
import type { Inode } from './inode';
import type { InodeTree, Place } from './inode-tree';
import { joinPath, nameOf, normalizePath, parentOf } from './path';

/** A volume's view of paths: its own tree with other volumes' directories mounted over it. */
export interface Namespace {
  tree: InodeTree;
  /** Later mounts shadow earlier ones. */
  mounts: Mount[];
}

/** Directory `source` of `target` mounted at `path`. */
export interface Mount {
  path: string;
  target: Namespace;
  readOnly: boolean;
  source: string;
}

/** Where a symlink-free path lives: the tree holding it, the path inside, and whether read-only. */
export interface Owner {
  tree: InodeTree;
  inner: string;
  readOnly: boolean;
}

/** Where a new entry would go (see `slot`): its place, what is there now, and its owner. */
export interface Slot extends Place, Owner {
  resolved: string;
  existing: Inode | undefined;
}

/** How many symlinks one lookup follows before ELOOP (Linux's MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

/** The tree holding absolute symlink-free `path`, the path inside it, and whether read-only. */
export function ownerOf(ns: Namespace, path: string): Owner {
  for (let i = ns.mounts.length - 1; i >= 0; i--) {
    const m = ns.mounts[i];
    if (path === m.path || path.startsWith(m.path === '/' ? '/' : `${m.path}/`)) {
      const rest = m.path === '/' ? path : path.slice(m.path.length);
      const inner = ownerOf(m.target, normalizePath(`${m.source}/${rest}`));
      return { ...inner, readOnly: inner.readOnly || m.readOnly };
    }
  }
  return { tree: ns.tree, inner: path, readOnly: false };
}

/** The node at symlink-free `path`, through mounts (a symlink is returned, not followed). */
export function nodeAt(ns: Namespace, path: string): Inode | undefined {
  const { tree, inner } = ownerOf(ns, path);
  return tree.find(inner);
}

/**
 * `path` with every symlink resolved (the last component's only when `followLast`). The last
 * component may be missing; a missing or non-directory parent throws ENOENT or ENOTDIR.
 */
export function canonical(ns: Namespace, path: string, followLast: boolean): string {
  const resolved = resolvePath(ns, path, followLast);
  return resolved.ok ? resolved.path : fail(resolved.errno);
}

/** `canonical` without throwing: the path, or the errno it would throw (for existence tests). */
function resolvePath(
  ns: Namespace,
  path: string,
  followLast: boolean,
): { ok: true; path: string } | { ok: false; errno: Errno } {
  const pending = componentsKeepingDots(path).reverse();
  let current = '/';
  let links = 0;
  while (pending.length > 0) {
    const part = pending.pop() as string;
    if (part === '..') {
      current = parentOf(current);
      continue;
    }
    const candidate = joinPath(current, part);
    const node = nodeAt(ns, candidate);
    const last = pending.length === 0;
    if (!node) return last ? { ok: true, path: candidate } : { ok: false, errno: 'ENOENT' };
    if (node.kind === 'symlink' && (!last || followLast)) {
      if (++links > MAX_SYMLINKS) return { ok: false, errno: 'ELOOP' };
      if (node.target.startsWith('/')) current = '/';
      pending.push(...componentsKeepingDots(node.target).reverse());
      continue;
    }
    if (!last && node.kind !== 'directory') return { ok: false, errno: 'ENOTDIR' };
    current = candidate;
  }
  return { ok: true, path: current };
}

/** The node `path` names, symlinks followed; undefined where lookup would throw. */
export function findNode(ns: Namespace, path: string): Inode | undefined {
  const resolved = resolvePath(ns, path, true);
  return resolved.ok ? nodeAt(ns, resolved.path) : undefined;
}

/** The node `path` names (following symlinks unless `follow` is false); throws ENOENT. */
export function lookup(ns: Namespace, path: string, follow = true): { node: Inode; path: string } {
  const resolved = canonical(ns, path, follow);
  const node = nodeAt(ns, resolved);
  if (!node) return fail('ENOENT');
  return { node, path: resolved };
}

/**
 * Where a new entry `path` would go: its parent directory node (which must exist), its name,
 * the owning tree and path inside it. The caller checks `readOnly` (EROFS).
 */
export function slot(ns: Namespace, path: string, followLast = false): Slot {
  const resolved = canonical(ns, path, followLast);
  if (resolved === '/') fail('EEXIST');
  const dir = nodeAt(ns, parentOf(resolved));
  if (!dir) return fail('ENOENT');
  if (dir.kind !== 'directory') return fail('ENOTDIR');
  const { tree, inner, readOnly } = ownerOf(ns, resolved);
  const name = nameOf(resolved);
  return { resolved, dir, name, existing: dir.entries.get(name), tree, inner, readOnly };
}

/** The names of this namespace's own mount points directly inside directory `resolved`. */
export function mountNamesIn(ns: Namespace, resolved: string): string[] {
  const here = resolved === '/' ? '/' : `${resolved}/`;
  return ns.mounts
    .filter((m) => m.path !== '/' && parentOf(m.path) === resolved && m.path.startsWith(here))
    .map((m) => m.path.slice(here.length));
}

/** The components of `path` with `.` and empty ones dropped, `..` kept (resolved with links). */
function componentsKeepingDots(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}
