import type { ServedObject } from './served-object';
import { normalizePath } from '../shell/fs/volume';
import { stringInput } from '../shell/process';
import { readTar, writeTar, type TarEntry } from '../util/tar-archive';
import {
  basePath,
  cleanPath,
  dirPath,
  extractFileSpec,
  isInside,
  joinPath,
  stripPathShortcuts,
  type FileSpec,
} from './cp-file-spec';
import { checkErrors, streamQuery } from './exec';
import { findOrDefaultContainer } from './pod-containers';
import { CommandError } from './pod-for-object';
import { finishSession, openSession, runSession, type RemoteResult } from './remote-command';
import { kubectlSetup, type KubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';
import type { OutputStream } from '../shell/command';

// `kubectl cp` (pkg/cmd/cp/cp.go): copies by exec'ing tar in the container, `tar -xmf - -C DIR`
// fed an archive of the local files, or `tar cf - PATH` whose archive is unpacked locally.

/** Go's errno texts for the local filesystem's errors (os.PathError). */
const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EEXIST: 'file exists',
};
const pathError = (op: string, path: string, error: unknown): CommandError => {
  const code = (error as Error).message;
  return new CommandError(`${op} ${path}: ${GO_ERRNO[code] ?? code}`);
};

/** One exec in the pod: its output sinks, and stdin's text when it has one. */
interface PodExec {
  spec: FileSpec;
  command: string[];
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: string;
}

/** ExecOptions.Run for cp: the pod by name, its container (defaulted, announced on stderr), the session. */
async function execInPod(ctx: KubectlContext, setup: KubectlSetup, run: PodExec): Promise<RemoteResult> {
  const namespace = run.spec.podNamespace || setup.namespace;
  const podPath = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(run.spec.podName)}`;
  const pod = await setup.client.json<ServedObject>(podPath, { target: `pods ${run.spec.podName}` });
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new CommandError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  let container = (ctx.flags.get('container') as string | undefined) ?? '';
  if (!container) container = findOrDefaultContainer(pod, '', false, run.stderr).name;
  const query = streamQuery({
    command: run.command,
    container,
    stdin: run.stdin !== undefined,
    stdout: true,
    stderr: true,
    tty: false,
  });
  const session = await openSession(ctx, `${podPath}/exec${query}`);
  if (typeof session === 'string') return { error: session };
  const streams = { ...ctx, stdout: run.stdout, stderr: run.stderr, stdin: stringInput(run.stdin ?? '') };
  return runSession(streams, session, { stdin: run.stdin !== undefined, stderr: true, tty: false });
}

/** The local files under `path` as members named from `name` (recursiveTar). */
function localEntries(ctx: KubectlContext, path: string, name: string): TarEntry[] {
  const absolute = normalizePath(path, ctx.cwd);
  const stat = ctx.fs.lstat(absolute);
  const entry: TarEntry = {
    name,
    kind: stat.kind === 'directory' ? 'directory' : stat.kind === 'symlink' ? 'symlink' : 'file',
    mode: stat.mode,
    uid: stat.uid,
    gid: stat.gid,
    mtime: Math.floor(stat.mtime / 1000),
    data: stat.kind === 'file' ? ctx.fs.readFile(absolute) : '',
    linkname: stat.kind === 'symlink' ? ctx.fs.readlink(absolute) : '',
    uname: '',
    gname: '',
  };
  if (stat.kind !== 'directory') return [entry];
  const children = ctx.fs.list(absolute);
  // Only an empty directory gets a member of its own; tar creates the others as it goes.
  if (children.length === 0) return [entry];
  return children.flatMap((child) => localEntries(ctx, joinPath(path, child.name), joinPath(name, child.name)));
}

async function copyToPod(ctx: KubectlContext, setup: KubectlSetup, src: FileSpec, dest: FileSpec): Promise<number> {
  if (!ctx.fs.exists(normalizePath(src.file, ctx.cwd))) {
    throw new CommandError(`${src.file} doesn't exist in local filesystem`);
  }
  let destFile = dest.file;
  const discard = { write: (): void => {} };
  // checkDestinationIsDir: a directory receives the source under its own name.
  const isDir = await execInPod(ctx, setup, {
    spec: dest,
    command: ['test', '-d', dest.file],
    stdout: discard,
    stderr: discard,
  }).catch(() => ({ code: 1 }));
  if ('code' in isDir && isDir.code === 0) destFile = joinPath(destFile, basePath(src.file));
  const srcPath = cleanPath(src.file);
  const archive = writeTar(localEntries(ctx, srcPath, basePath(cleanPath(destFile))));
  const command =
    ctx.flags.get('no-preserve') === true
      ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-']
      : ['tar', '-xmf', '-'];
  const destDir = dirPath(destFile);
  if (destDir) command.push('-C', destDir);
  const result = await execInPod(ctx, setup, {
    spec: dest,
    command,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    stdin: archive,
  });
  return finishSession(ctx, result);
}

