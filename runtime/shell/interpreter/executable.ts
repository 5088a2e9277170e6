// What a command name that is not a function, builtin or known program runs: a file on the
// host's disk — named by a path, or found in PATH — that is a script for bash or sh.
import { errnoOf } from '../fs/errors';
import type { Stat } from '../fs/inode';
import { normalizePath, type Volume } from '../fs/volume';
import { LEARNER_UID } from '../login-shell';

/** A script to run with `interpreter` (bash or sh), or why the file cannot be run. */
export type Executable =
  { kind: 'script'; interpreter: 'bash' | 'sh'; path: string } | { kind: 'error'; message: string; status: number };

/** The interpreters a `#!` line may name that the host has, by the path written there. */
const INTERPRETERS: Record<string, 'bash' | 'sh'> = {
  '/bin/bash': 'bash',
  '/usr/bin/bash': 'bash',
  '/bin/sh': 'sh',
  '/usr/bin/sh': 'sh',
  '/bin/dash': 'sh',
  '/usr/bin/dash': 'sh',
};

/** Whether the learner may execute a file with this status (owner, then group, then others' bits). */
function executable(stat: Stat): boolean {
  if (stat.uid === LEARNER_UID) return (stat.mode & 0o100) !== 0;
  if (stat.gid === LEARNER_UID) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/** The interpreter of a script from its `#!` line; a file without one is run by bash. */
function interpreterOf(text: string): 'bash' | 'sh' | undefined {
  if (!text.startsWith('#!')) return 'bash';
  const [program, argument] = text
    .slice(2)
    .split('\n')[0]
    .trim()
    .split(/[ \t]+/);
  if (program === '/usr/bin/env') return argument === 'bash' ? 'bash' : argument === 'sh' ? 'sh' : undefined;
  return INTERPRETERS[program];
}

/** The file `name` (a path: it holds a slash) as execve(2) and bash see it. */
export function executableAt(fs: Volume, cwd: string, name: string): Executable {
  const path = normalizePath(name, cwd);
  let stat: Stat;
  try {
    stat = fs.stat(path);
  } catch (error) {
    const denied = errnoOf(error) === 'EACCES';
    return {
      kind: 'error',
      message: denied ? 'Permission denied' : 'No such file or directory',
      status: denied ? 126 : 127,
    };
  }
  if (stat.kind === 'directory') return { kind: 'error', message: 'Is a directory', status: 126 };
  if (!executable(stat)) return { kind: 'error', message: 'Permission denied', status: 126 };
  let text: string;
  try {
    text = fs.readFile(path);
  } catch {
    return { kind: 'error', message: 'Permission denied', status: 126 };
  }
  const interpreter = interpreterOf(text);
  // bash 5.2's words for an interpreter that is not there (execve's ENOENT).
  if (!interpreter) return { kind: 'error', message: 'cannot execute: required file not found', status: 127 };
  return { kind: 'script', interpreter, path };
}

/** The first executable file called `name` in the directories of PATH, as a path. */
export function findInPath(fs: Volume, path: string | undefined, name: string): string | undefined {
  for (const dir of (path ?? '').split(':')) {
    if (dir === '') continue;
    const candidate = `${dir.replace(/\/$/, '')}/${name}`;
    try {
      const stat = fs.stat(candidate);
      if (stat.kind !== 'directory' && executable(stat)) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}
