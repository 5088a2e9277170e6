import { readFile } from 'node:fs/promises';
import { VirtualClock } from '../runtime/clock';
import { createPlayground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import { runScript } from '../runtime/script';
import { MemoryBackend } from '../runtime/storage/backend';

/** Where virtual time starts for scripts, so transcripts are the same on every run. */
export const SCRIPT_EPOCH = Date.UTC(2026, 0, 1);

/** `kubeplay run FILE`: the transcript of FILE typed into a fresh cluster on virtual time. */
export async function runFile(path: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(error);
    process.stderr.write(`kubeplay run: ${path}: ${reason}\n`);
    return 1;
  }
  await runTranscript(text, { write: (t) => void process.stdout.write(t) });
  return 0;
}

/** Types `text`'s lines into a fresh seeded cluster on virtual time, writing the transcript to `out`. */
export async function runTranscript(text: string, out: { write(text: string): void }): Promise<void> {
  const clock = new VirtualClock(SCRIPT_EPOCH);
  const playground = await createPlayground({ clock, rng: createSeededRng('kubeplay'), storage: new MemoryBackend() });
  await playground.loadCommands();
  await playground.startComponents();
  const session = playground.openSession({ write: () => {} }, 80);
  const lines = text.replace(/\n$/, '').split('\n');
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  await runScript(lines, session, { clock, settle }, out);
  await playground.stop();
}
