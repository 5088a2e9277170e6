// Replays tests/fixtures/vi/results.json (the real vim's screens for the same keys, recorded by
// scripts/oracle/record-editor.js vi) through kubeplay's vi and requires the same screen text, cursor
// and file contents. vim counts "N seconds ago" across wall-clock second boundaries, so that
// number alone is compared as a number of seconds, not its value.
import { expect, it } from 'vitest';
import results from '../../../../tests/fixtures/vi/results.json';
import { TestTerminal } from '../../../../tests/terminal';
import { splitKeys } from '../../keys';
import { ViEditor } from './editor';

const ago = (line: string): string => line.replace(/\d+ seconds? ago +/, 'N seconds ago … ');

it.each(results.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  let saved: string | null = c.text ?? null;
  let now = 0;
  const editor = new ViEditor(
    {
      name: c.file,
      text: c.text,
      write: (_file, text) => {
        saved = text;
      },
    },
    24,
    80,
    () => now,
  );
  const terminal = new TestTerminal(80, 24);
  terminal.write(editor.render());
  for (const group of c.keys) {
    for (const key of splitKeys(group)) if (!editor.done) editor.key(key);
    now += 350;
    if (!editor.done) terminal.write(editor.render());
  }
  expect(saved).toBe(c.saved);
  if (editor.done) return;
  const screen = (await terminal.screen()).map(ago);
  const expected = c.screen.map(ago);
  while (expected.length > 0 && expected[expected.length - 1] === '') expected.pop();
  expect(screen).toEqual(expected);
  expect(await terminal.cursor()).toEqual(c.cursor);
});
