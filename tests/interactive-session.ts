// An interactive session on the virtual clock, driven by keys, read off a headless xterm.
import { createHarness } from './harness';
import { TestTerminal } from './terminal';

/** The learner's prompt, which `screen()` shortens to `$ `. */
export const PROMPT = 'learner@kubeplay:~$ ';
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A session on the virtual clock; `type` sends keys and lets the shell settle, `wait` moves time. */
export async function interactiveSession() {
  const harness = await createHarness(undefined, false);
  const terminal = new TestTerminal(80, 24);
  const session = harness.playground.openSession({ write: terminal.write }, 80);
  let exitCode: number | undefined;
  session.onExit = (code) => (exitCode = code);
  session.start();
  const type = async (data: string): Promise<void> => {
    session.input(data);
    for (let i = 0; i < 5; i++) await settle();
  };
  const wait = async (ms: number): Promise<void> => {
    harness.clock.advance(ms);
    for (let i = 0; i < 5; i++) await settle();
  };
  /** The screen, prompts written as `$ ` for short. */
  const screen = async (): Promise<string[]> =>
    (await terminal.screen()).map((line) => (line.startsWith(PROMPT) ? `$ ${line.slice(PROMPT.length)}` : line));
  return { type, wait, screen, session, exitCode: () => exitCode };
}
