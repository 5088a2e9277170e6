/** The errno names the filesystem reports. */
export type Errno =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EROFS'
  | 'ELOOP'
  | 'ENOSPC'
  | 'EACCES'
  | 'EPERM'
  | 'EINVAL'
  | 'EXDEV'
  | 'EBUSY';

/** strerror(3) texts as glibc prints them, for commands' error messages. */
export const ERRNO_TEXT: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  ELOOP: 'Too many levels of symbolic links',
  ENOSPC: 'No space left on device',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EINVAL: 'Invalid argument',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
};

/**
 * A failed filesystem call. The message is the errno name alone (callers compare
 * `error.message === 'ENOENT'`); `code` carries the same name, typed. Survives structured clone
 * as a plain Error with that message.
 */
export class FsError extends Error {
  constructor(readonly code: Errno) {
    super(code);
    this.name = 'FsError';
  }
}

/** The errno name of `error` when it is a filesystem error, else undefined. */
export function errnoOf(error: unknown): Errno | undefined {
  if (error instanceof Error && error.message in ERRNO_TEXT) return error.message as Errno;
  return undefined;
}

/** The strerror text for `error` (a filesystem error), or its message. */
export function errorText(error: unknown): string {
  const code = errnoOf(error);
  if (code) return ERRNO_TEXT[code];
  return error instanceof Error ? error.message : String(error);
}
