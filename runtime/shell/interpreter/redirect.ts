// Redirections: each one opens a file, a here-document or a copy of another descriptor, in
// order, on a copy of the process's descriptors.
import { normalizePath } from '../fs/volume';
import { EMPTY_INPUT, stringInput } from '../process';
import type { Redirect } from '../syntax/ast';
import { expandString, expandWords, type ExpansionHost } from './expand';
import { errorText } from '../fs/errors';
import { descriptorNumber, descriptorStream } from './descriptor-files';
import { isProcessSubstitution } from './process-substitution';
import { fileOutput, NULL_OUTPUT, openError, type Fds, type Stream } from './streams';

/** A redirection that failed: bash's message without `bash: `; the command does not run. */
export class RedirectError extends Error {}

/** The descriptors after applying `redirects` to `fds`. */
export async function applyRedirects(host: ExpansionHost, redirects: readonly Redirect[], fds: Fds): Promise<Fds> {
  if (redirects.length === 0) return fds;
  const out = new Map<number, Stream>(fds);
  for (const r of redirects) await applyOne(host, r, out, fds);
  return out;
}

async function applyOne(host: ExpansionHost, r: Redirect, fds: Map<number, Stream>, scoped: Fds): Promise<void> {
  if (r.op === '<<' || r.op === '<<-') {
    const body = r.heredoc!.quoted ? r.heredoc!.body.text : await expandString(host, r.heredoc!.body);
    fds.set(r.fd ?? 0, stringInput(body));
    return;
  }
  if (r.op === '<<<') {
    fds.set(r.fd ?? 0, stringInput(`${await expandString(host, r.target)}\n`));
    return;
  }
  const words = await expandWords(host, [r.target]);
  if (words.length !== 1) throw new RedirectError(`${r.target.text}: ambiguous redirect`);
  const target = words[0];
  if ((r.op === '>&' || r.op === '<&') && /^([0-9]+|-)$/.test(target)) {
    const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
    if (target === '-') fds.delete(fd);
    else {
      const source = fds.get(Number(target));
      if (!source) throw new RedirectError(`${target}: Bad file descriptor`);
      fds.set(fd, source);
    }
    return;
  }
  if (r.op === '<' || r.op === '<>' || r.op === '<&') {
    fds.set(r.fd ?? 0, openInput(host, target, fds, scoped));
    return;
  }
  const stream = openOutput(host, target, r.op === '>>' || r.op === '&>>', fds, scoped);
  if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === undefined)) {
    fds.set(1, stream);
    fds.set(2, stream);
  } else fds.set(r.fd ?? 1, stream);
}

function openInput(host: ExpansionHost, name: string, fds: Map<number, Stream>, scoped: Fds): Stream {
  if (name === '/dev/null') return EMPTY_INPUT;
  // bash opens /dev/fd/N (and /dev/stdin…) itself: a copy of descriptor N.
  if (descriptorNumber(name) !== undefined) return descriptorOrFail(name, fds, scoped);
  const error = openError(host.fs, host.state.cwd, name, false);
  if (error) throw new RedirectError(`${name}: ${error}`);
  const path = normalizePath(name, host.state.cwd);
  return host.fs.isDirectory(path) ? EMPTY_INPUT : stringInput(host.fs.readFile(path));
}

function descriptorOrFail(name: string, fds: Map<number, Stream>, scoped: Fds): Stream {
  // `done < <(…)`: the pipe was opened on the command's descriptors while this target expanded.
  const opened = descriptorStream(name, scoped);
  const stream = descriptorStream(name, fds) ?? (isProcessSubstitution(opened) ? opened : undefined);
  if (!stream) throw new RedirectError(`${name}: No such file or directory`);
  return stream;
}

function openOutput(host: ExpansionHost, name: string, append: boolean, fds: Map<number, Stream>, scoped: Fds): Stream {
  if (name === '/dev/null') return NULL_OUTPUT;
  if (descriptorNumber(name) !== undefined) return descriptorOrFail(name, fds, scoped);
  const path = normalizePath(name, host.state.cwd);
  if (host.fs.isDirectory(path)) throw new RedirectError(`${name}: Is a directory`);
  try {
    // open(2) with O_CREAT and O_TRUNC (or O_APPEND): the directory must exist, the mode stays.
    host.fs.writeTo(path, '', { append });
  } catch (error) {
    throw new RedirectError(`${name}: ${errorText(error)}`);
  }
  return fileOutput(host.fs, path);
}
