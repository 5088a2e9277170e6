// Re-records tests/fixtures/redis/cases.json: tests/fixtures/redis/corpus.txt's sessions (and the
// raw-mode and one-shot cases below) run through the real redis-cli 7.0.15 against a real
// redis-server 7.0.15 (Debian 12's redis-server and redis-tools packages) on 127.0.0.1:6379,
// started empty and without persistence. Each corpus block is one `redis-cli --no-raw` session
// reading its lines from stdin; `@sleep MS` blocks wait that long.
// The replay is runtime/images/redis/redis-oracle.test.ts.
//   apt-get install -y redis-server redis-tools
//   node scripts/oracle/record-redis.js
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/redis/', import.meta.url));

/** The corpus's blocks: each a list of lines (comments dropped). */
export function corpusBlocks(text) {
  const blocks = [];
  let current = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Sessions in raw mode (stdout a pipe, as `kubectl exec` without -t gives). */
const RAW = [
  ['SET r1 hello', 'GET r1', 'GET nokey', 'INCR counter', 'RPUSH rl a b "c d"', 'LRANGE rl 0 -1', 'LRANGE nolist 0 -1'],
  ['HSET rh f v g w', 'HGETALL rh', 'INCR r1', 'NOSUCH x', 'ZADD rz 1.5 a 2 b', 'ZRANGE rz 0 -1 WITHSCORES'],
  ['MULTI', 'INCR counter', 'GET r1', 'EXEC', 'MULTI', 'EXEC', 'SET "bad', 'SET esc "a\\nb"', 'GET esc'],
  ['SCAN 0 MATCH r1', 'GET', 'PING', 'ECHO "x y"', 'SELECT 3', 'DBSIZE'],
];

/** One-shot invocations: `redis-cli ARGS` with stdout a pipe unless --no-raw is given. */
const ONE_SHOT = [
  ['set', 'foo', 'bar'],
  ['get', 'foo'],
  ['--no-raw', 'get', 'foo'],
  ['get', 'nokey'],
  ['--no-raw', 'get', 'nokey'],
  ['incr', 'foo'],
  ['--no-raw', 'incr', 'foo'],
  ['-e', 'incr', 'foo'],
  ['rpush', 'ol', 'a', 'b'],
  ['lrange', 'ol', '0', '-1'],
  ['--no-raw', 'lrange', 'ol', '0', '-1'],
  ['-n', '1', 'set', 'x', 'in1'],
  ['-n', '1', 'get', 'x'],
  ['get', 'x'],
  ['-h', '127.0.0.1', '-p', '6379', 'ping'],
  ['-p', '6390', 'ping'],
  ['-p', '6390'],
  ['nosuch'],
  ['--no-raw', 'nosuch', 'a'],
  ['set', 'a b', 'c d'],
  ['get', 'a b'],
  ['--bogus'],
  ['-v'],
  ['--version'],
  ['--help'],
  ['-h'],
  ['--raw', 'hgetall', 'nohash'],
  ['--no-raw', 'hgetall', 'nohash'],
];

const run = (args, input) => {
  const result = spawnSync('redis-cli', args, { input, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'redis-oracle-'));
  const server = spawn('redis-server', ['--port', '6379', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  await sleep(500);
  try {
    const version = spawnSync('redis-cli', ['-v'], { encoding: 'utf8' }).stdout.trim();
    const sessions = [];
    for (const block of corpusBlocks(readFileSync(join(FIXTURES, 'corpus.txt'), 'utf8'))) {
      const pause = /^@sleep (\d+)$/.exec(block[0]);
      if (pause) {
        await sleep(Number(pause[1]));
        continue;
      }
      sessions.push({ input: block, ...run(['--no-raw'], `${block.join('\n')}\n`) });
    }
    run(['FLUSHALL']);
    const raw = RAW.map((block) => ({ input: block, ...run([], `${block.join('\n')}\n`) }));
    run(['FLUSHALL']);
    const oneShot = ONE_SHOT.map((argv) => ({ argv, ...run(argv, '') }));
    const cases = { version, sessions, raw, oneShot };
    writeFileSync(join(FIXTURES, 'cases.json'), `${JSON.stringify(cases, null, 1)}\n`);
  } finally {
    server.kill('SIGTERM');
    await sleep(200);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
