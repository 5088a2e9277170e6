// Tar archives (POSIX ustar headers in 512-byte blocks, two zero blocks at the end) as text:
// kubeplay's streams carry strings whose UTF-8 encoding is the archive, so headers are ASCII
// with NULs and a file's data is its text, its size counted in UTF-8 bytes.
import { decodeUtf8, encodeUtf8, utf8Length } from './utf8';

const BLOCK = 512;

/** One member of an archive. */
export interface TarEntry {
  /** The member's name (a directory's written with a trailing `/`). */
  name: string;
  kind: 'file' | 'directory' | 'symlink';
  /** Permission bits (07777). */
  mode: number;
  uid: number;
  gid: number;
  /** Modification time, epoch seconds. */
  mtime: number;
  /** A file's text ('' otherwise). */
  data: string;
  /** A symlink's target. */
  linkname: string;
  uname: string;
  gname: string;
}

const TYPEFLAG = { file: '0', directory: '5', symlink: '2' } as const;

/** A NUL-padded field of `width` bytes (a name may hold characters of several bytes). */
function field(value: string, width: number): string {
  let text = value;
  while (utf8Length(text) > width) text = text.slice(0, -1);
  return text + '\0'.repeat(width - utf8Length(text));
}
/** An octal number with `digits` digits and a NUL, as busybox writes it. */
const octal = (value: number, digits: number): string => `${value.toString(8).padStart(digits, '0')}\0`;

/** The 512-byte header of `entry`, its checksum computed over the header with blanks in its place. */
function header(entry: TarEntry, size: number): string {
  const name = entry.kind === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  const fields = (checksum: string): string =>
    field(name, 100) +
    octal(entry.mode & 0o7777, 7) +
    octal(entry.uid, 7) +
    octal(entry.gid, 7) +
    octal(size, 11) +
    octal(Math.max(0, Math.floor(entry.mtime)), 11) +
    checksum +
    TYPEFLAG[entry.kind] +
    field(entry.linkname, 100) +
    // GNU's magic and version ("ustar  \0"), as busybox tar writes.
    'ustar  \0' +
    field(entry.uname, 32) +
    field(entry.gname, 32) +
    '\0'.repeat(183);
  const sum = encodeUtf8(fields('        ')).reduce((total, b) => total + b, 0);
  return fields(`${sum.toString(8).padStart(6, '0')}\0 `);
}

/** The archive of `entries`, ending with two zero blocks. */
export function writeTar(entries: readonly TarEntry[]): string {
  let out = '';
  for (const entry of entries) {
    const data = entry.kind === 'file' ? entry.data : '';
    const size = utf8Length(data);
    out += header(entry, size) + data + '\0'.repeat((BLOCK - (size % BLOCK)) % BLOCK);
  }
  return out + '\0'.repeat(2 * BLOCK);
}

/** Why an archive could not be read, in busybox tar's words. */
export class TarReadError extends Error {}

const text = (bytes: Uint8Array, at: number, width: number): string => {
  let end = at;
  while (end < at + width && bytes[end] !== 0) end++;
  return decodeUtf8(bytes.subarray(at, end));
};
const number = (bytes: Uint8Array, at: number, width: number): number =>
  parseInt(text(bytes, at, width).trim() || '0', 8);

/**
 * The members of an archive (ustar, GNU or Go's archive/tar without extensions). Throws
 * TarReadError: `short read` for an archive cut short or empty, `invalid tar magic` otherwise.
 */
export function readTar(archive: string): TarEntry[] {
  const bytes = encodeUtf8(archive);
  const entries: TarEntry[] = [];
  let at = 0;
  for (;;) {
    if (at + BLOCK > bytes.length) throw new TarReadError('short read');
    const block = bytes.subarray(at, at + BLOCK);
    if (block.every((b) => b === 0)) return entries;
    if (text(block, 257, 5) !== 'ustar') throw new TarReadError('invalid tar magic');
    const size = number(block, 124, 12);
    const type = String.fromCharCode(block[156]);
    // POSIX ustar ("ustar\0", Go's) has a name prefix; GNU's ("ustar  ") other fields there.
    const prefix = block[262] === 0 ? text(block, 345, 155) : '';
    const name = text(block, 0, 100);
    const dataAt = at + BLOCK;
    if (dataAt + size > bytes.length) throw new TarReadError('short read');
    const kind = type === '5' ? 'directory' : type === '2' ? 'symlink' : 'file';
    entries.push({
      name: prefix ? `${prefix}/${name}` : name,
      kind,
      mode: number(block, 100, 8),
      uid: number(block, 108, 8),
      gid: number(block, 116, 8),
      mtime: number(block, 136, 12),
      data: kind === 'file' ? decodeUtf8(bytes.subarray(dataAt, dataAt + size)) : '',
      linkname: text(block, 157, 100),
      uname: text(block, 265, 32),
      gname: text(block, 297, 32),
    });
    at = dataAt + Math.ceil(size / BLOCK) * BLOCK;
  }
}
