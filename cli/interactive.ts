import { randomSeed, realClock } from './host';
import { createPlayground, type Playground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend } from '../runtime/storage/backend';

async function boot(): Promise<Playground> {
  const clock = realClock();
  const playground = await createPlayground({
    clock,
    clockControls: clock,
    rng: createSeededRng(randomSeed()),
    storage: new MemoryBackend(),
  });
  await playground.loadCommands();
  await playground.startComponents();
  return playground;
}

/** `kubeplay` on a terminal: the shell, with its own line editor, in raw mode on real time. */
export async function runInteractive(): Promise<number> {
  const playground = await boot();
  const { stdin, stdout } = process;
  const session = playground.openSession(
    { write: (data) => stdout.write(data) },
    stdout.columns || 80,
    stdout.rows || 24,
  );
  return new Promise((resolve) => {
    session.onExit = (code) => {
      stdin.setRawMode(false);
      stdin.pause();
      void playground.stop().then(() => resolve(code));
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', (data: string) => session.input(data));
    stdout.on('resize', () => session.resize(stdout.columns, stdout.rows));
    session.start();
  });
}

/** `kubeplay` with piped input: runs it as bash runs a script on stdin. */
export async function runPiped(input: NodeJS.ReadableStream): Promise<number> {
  const playground = await boot();
  const session = playground.openSession({ write: () => {} }, 80);
  let text = '';
  for await (const chunk of input) text += String(chunk);
  const out = { write: (t: string) => void process.stdout.write(t) };
  const err = { write: (t: string) => void process.stderr.write(t) };
  // bash reads a script one command at a time: the session's parser does the same with the whole text.
  const status = await session.execute(text, out, err);
  await playground.stop();
  return status;
}
