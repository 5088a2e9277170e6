import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeOracleText } from '../../../network/host-network-testing';
import { oracleHost, type OracleFixture, type RunResult } from './oracle-host';
import { curl } from '.';

// Replays tests/fixtures/curl/cases.json (recorded by scripts/oracle/record-curl.js from the real
// curl 7.88.1) through kubeplay's curl on a host network serving the same routes.

const fixture = JSON.parse(
  readFileSync(new URL('../../../../tests/fixtures/curl/cases.json', import.meta.url), 'utf8'),
) as OracleFixture;

describe('curl against the real curl 7.88.1', () => {
  it.each(fixture.cases.map((c) => [c.args.join(' '), c] as const))('curl %s', async (_name, oracle) => {
    const { run } = await oracleHost(fixture);
    const got = await run(curl, ['curl', ...oracle.args]);
    const slow = { slow: oracle.slow };
    const norm = (r: RunResult) => ({
      stdout: normalizeOracleText(r.stdout, slow),
      stderr: normalizeOracleText(r.stderr, slow),
      exitCode: r.exitCode,
      files: r.files,
    });
    expect(norm(got)).toEqual(norm(oracle));
  });
});
