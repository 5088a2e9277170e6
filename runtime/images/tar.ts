// busybox's `tar` applet: create (`c`), extract (`x`) and list (`t`) ustar archives, to and from
// files or stdin/stdout (`-f -`). `kubectl cp` runs `tar cf - PATH` and `tar -xmf - -C DIR` in
// the container. Archives are text (see ../util/tar-archive.ts); texts are busybox 1.36's.
import { normalizePath, type Volume } from '../shell/fs/volume';
import { readTar, TarReadError, writeTar, type TarEntry } from '../util/tar-archive';
import type { ProcessContext, Program } from './types';

const USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [FILE]...

Create, extract, or list files from a tar file

\tc\tCreate
\tx\tExtract
\tt\tList
\t-f FILE\tName of TARFILE ('-' for stdin/out)
\t-C DIR\tChange to DIR before operation
\t-v\tVerbose
\t-O\tExtract to stdout
\t-m\tDon't restore mtime
\t-o\tDon't restore user:group
\t-k\tDon't replace existing files
\t-Z\t(De)compress using compress
\t-z\t(De)compress using gzip
\t-J\t(De)compress using xz
\t-j\t(De)compress using bzip2
\t--lzma\t(De)compress using lzma
\t-a\t(De)compress based on extension
\t-h\tFollow symlinks
\t--overwrite\t\tReplace existing files
\t--strip-components NUM\tNUM of leading components to strip
\t--no-recursion\t\tDon't descend in directories
\t--numeric-owner\t\tUse numeric user:group
\t--no-same-permissions\tDon't restore access permissions
\t--to-command COMMAND\tPipe files to COMMAND
`;

/** What the command line asks for. */
interface TarOptions {
  mode: 'c' | 'x' | 't';
  file: string;
  dir?: string;
  verbose: boolean;
  keepMtime: boolean;
  sameOwner: boolean;
  samePermissions: boolean;
  toStdout: boolean;
  operands: string[];
}

const LETTERS = 'cxtfCvmokOZzJjah';
const LONG = new Set(['--no-same-permissions', '--no-same-owner', '--overwrite', '--numeric-owner', '--no-recursion']);

/** Parses busybox's getopt32 command line (the first argument's dash optional); an error text or the options. */
function parseArgs(argv: readonly string[]): TarOptions | string {
  const options: TarOptions = {
    mode: 'c',
    file: '-',
    verbose: false,
    keepMtime: true,
    sameOwner: true,
    samePermissions: true,
    toStdout: false,
    operands: [],
  };
  const modes = new Set<string>();
  const args = [...argv];
  if (args.length > 0 && !args[0].startsWith('-')) args[0] = `-${args[0]}`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      options.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      if (arg === '--no-same-owner') options.sameOwner = false;
      else if (arg === '--no-same-permissions') options.samePermissions = false;
      else if (!LONG.has(arg)) return `tar: unrecognized option '${arg}'\n${USAGE}`;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (!LETTERS.includes(letter)) return `tar: invalid option -- '${letter}'\n${USAGE}`;
      if (letter === 'f' || letter === 'C') {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) return `tar: option requires an argument -- '${letter}'\n${USAGE}`;
        if (letter === 'f') options.file = value;
        else options.dir = value;
        break;
      }
      if ('cxt'.includes(letter)) modes.add(letter);
      else if (letter === 'v') options.verbose = true;
      else if (letter === 'm') options.keepMtime = false;
      else if (letter === 'o') options.sameOwner = false;
      else if (letter === 'O') options.toStdout = true;
    }
  }
  // Exactly one of c, x, t.
  if (modes.size !== 1) return USAGE;
  options.mode = [...modes][0] as TarOptions['mode'];
  return options;
}

/** The errno code of a failed file operation, in libc's words. */
function errnoText(error: unknown): string {
  const code = (error as Error).message;
  const texts: Record<string, string> = {
    ENOENT: 'No such file or directory',
    ENOTDIR: 'Not a directory',
    EISDIR: 'Is a directory',
    EACCES: 'Permission denied',
    EROFS: 'Read-only file system',
    EEXIST: 'File exists',
  };
  return texts[code] ?? code;
}

/** User and group names by id, from the container's /etc/passwd and /etc/group. */
function names(fs: Volume, file: string): Map<number, string> {
  const byId = new Map<number, string>([[0, 'root']]);
  if (!fs.exists(file)) return byId;
  for (const line of fs.readFile(file).split('\n')) {
    const [name, , id] = line.split(':');
    if (name && id !== undefined) byId.set(Number(id), name);
  }
  return byId;
}

/** `tar c`: the members for `operands` (directories recursively), errors reported as busybox does. */
function collect(
  ctx: ProcessContext,
  base: string,
  operands: readonly string[],
): { entries: TarEntry[]; failed: boolean } {
  const users = names(ctx.fs, '/etc/passwd');
  const groups = names(ctx.fs, '/etc/group');
  const entries: TarEntry[] = [];
  let failed = false;
  let warned = false;
  const add = (name: string, path: string): void => {
    const stat = ctx.fs.lstat(path);
    const kind = stat.kind === 'directory' ? 'directory' : stat.kind === 'symlink' ? 'symlink' : 'file';
    entries.push({
      name,
      kind,
      mode: stat.mode,
      uid: stat.uid,
      gid: stat.gid,
      mtime: Math.floor(stat.mtime / 1000),
      data: kind === 'file' ? ctx.fs.readFile(path) : '',
      linkname: kind === 'symlink' ? ctx.fs.readlink(path) : '',
      uname: users.get(stat.uid) ?? '',
      gname: groups.get(stat.gid) ?? '',
    });
    if (kind === 'directory') {
      for (const child of ctx.fs.list(path)) add(`${name}/${child.name}`, `${path}/${child.name}`);
    }
  };
  for (const operand of operands) {
    let name = operand.replace(/\/+$/, '') || operand;
    if (name.startsWith('/')) {
      if (!warned) ctx.stderr.write("tar: removing leading '/' from member names\n");
      warned = true;
      name = name.replace(/^\/+/, '');
    }
    try {
      add(name, normalizePath(operand, base));
    } catch (error) {
      ctx.stderr.write(`tar: ${operand}: ${errnoText(error)}\n`);
      failed = true;
    }
  }
  return { entries, failed };
}

/** `tar x`: writes the members under `base`, creating leading directories. */
function extract(ctx: ProcessContext, base: string, entries: readonly TarEntry[], options: TarOptions): void {
  for (const entry of entries) {
    const name = entry.name.replace(/^\/+/, '');
    if (options.verbose) ctx.stdout.write(`${entry.name}\n`);
    if (options.toStdout) {
      if (entry.kind === 'file') ctx.stdout.write(entry.data);
      continue;
    }
    const path = normalizePath(name, base);
    if (entry.kind === 'directory') ctx.fs.mkdir(path);
    else {
      ctx.fs.mkdir(normalizePath('..', path));
      if (ctx.fs.exists(path) && !ctx.fs.isDirectory(path)) ctx.fs.unlink(path);
      if (entry.kind === 'symlink') ctx.fs.symlink(entry.linkname, path);
      else ctx.fs.writeFile(path, entry.data);
    }
    if (entry.kind === 'symlink') continue;
    // Without --no-same-permissions root restores the mode; with it, the umask (022) applies.
    ctx.fs.chmod(path, options.samePermissions ? entry.mode : entry.mode & ~0o022);
    if (options.sameOwner) ctx.fs.chown(path, entry.uid, entry.gid);
    if (options.keepMtime) ctx.fs.utimes(path, entry.mtime * 1000);
  }
}

/** Reads the whole archive from stdin. */
async function readStdin(ctx: ProcessContext): Promise<string> {
  let text = '';
  if (ctx.stdin) for await (const chunk of ctx.stdin) text += chunk;
  return text;
}

/** busybox `tar`. */
export const tar: Program = async (ctx) => {
  const options = parseArgs(ctx.argv.slice(1));
  if (typeof options === 'string') {
    ctx.stderr.write(options);
    return 1;
  }
  let base = ctx.cwd;
  if (options.dir !== undefined) {
    base = normalizePath(options.dir, ctx.cwd);
    if (!ctx.fs.isDirectory(base)) {
      const reason = ctx.fs.exists(base) ? 'Not a directory' : 'No such file or directory';
      ctx.stderr.write(`tar: can't change directory to '${options.dir}': ${reason}\n`);
      return 1;
    }
  }
  const toStdio = options.file === '-';
  if (options.mode === 'c') {
    if (options.operands.length === 0) {
      ctx.stderr.write('tar: empty archive\n');
      return 1;
    }
    const { entries, failed } = collect(ctx, base, options.operands);
    // Verbose names go where the archive does not.
    if (options.verbose)
      for (const e of entries)
        (toStdio ? ctx.stderr : ctx.stdout).write(`${e.name}${e.kind === 'directory' ? '/' : ''}\n`);
    const archive = writeTar(entries);
    if (toStdio) ctx.stdout.write(archive);
    else ctx.fs.writeFile(normalizePath(options.file, ctx.cwd), archive);
    if (failed) ctx.stderr.write('tar: error exit delayed from previous errors\n');
    return failed ? 1 : 0;
  }
  let archive: string;
  try {
    archive = toStdio ? await readStdin(ctx) : ctx.fs.readFile(normalizePath(options.file, ctx.cwd));
  } catch (error) {
    ctx.stderr.write(`tar: can't open '${options.file}': ${errnoText(error)}\n`);
    return 1;
  }
  try {
    const entries = readTar(archive);
    if (options.mode === 't') for (const e of entries) ctx.stdout.write(`${e.name}\n`);
    else extract(ctx, base, entries, options);
    return 0;
  } catch (error) {
    if (error instanceof TarReadError) ctx.stderr.write(`tar: ${error.message}\n`);
    else ctx.stderr.write(`tar: ${errnoText(error)}\n`);
    return 1;
  }
};
