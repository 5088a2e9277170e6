// Process substitution, <(…) and >(…): the commands run alongside the command that names them,
// joined to it by a pipe on a descriptor of its own — 63, then 62, … as bash numbers them — which
// the word names as /dev/fd/63. The pipes stay open while the command runs.
import { createPipe } from '../process';
import type { Command, Script, Word } from '../syntax/ast';
import type { Interpreter } from './interpreter';
import type { Fds, Stream } from './streams';

/** bash opens process substitutions on the highest free descriptor from here down. */
const FIRST_FD = 63;

/** The descriptor maps of commands running with process substitutions, to their scope. */
const scopes = new WeakMap<Fds, ProcessSubstitutions>();
/** The shell's ends of process-substitution pipes (what /dev/fd/N may be read from as a file). */
const pipeEnds = new WeakSet<Stream>();

/** The process substitutions of one command: opened as its words expand, closed when it ends. */
class ProcessSubstitutions {
  /** The command's descriptors, with the pipes opened so far. */
  readonly fds: Map<number, Stream>;
  private readonly opened: Array<{ close: () => void; run: Promise<number> }> = [];

  constructor(
    private readonly shell: Interpreter,
    fds: Fds,
  ) {
    this.fds = new Map(fds);
    scopes.set(this.fds, this);
  }

  /** Starts `body` on a new pipe (`output`: it reads what the command writes); the path naming it. */
  open(body: Script, output: boolean): string {
    let fd = FIRST_FD;
    while (this.fds.has(fd)) fd--;
    const pipe = createPipe();
    const own = new Map(this.fds);
    own.set(output ? 0 : 1, output ? pipe.reader : pipe.writer);
    const end = output ? pipe.writer : pipe.reader;
    this.fds.set(fd, end);
    pipeEnds.add(end);
    const process = this.shell.subshell();
    const run = process
      .runProcess(() => process.runList(body, own), own)
      .finally(() => {
        // Its end is gone: the command sees end of file, or a broken pipe.
        if (output) pipe.reader.close();
        else pipe.writer.close();
      });
    this.opened.push({ close: () => (output ? pipe.writer.close() : pipe.reader.close()), run });
    return `/dev/fd/${fd}`;
  }

  /** The command has ended: closes its ends of the pipes and waits for the processes to finish. */
  async close(): Promise<void> {
    for (const { close } of this.opened) close();
    await Promise.all(this.opened.map(({ run }) => run));
  }
}

/**
 * Runs `work` on a copy of `fds` to which the process substitutions of `words` add their pipes;
 * commands without any run on `fds` as they are.
 */
export async function withProcessSubstitutions(
  shell: Interpreter,
  words: readonly Word[],
  fds: Fds,
  work: (fds: Fds) => Promise<number>,
): Promise<number> {
  if (!words.some((word) => word.parts.some((part) => part.kind === 'procsub'))) return work(fds);
  const scope = new ProcessSubstitutions(shell, fds);
  try {
    return await work(scope.fds);
  } finally {
    await scope.close();
  }
}

/** The words of `command` where a process substitution may appear (its own, not nested commands'). */
export function wordsOf(command: Command): Word[] {
  const words = command.redirects.map((r) => r.target);
  if (command.type === 'simple') {
    words.push(...command.words);
    for (const assign of command.assigns) words.push(assign.value, ...(assign.elements ?? []));
  } else if (command.type === 'for' && command.items) words.push(...command.items);
  return words;
}

/**
 * Expands <(…) or >(…) for a command running on `fds`: starts `body` and returns the path of
 * its pipe. Outside a command's scope (a word kubeplay does not look into), the body still runs.
 */
export function processSubstitution(shell: Interpreter, fds: Fds, body: Script, output: boolean): string {
  const scope = scopes.get(fds) ?? new ProcessSubstitutions(shell, fds);
  return scope.open(body, output);
}

/** Whether `stream` is the shell's end of a process substitution's pipe. */
export function isProcessSubstitution(stream: Stream | undefined): boolean {
  return stream !== undefined && pipeEnds.has(stream);
}
