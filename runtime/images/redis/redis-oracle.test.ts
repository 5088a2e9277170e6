// Parity with the real redis 7.0.15: tests/fixtures/redis/cases.json, recorded by
// scripts/oracle/record-redis.js from redis-server and redis-cli, replayed through kubeplay's
// redis-cli against kubeplay's redis-server. Every session must print the same, byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redisFixture, settle } from './testing';

interface Session {
  input: string[];
  stdout: string;
  stderr: string;
}

interface Cases {
  version: string;
  sessions: Session[];
  raw: Session[];
  oneShot: Array<{ argv: string[]; stdout: string; stderr: string; status: number }>;
}

const FIXTURES = new URL('../../../tests/fixtures/redis/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', FIXTURES), 'utf8')) as Cases;
const corpus = readFileSync(new URL('corpus.txt', FIXTURES), 'utf8');

/** The corpus's sleeps, by the index of the session they come before. */
function sleepsBefore(): Map<number, number> {
  const sleeps = new Map<number, number>();
  let session = 0;
  for (const block of corpus.split(/\n\n+/)) {
    const lines = block.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    if (lines.length === 0) continue;
    const pause = /^@sleep (\d+)$/.exec(lines[0]);
    if (pause) sleeps.set(session, Number(pause[1]));
    else session++;
  }
  return sleeps;
}

/**
 * Waits for `running`, moving the virtual clock on by 100 ms whenever it is blocked (BLPOP with a
 * timeout), as real time passed under the oracle.
 */
async function whileBlocked<T>(redis: ReturnType<typeof redisFixture>, running: Promise<T>): Promise<T> {
  let done = false;
  void running.then(() => (done = true));
  for (;;) {
    await settle();
    if (done) return running;
    redis.clock.advance(100);
  }
}

describe('redis-cli and redis-server against redis 7.0.15', () => {
  it('prints what the real ones print for every command of the corpus (--no-raw)', async () => {
    const redis = redisFixture();
    const sleeps = sleepsBefore();
    const commands = cases.sessions.reduce((sum, session) => sum + session.input.length, 0);
    expect(commands).toBeGreaterThanOrEqual(150);
    for (const [index, session] of cases.sessions.entries()) {
      redis.clock.advance(sleeps.get(index) ?? 0);
      const ran = await whileBlocked(redis, redis.run(['redis-cli', '--no-raw'], `${session.input.join('\n')}\n`));
      expect({ input: session.input, stdout: ran.stdout, stderr: ran.stderr }).toEqual({
        input: session.input,
        stdout: session.stdout,
        stderr: session.stderr,
      });
    }
  });

  it('prints raw replies when stdout is not a terminal', async () => {
    const redis = redisFixture();
    for (const session of cases.raw) {
      const ran = await redis.run(['redis-cli'], `${session.input.join('\n')}\n`);
      expect({ input: session.input, stdout: ran.stdout, stderr: ran.stderr }).toEqual({
        input: session.input,
        stdout: session.stdout,
        stderr: session.stderr,
      });
    }
  });

  it('runs one-shot commands, options, --help and -v as the real one does', async () => {
    const redis = redisFixture();
    for (const run of cases.oneShot) {
      const ran = await redis.run(['redis-cli', ...run.argv], '');
      expect({ argv: run.argv, ...ran }).toEqual(run);
    }
  });
});
