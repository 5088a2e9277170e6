// /dev/fd/N, /dev/stdin, /dev/stdout and /dev/stderr: the open descriptors of a process seen as
// files. The shell's redirections and `source` use the streams themselves; a host command, which
// reads files through the Volume at once, sees a process substitution's pipe as a file holding
// all the text the pipe will carry (read before it starts) or taking what it writes.
import type { Volume } from '../fs/volume';
import type { InputStream } from '../process';
import { isProcessSubstitution } from './process-substitution';
import type { Fds, Stream } from './streams';

/** The descriptor number a /dev path names (`/dev/fd/63` → 63, `/dev/stdin` → 0), if it names one. */
export function descriptorNumber(path: string): number | undefined {
  const fd = /^\/dev\/fd\/([0-9]+)$/.exec(path)?.[1];
  if (fd !== undefined) return Number(fd);
  const standard = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(path);
  return standard < 0 ? undefined : standard;
}

/** The open stream a /dev path names in `fds`, if it names one that is open. */
export function descriptorStream(path: string, fds: Fds): Stream | undefined {
  const fd = descriptorNumber(path);
  return fd === undefined ? undefined : fds.get(fd);
}

/**
 * How much of a process substitution a host command gets: `head -1 <(yes)` must end, so an
 * endless producer is cut here (its pipe is closed when the command ends).
 */
const MAX_DRAINED = 1 << 22;

async function readBounded(input: InputStream): Promise<string> {
  let text = '';
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) {
    text += chunk;
    if (text.length >= MAX_DRAINED) break;
  }
  return text;
}

/**
 * `fs` as a host command run with `argv` on `fds` sees it: the process substitutions that argv
 * names are files. Their producers' output is read here first, as the command reads files whole.
 */
export async function descriptorFilesystem(fs: Volume, argv: readonly string[], fds: Fds): Promise<Volume> {
  const inputs = new Map<string, string>();
  const outputs = new Map<string, Stream>();
  for (const arg of argv) {
    const stream = descriptorStream(arg, fds);
    if (!isProcessSubstitution(stream) || !stream || inputs.has(arg) || outputs.has(arg)) continue;
    if ('read' in stream) inputs.set(arg, await readBounded(stream));
    else outputs.set(arg, stream);
  }
  if (inputs.size === 0 && outputs.size === 0) return fs;
  const named = (path: unknown): boolean => typeof path === 'string' && (inputs.has(path) || outputs.has(path));
  const write = (path: string, data: string): void => {
    const stream = outputs.get(path);
    if (stream && 'write' in stream) void stream.write(data);
  };
  const overrides: Partial<Record<keyof Volume, (path: string, ...rest: never[]) => unknown>> = {
    exists: () => true,
    isDirectory: () => false,
    // A pipe: stat says a file of size 0, readable and writable by its owner.
    stat: () => ({ kind: 'file', mode: 0o600, size: 0, mtime: fs.now(), nlink: 1, uid: 1000, gid: 1000 }),
    lstat: () => ({ kind: 'file', mode: 0o600, size: 0, mtime: fs.now(), nlink: 1, uid: 1000, gid: 1000 }),
    readFile: (path) => inputs.get(path) ?? '',
    writeFile: (path, data: string) => write(path, data),
    appendFile: (path, data: string) => write(path, data),
    writeTo: (path, data: string) => write(path, data),
  };
  return new Proxy(fs, {
    get(target, key, receiver) {
      const override = overrides[key as keyof Volume];
      if (override)
        return (path: unknown, ...rest: never[]) =>
          named(path)
            ? override(path as string, ...rest)
            : Reflect.get(target, key, receiver).call(target, path, ...rest);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
