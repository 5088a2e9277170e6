// kubeplay's top on a terminal against the real procps-ng 4.0.2 top run in a pty over kubeplay's
// process table (tests/fixtures/top/results.json, screen cases): the screen after each frame,
// frames a delay apart on the virtual clock, then what q or Ctrl-C leaves on the terminal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { top } from '../runtime/shell/commands/top/top-command';
import { hostSession, shellLine } from './fixtures/ps/host-session';
import { TestTerminal } from './terminal';

interface Recorded {
  args: string[];
  at?: number[];
  keys?: string;
  delay?: number;
  rows?: number;
  cols?: number;
  btime: number;
  screens?: Array<{ at: number; screen: string[] }>;
  after?: string[];
  status: number;
}

const results: Recorded[] = JSON.parse(readFileSync(new URL('./fixtures/top/results.json', import.meta.url), 'utf8'));

/** The visible rows, right-trimmed. */
async function visible(terminal: TestTerminal, rows: number): Promise<string[]> {
  await terminal.screen();
  const buffer = terminal.term.buffer.active;
  return Array.from({ length: rows }, (_, y) =>
    (buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '').trimEnd(),
  );
}

describe('top on a terminal, as procps-ng 4.0.2 draws it', () => {
  const cases = results.filter((r) => r.screens);
  it.each(
    cases.map(
      (r) =>
        [
          `${shellLine(['top', ...r.args])} (${r.cols ?? 80}×${r.rows ?? 24}, then ${JSON.stringify(r.keys ?? 'q')})`,
          r,
        ] as const,
    ),
  )('%s', async (_name, r) => {
    const cols = r.cols ?? 80;
    const rows = r.rows ?? 24;
    const terminal = new TestTerminal(cols, rows);
    const host = await hostSession(r.btime, 4321.27, 1234.5, [top], { write: terminal.write, cols, rows });
    host.shell.start();
    const started = host.clock.now();
    await host.type(`${shellLine(['top', ...r.args])}\r`);
    for (const [i, recorded] of (r.screens ?? []).entries()) {
      await host.until(started + i * (r.delay ?? 3) * 1000 + 100);
      expect(await visible(terminal, rows)).toEqual(recorded.screen);
    }
    await host.type(r.keys ?? 'q');
    // top leaves its last frame, scrolled up a line by its last newline; the prompt follows.
    const after = await visible(terminal, rows);
    expect(after.slice(0, rows - 1)).toEqual(r.after?.slice(0, rows - 1));
    expect(after[rows - 1]).toBe('learner@kubeplay:~$');
    expect(host.shell.state.lastStatus).toBe(r.status);
  });
});
