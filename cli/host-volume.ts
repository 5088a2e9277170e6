// kubeplay's kubectl reads and writes files through the shell's in-memory Volume. On the host it
// gets a Volume holding the real files it may touch: every argument that names an existing path
// (`-f dir/`, `--kubeconfig=x`, `-o go-template-file=t`), and the kubeconfig files. What the run
// changes among them (`kubectl config set-context …`) is written back afterwards.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Volume } from '../runtime/shell/fs/volume';

/** Files larger than this are not loaded (kubectl reads manifests, not disk images). */
const MAX_FILE = 16 << 20;
/** How many files one directory argument may load. */
const MAX_FILES = 10_000;

/** A Volume of host files, and the write-back of what the command changed. */
export interface HostVolume {
  volume: Volume;
  /** Writes the changed or created tracked files back to the host. */
  writeBack(): void;
}

/** The paths an argument may name: itself, and the value of `--flag=value` or `-o kind=value`. */
function candidates(arg: string): string[] {
  const out = [arg];
  const eq = arg.indexOf('=');
  if (eq >= 0) out.push(arg.slice(eq + 1));
  if (/^-[a-zA-Z]./.test(arg) && !arg.startsWith('--')) out.push(arg.slice(2));
  return out;
}

/** Loads `path` (a file, or a directory's files recursively) into `files`. */
function load(path: string, files: Map<string, string>): void {
  if (files.size >= MAX_FILES || files.has(path)) return;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    if (lstatSync(path).isSymbolicLink() && files.size > 0) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      return;
    }
    for (const name of names) load(join(path, name), files);
  } else if (stat.isFile() && stat.size <= MAX_FILE) {
    try {
      files.set(path, readFileSync(path, 'utf8'));
    } catch {
      // An unreadable file stays out, and kubectl reports it missing.
    }
  }
}

/**
 * The Volume for one kubectl run in `cwd`: the files its `args` name and `tracked` (the kubeconfig
 * paths, loaded when they exist and written back when the run creates or changes them).
 */
export function hostVolume(args: readonly string[], cwd: string, tracked: readonly string[]): HostVolume {
  const files = new Map<string, string>();
  for (const path of tracked) if (existsSync(path)) load(path, files);
  for (const arg of args) {
    // What follows `--` is the container's command line (exec), never kubectl's files.
    if (arg === '--') break;
    for (const candidate of candidates(arg)) {
      if (candidate === '' || candidate === '-') continue;
      load(resolve(cwd, candidate), files);
    }
  }
  const volume = new Volume(Object.fromEntries(files));
  volume.mkdir(cwd);
  const writeBack = (): void => {
    for (const path of new Set([...files.keys(), ...tracked])) {
      if (!volume.exists(path) || volume.isDirectory(path)) continue;
      const text = volume.readFile(path);
      if (text === files.get(path)) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text, { mode: 0o600 });
    }
  };
  return { volume, writeBack };
}
