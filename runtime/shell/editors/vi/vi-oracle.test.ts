// Replays tests/fixtures/vi/results.json (the real vim's screens for the same keys, recorded by
// `node scripts/oracle/record-editor.js vi`) through kubeplay's vi and requires the same screen
// text, cursor and file contents. vim counts "N seconds ago" across wall-clock second
// boundaries, so that number alone is not compared.
import { expect, it } from 'vitest';
import results from '../../../../tests/fixtures/vi/results.json';
import { recordedScreen, replay } from '../../../../tests/editor-replay';
import { ViEditor } from './editor';

const ago = (line: string): string => line.replace(/\d+ seconds? ago +/, 'N seconds ago … ');

it.each(results.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  let now = 0;
  const result = await replay(
    c,
    (write) => new ViEditor({ name: c.file, text: c.text, write: (_file, text) => write(text) }, 24, 80, () => now),
    () => (now += 350),
  );
  expect(result.saved).toBe(c.saved);
  if (!result.screen) return;
  expect(result.screen.map(ago)).toEqual(recordedScreen(c).map(ago));
  expect(result.cursor).toEqual(c.cursor);
});
