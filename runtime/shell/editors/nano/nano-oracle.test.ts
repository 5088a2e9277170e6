// Replays tests/fixtures/nano/results.json (the real GNU nano 7.2's screens for the same keys,
// recorded by `node scripts/oracle/record-editor.js nano`) through kubeplay's nano and requires
// the same screen text, cursor and file contents.
import { expect, it } from 'vitest';
import results from '../../../../tests/fixtures/nano/results.json';
import { recordedScreen, replay } from '../../../../tests/editor-replay';
import { NanoEditor } from './editor';

it.each(results.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const result = await replay(
    c,
    (write) => new NanoEditor({ name: c.file, text: c.text, write: (_file, text) => write(text) }, 24, 80),
  );
  expect(result.saved).toBe(c.saved);
  if (!result.screen) return;
  expect(result.screen).toEqual(recordedScreen(c));
  expect(result.cursor).toEqual(c.cursor);
});
