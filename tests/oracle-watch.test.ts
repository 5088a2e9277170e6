// kubeplay's watch against the real procps-ng 4.0.2 watch (tests/fixtures/watch/results.json,
// from scripts/oracle/record-watch.js): its messages, and its screens at the recorded instants
// after it started — on the virtual clock, in a session on a headless terminal — down to which
// cells stand out, then Ctrl-C.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { watch } from '../runtime/shell/commands/watch/watch-command';
import { hostSession, shellLine } from './fixtures/ps/host-session';
import { TestTerminal } from './terminal';

interface Screen {
  at: number;
  screen: string[];
  standout: string[];
  /** Still on the alternate screen (else watch had exited, -g). */
  alternate: boolean;
}

interface Recorded {
  args: string[];
  env?: Record<string, string>;
  cols?: number;
  rows?: number;
  at?: number[];
  start?: number;
  screens?: Screen[];
  stdout?: string;
  stderr?: string;
  status: number;
}

const results: Recorded[] = JSON.parse(readFileSync(new URL('./fixtures/watch/results.json', import.meta.url), 'utf8'));
const line = (r: Recorded): string =>
  Object.entries(r.env ?? {})
    .map(([k, v]) => `${k}=${shellLine([v])} `)
    .join('') + shellLine(['watch', ...r.args]);

/** The terminal's screen and its reverse-video cells, as the recorder reads them. */
function screenOf(terminal: TestTerminal, cols: number, rows: number): { screen: string[]; standout: string[] } {
  const buffer = terminal.term.buffer.active;
  const screen: string[] = [];
  const standout: string[] = [];
  for (let y = 0; y < rows; y++) {
    const row = buffer.getLine(y);
    screen.push((row?.translateToString(true) ?? '').trimEnd());
    let marks = '';
    for (let x = 0; x < cols; x++) marks += row?.getCell(x)?.isInverse() ? '^' : ' ';
    standout.push(marks.trimEnd());
  }
  return { screen, standout };
}

describe('watch, as procps-ng 4.0.2 answers bad arguments', () => {
  it.each(results.filter((r) => !r.screens).map((r) => [line(r), r] as const))('%s', async (_name, r) => {
    const host = await hostSession(1_790_000_000, 1000, 100, [watch]);
    expect(await host.run(line(r))).toEqual({ stdout: r.stdout, stderr: r.stderr, status: r.status });
  });
});

describe('watch, as procps-ng 4.0.2 draws its screen', () => {
  it.each(
    results.filter((r) => r.screens).map((r) => [line(r) + (r.cols ? ` (${r.cols}×${r.rows ?? 24})` : ''), r] as const),
  )('%s', async (_name, r) => {
    const cols = r.cols ?? 80;
    const rows = r.rows ?? 24;
    const terminal = new TestTerminal(cols, rows);
    const start = (r.start as number) * 1000;
    const host = await hostSession((r.start as number) - 1000, 1000, 100, [watch], {
      write: terminal.write,
      cols,
      rows,
    });
    host.shell.start();
    await host.type(`${line(r)}\r`);
    const screens = r.screens ?? [];
    for (const recorded of screens) {
      await host.until(start + recorded.at);
      await terminal.screen();
      if (!recorded.alternate) expect(terminal.term.buffer.active.type).toBe('normal');
      else expect(screenOf(terminal, cols, rows)).toEqual({ screen: recorded.screen, standout: recorded.standout });
    }
    // Ctrl-C ends it (unless it ended by itself) with the recorded status, the screen restored.
    if (screens[screens.length - 1].alternate) await host.type('\x03');
    await terminal.screen();
    expect(terminal.term.buffer.active.type).toBe('normal');
    expect(host.shell.state.lastStatus).toBe(r.status);
  });
});
