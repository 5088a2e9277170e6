// Replays tests/fixtures/less/results.json (the real less's screens for the same keys, recorded by
// `node scripts/oracle/record-editor.js less`) through kubeplay's pager.
import { expect, it } from 'vitest';
import results from '../../../../tests/fixtures/less/results.json';
import { recordedScreen, replay } from '../../../../tests/editor-replay';
import { Pager } from './pager';

it.each(results.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const lines = (c.text ?? '').replace(/\n$/, '').split('\n');
  const result = await replay(c, () => new Pager(lines, c.file, 24, 80));
  if (!result.screen) return expect(c.screen.every((line) => line === '')).toBe(true);
  expect(result.screen).toEqual(recordedScreen(c));
  expect(result.cursor).toEqual(c.cursor);
});
