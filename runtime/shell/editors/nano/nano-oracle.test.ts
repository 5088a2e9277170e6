// Replays tests/fixtures/nano/results.json (the real GNU nano 7.2's screens for the same keys,
// recorded by `node scripts/oracle/record-editor.js nano`) through kubeplay's nano and requires
// the same screen text, cursor and file contents.
import { expect, it } from 'vitest';
import results from '../../../../tests/fixtures/nano/results.json';
import { TestTerminal } from '../../../../tests/terminal';
import { splitKeys } from '../../keys';
import { NanoEditor } from './editor';

it.each(results.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  let saved: string | null = c.text ?? null;
  const editor = new NanoEditor(
    {
      name: c.file,
      text: c.text,
      write: (_file, text) => {
        saved = text;
      },
    },
    24,
    80,
  );
  const terminal = new TestTerminal(80, 24);
  terminal.write(editor.render());
  for (const group of c.keys) {
    for (const key of splitKeys(group)) if (!editor.done) editor.key(key);
    if (!editor.done) terminal.write(editor.render());
  }
  expect(saved).toBe(c.saved);
  if (editor.done) return;
  const expected = [...c.screen];
  while (expected.length > 0 && expected[expected.length - 1] === '') expected.pop();
  expect((await terminal.screen()).map((line) => line.trimEnd())).toEqual(expected);
  expect(await terminal.cursor()).toEqual(c.cursor);
});