async function copyFromPod(ctx: KubectlContext, setup: KubectlSetup, src: FileSpec, dest: FileSpec): Promise<number> {
  let archive = '';
  // tar's own stderr goes to kubectl's standard output (the TarPipe's ErrOut is o.Out).
  const result = await execInPod(ctx, setup, {
    spec: src,
    command: ['tar', 'cf', '-', src.file],
    stdout: { write: (text) => void (archive += text) },
    stderr: ctx.stdout,
  });
  // The real kubectl is done once the archive's end blocks arrive, before tar's exit status:
  // a missing path leaves an empty archive, tar's complaint on stdout, and exit code 0.
  if ('error' in result) return finishSession(ctx, result);
  const prefix = stripPathShortcuts(cleanPath(src.file.replace(/^[/\\]+/, '')));
  const destDir = cleanPath(dest.file);
  for (const entry of readTar(archive)) {
    if (!entry.name.startsWith(prefix)) throw new CommandError('tar contents corrupted');
    const target = joinPath(destDir, entry.name.slice(prefix.length).replace(/\/$/, '')) || destDir;
    if (!isInside(destDir, target)) {
      ctx.stderr.write(`warning: file ${JSON.stringify(target)} is outside target destination, skipping\n`);
      continue;
    }
    writeLocal(ctx, target, entry);
  }
  return 0;
}

/** One member unpacked at `target` (untarAll): directories made, symlinks skipped with a warning. */
function writeLocal(ctx: KubectlContext, target: string, entry: TarEntry): void {
  const mkdirAll = (path: string): void => {
    try {
      ctx.fs.mkdir(normalizePath(path, ctx.cwd));
    } catch (error) {
      throw pathError('mkdir', path, error);
    }
  };
  mkdirAll(dirPath(target));
  if (entry.kind === 'directory') return mkdirAll(target);
  if (entry.kind === 'symlink') {
    ctx.stderr.write(`warning: skipping symlink: ${JSON.stringify(target)} -> ${JSON.stringify(entry.linkname)}\n`);
    return;
  }
  try {
    ctx.fs.writeTo(normalizePath(target, ctx.cwd), entry.data);
  } catch (error) {
    throw pathError('open', target, error);
  }
}

async function runCp(ctx: KubectlContext): Promise<number> {
  const setup = await kubectlSetup(ctx);
  if (ctx.args.length !== 2) return fail(ctx.stderr, 'source and destination are required');
  let src: FileSpec;
  let dest: FileSpec;
  try {
    src = extractFileSpec(ctx.args[0]);
    dest = extractFileSpec(ctx.args[1]);
  } catch (error) {
    return fail(ctx.stderr, (error as Error).message);
  }
  if (src.podName && dest.podName) return fail(ctx.stderr, 'one of src or dest must be a local file specification');
  if (!src.file || !dest.file) return fail(ctx.stderr, 'filepath can not be empty');
  if (src.podName) return copyFromPod(ctx, setup, src, dest);
  if (dest.podName) return copyToPod(ctx, setup, src, dest);
  return fail(ctx.stderr, 'one of src or dest must be a remote file specification');
}

/** `kubectl cp <file-spec-src> <file-spec-dest>`. */
export const cp: KubectlSubcommand = {
  name: 'cp',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'no-preserve', type: 'bool' },
    { name: 'retries', type: 'int' },
  ],
  run: (ctx) => checkErrors(ctx, () => runCp(ctx)),
};
