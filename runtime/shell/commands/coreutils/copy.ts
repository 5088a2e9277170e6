import type { Volume } from '../../fs/volume';

/**
 * Copies `from` to `to` (both absolute) as cp does: a file's data (mode masked by the umask
 * unless `preserve`), a symlink as a link when `noDereference`, a directory recursively.
 */
export function copyTree(
  fs: Volume,
  from: string,
  to: string,
  options: { preserve?: boolean; noDereference?: boolean },
): void {
  const lst = fs.lstat(from);
  if (lst.kind === 'symlink' && options.noDereference) {
    fs.symlink(fs.readlink(from), to);
    return;
  }
  const st = fs.stat(from);
  if (st.kind === 'directory') {
    if (!fs.exists(to)) fs.createDirectory(to, options.preserve ? st.mode : st.mode & ~0o022);
    for (const child of fs.list(from)) copyTree(fs, `${from}/${child.name}`, `${to}/${child.name}`, options);
    if (options.preserve) fs.utimes(to, st.mtime);
    return;
  }
  const existed = fs.exists(to);
  fs.writeTo(
    to,
    fs.readFile(from),
    existed && !options.preserve ? {} : { mode: options.preserve ? st.mode : st.mode & ~0o022 },
  );
  if (options.preserve) fs.utimes(to, st.mtime);
}
