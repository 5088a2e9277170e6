// kubeplay's ps against the real procps-ng 4.0.2 ps, which scripts/oracle/record-ps.js ran over
// a /proc made of kubeplay's own process table (tests/fixtures/ps/results.json): same instant,
// same session, the same output to the byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostSession, shellLine, testTty } from './fixtures/ps/host-session';

interface Recorded {
  args: string[];
  cols?: number;
  uptime?: number;
  session?: number;
  /** Background jobs started first, as `sleep 1000 &`. */
  jobs?: string[];
  btime: number;
  stdout: string;
  stderr: string;
  status: number;
}

const results: Recorded[] = JSON.parse(readFileSync(new URL('./fixtures/ps/results.json', import.meta.url), 'utf8'));

describe('ps, as procps-ng 4.0.2 prints the host’s processes', () => {
  it.each(results.map((r) => [shellLine(['ps', ...r.args]) + (r.cols ? ` (${r.cols} columns)` : ''), r] as const))(
    '%s',
    async (_name, r) => {
      const host = await hostSession(r.btime, r.uptime ?? 4321.27, r.session ?? 1234.5);
      for (const job of r.jobs ?? []) await host.run(`${job} &`);
      const result = await host.run(shellLine(['ps', ...r.args]), r.cols ? testTty(r.cols) : undefined);
      expect(result).toEqual({ stdout: r.stdout, stderr: r.stderr, status: r.status });
    },
  );
});
