// The shell's speed in Node, on the real clock as in the page: a key's echo, 1,000 simple commands in a script, and what a
// pipeline adds to the command at its head.
import { performance } from 'node:perf_hooks';
import { realClock } from '../cli/host';
import { createPlayground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend } from '../runtime/storage/backend';
import { report } from './harness.js';

const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

export async function benchShell(): Promise<void> {
  const playground = await createPlayground({
    // The real clock, as in the page: a long script gives way to the event loop on its timers.
    clock: realClock(),
    rng: createSeededRng('shell-bench'),
    storage: new MemoryBackend(),
    components: false,
  });
  await playground.loadCommands();
  let echoed = 0;
  const session = playground.openSession({ write: () => echoed++ }, 80);
  session.start();
  // Key echo: from a key typed at the prompt to its echo written to the terminal.
  const echo: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const before = echoed;
    const start = performance.now();
    session.input(i % 60 === 59 ? '\x15' : 'k');
    if (echoed === before) throw new Error('no echo');
    echo.push(performance.now() - start);
  }
  report('shell: key echo at the prompt', 'ms', [median(echo)]);

  const sink = { write: () => {} };
  const script = Array.from({ length: 1000 }, (_, i) => `x=${i}; echo "line $x"`).join('\n');
  const scripts: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    await session.execute(script, sink, sink);
    scripts.push(performance.now() - start);
  }
  report('shell: 1,000 simple commands in a script', 'ms', scripts);

  const alone: number[] = [];
  const piped: number[] = [];
  for (let run = 0; run < 30; run++) {
    let start = performance.now();
    await session.execute('kubectl version', sink, sink);
    alone.push(performance.now() - start);
    start = performance.now();
    await session.execute('kubectl version | grep Server | wc -l', sink, sink);
    piped.push(performance.now() - start);
  }
  report('shell: `| grep | wc -l` beyond the command at its head', 'ms', [median(piped) - median(alone)]);
}

if (process.argv[1]?.endsWith('shell-bench.ts')) await benchShell();
