import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeOracleText } from '../../../network/host-network-testing';
import { oracleHost, type OracleFixture, type RunResult } from '../curl/oracle-host';
import { wget } from '.';

// Replays tests/fixtures/wget/cases.json (recorded by scripts/oracle/record-wget.js from the real
// GNU Wget 1.21.3) through kubeplay's wget on a host network serving the same routes. A case
// recorded on a terminal (script(1)) has stdout and stderr in one stream, with CRLF line ends.

const fixture = JSON.parse(
  readFileSync(new URL('../../../../tests/fixtures/wget/cases.json', import.meta.url), 'utf8'),
) as OracleFixture;

describe('wget against the real GNU Wget 1.21.3', () => {
  it.each(fixture.cases.map((c) => [`${c.args.join(' ')}${c.tty ? ' (tty)' : ''}`, c] as const))(
    'wget %s',
    async (_name, oracle) => {
      const { run } = await oracleHost(fixture);
      const cols = oracle.tty ? (oracle.cols ?? 80) : undefined;
      const got = await run(wget, ['wget', ...oracle.args], { cols });
      const slow = { slow: oracle.slow };
      const norm = (r: RunResult, tty?: boolean) => ({
        stdout: normalizeOracleText(tty ? r.stdout.replace(/\r\n/g, '\n') : r.stdout, slow),
        stderr: normalizeOracleText(r.stderr, slow),
        exitCode: r.exitCode,
        files: r.files,
      });
      const expected = norm(oracle, oracle.tty);
      const actual = oracle.tty ? norm({ ...got, stdout: got.stderr + got.stdout, stderr: '' }) : norm(got);
      expect(actual).toEqual(expected);
    },
  );
});
