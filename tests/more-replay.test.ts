// Replays tests/fixtures/more/results.json (the real util-linux more, run with -e as 2.39 behaves,
// recorded by `node scripts/oracle/record-more.js`): the same files, arguments and keys through
// kubeplay's more on a headless terminal of the same size, requiring the same buffer (scrollback
// included, since more scrolls), cursor, and whether more was still waiting for a key.
import { expect, it } from 'vitest';
import { neverCancelled } from '../runtime/cancel';
import type { CommandContext, ShellServices } from '../runtime/shell/command';
import { Volume } from '../runtime/shell/fs/volume';
import { more } from '../runtime/shell/editors/more-command';
import type { InputStream } from '../runtime/shell/process';
import results from './fixtures/more/results.json';
import { TestTerminal } from './terminal';

interface MoreCase {
  name: string;
  args: string[];
  keys: string[];
  files: Record<string, string | { seq: number }>;
  dirs?: string[];
  rows?: number;
  cols?: number;
  screen: string[];
  cursor: { x: number; y: number };
  running: boolean;
}

const DIR = '/home/learner/t';
const fileText = (spec: string | { seq: number }): string =>
  typeof spec === 'string' ? spec : Array.from({ length: spec.seq }, (_, i) => `${i + 1}\n`).join('');

/** Runs the case's more with its keys; resolves once more ends or waits for a key past them. */
async function replay(c: MoreCase) {
  const rows = c.rows ?? 24;
  const cols = c.cols ?? 80;
  const fs = new Volume({});
  for (const [name, spec] of Object.entries(c.files)) fs.writeFile(`${DIR}/${name}`, fileText(spec));
  for (const name of c.dirs ?? []) fs.mkdir(`${DIR}/${name}`);
  const terminal = new TestTerminal(cols, rows);
  const keys = [...c.keys];
  let waiting: () => void = () => {};
  const exhausted = new Promise<'waiting'>((resolve) => (waiting = () => resolve('waiting')));
  const stdin: InputStream = {
    close: () => {},
    read: () => {
      const key = keys.shift();
      if (key !== undefined) return Promise.resolve(key);
      waiting();
      return new Promise(() => {});
    },
  };
  const output = { write: (text: string) => terminal.write(text) };
  const ctx: CommandContext = {
    argv: ['more', ...c.args],
    stdin,
    stdout: output,
    stderr: output,
    env: { HOME: '/home/learner' },
    cwd: DIR,
    fs,
    tty: { rows, cols, setRawMode: () => {}, onResize: () => () => {} },
    signal: neverCancelled,
    shell: {} as ShellServices,
  };
  const outcome = await Promise.race([more.run(ctx).then(() => 'exited' as const), exhausted]);
  const screen = (await terminal.screen()).map((line) => line.trimEnd());
  return { screen, cursor: await terminal.cursor(), running: outcome === 'waiting' };
}

it.each((results as unknown as MoreCase[]).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const result = await replay(c);
  expect(result.screen).toEqual(c.screen);
  expect(result.cursor).toEqual(c.cursor);
  expect(result.running).toBe(c.running);
});
