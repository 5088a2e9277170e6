// kubeplay's top against the real procps-ng 4.0.2 top, which scripts/oracle/record-top.js ran
// over a /proc made of kubeplay's own process table at kubeplay's frame times
// (tests/fixtures/top/results.json): the same frames to the byte, on the virtual clock.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { top } from '../runtime/shell/commands/top/top-command';
import { hostSession, shellLine } from './fixtures/ps/host-session';

interface Recorded {
  args: string[];
  frames?: number;
  delay?: number;
  cols?: number;
  uptime?: number;
  session?: number;
  btime: number;
  stdout: string;
  stderr: string;
  status: number;
}

const results: Recorded[] = JSON.parse(readFileSync(new URL('./fixtures/top/results.json', import.meta.url), 'utf8'));

describe('top, as procps-ng 4.0.2 shows the host’s processes', () => {
  it.each(
    results
      .filter((r) => !('screens' in r))
      .map((r) => [shellLine(['top', ...r.args]) + (r.cols ? ` (COLUMNS=${r.cols})` : ''), r] as const),
  )('%s', async (_name, r) => {
    const host = await hostSession(r.btime, r.uptime ?? 4321.27, r.session ?? 1234.5, [top]);
    const env = r.cols ? `COLUMNS=${r.cols} ` : '';
    const result = await host.run(env + shellLine(['top', ...r.args]));
    expect(result).toEqual({ stdout: r.stdout, stderr: r.stderr, status: r.status });
  });
});
