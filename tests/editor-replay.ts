// Shared by the editors' oracle tests: types a recorded case's keys into an editor, drawing on
// a headless terminal, and gives back what the recorded real editor is compared with.
import { TestTerminal } from './terminal';
import { splitKeys } from '../runtime/shell/keys';
import type { FullScreenEditor } from '../runtime/shell/editors/full-screen';

/** A case of tests/fixtures/<editor>/results.json. */
export interface RecordedCase {
  name: string;
  file: string;
  text?: string;
  keys: string[];
  screen: string[];
  cursor: { x: number; y: number };
  saved: string | null;
}

/** The screen (rows right-trimmed, trailing empty rows dropped), cursor and file after the keys. */
export async function replay(
  c: RecordedCase,
  open: (write: (text: string) => void) => FullScreenEditor,
  afterGroup: () => void = () => {},
): Promise<{ saved: string | null; screen?: string[]; cursor?: { x: number; y: number } }> {
  let saved: string | null = c.text ?? null;
  const editor = open((text) => {
    saved = text;
  });
  const terminal = new TestTerminal(80, 24);
  terminal.write(editor.render());
  for (const group of c.keys) {
    for (const key of splitKeys(group)) if (!editor.done) editor.key(key);
    afterGroup();
    if (!editor.done) terminal.write(editor.render());
  }
  if (editor.done) return { saved };
  return { saved, screen: (await terminal.screen()).map((line) => line.trimEnd()), cursor: await terminal.cursor() };
}

/** The recorded screen as replay() reports ours. */
export function recordedScreen(c: RecordedCase): string[] {
  const screen = [...c.screen];
  while (screen.length > 0 && screen[screen.length - 1] === '') screen.pop();
  return screen;
}
