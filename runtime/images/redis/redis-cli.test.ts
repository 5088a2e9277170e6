// redis-cli's interactive mode on a terminal, pub/sub between two clients, expiry on the
// virtual clock, and what a bare TCP client (nc) gets from the server.
import { describe, expect, it } from 'vitest';
import { socketPair } from '../../network/socket';
import { redisCli } from './cli';
import { keyboard, redisFixture, settle } from './testing';

describe('redis-cli on a terminal', () => {
  it('prompts, echoes what is typed and formats replies', async () => {
    const redis = redisFixture();
    const keys = keyboard();
    const { ctx, output } = redis.context(['redis-cli'], { tty: true, stdin: keys.stdin });
    const done = redisCli(ctx);
    for (const line of [
      'set foo bar',
      'get foo',
      'rpush l a b',
      'lrange l 0 -1',
      'select 1',
      'multi',
      'incr n',
      'exec',
      'exit',
    ])
      keys.type(`${line}\r`);
    expect(await done).toBe(0);
    expect(output.stdout.replace(/\r\n/g, '\n')).toBe(
      '127.0.0.1:6379> set foo bar\nOK\n' +
        '127.0.0.1:6379> get foo\n"bar"\n' +
        '127.0.0.1:6379> rpush l a b\n(integer) 2\n' +
        '127.0.0.1:6379> lrange l 0 -1\n1) "a"\n2) "b"\n' +
        '127.0.0.1:6379> select 1\nOK\n' +
        '127.0.0.1:6379[1]> multi\nOK\n' +
        '127.0.0.1:6379[1](TX)> incr n\nQUEUED\n' +
        '127.0.0.1:6379[1](TX)> exec\n1) (integer) 1\n' +
        '127.0.0.1:6379[1]> exit\n',
    );
  });

  it('says why it cannot connect, prompts "not connected>" and retries for each command', async () => {
    const redis = redisFixture();
    const keys = keyboard();
    const { ctx, output } = redis.context(['redis-cli', '-h', '10.96.0.5'], { tty: true, stdin: keys.stdin });
    const done = redisCli(ctx);
    keys.type('get foo\r');
    keys.end();
    expect(await done).toBe(0);
    expect(output.stderr).toBe('Could not connect to Redis at 10.96.0.5:6379: Connection refused\n'.repeat(2));
    expect(output.stdout).toBe('not connected> get foo\r\nnot connected> \r\n');
  });

  it("shows the typed line splitter's verdicts", async () => {
    const redis = redisFixture();
    const ran = await redis.run(
      ['redis-cli', '--no-raw'],
      'set "a b" \'c\\\'d\'\nget "a b"\nget "x\n3 incr n\n0 incr n\nhelp\n',
    );
    expect(ran.stdout).toBe(
      'OK\n"c\'d"\nInvalid argument(s)\n(integer) 1\n(integer) 2\n(integer) 3\nInvalid redis-cli repeat command option value.\n' +
        'redis-cli 7.0.15\nTo get help about Redis commands type:\n' +
        '      "help @<group>" to get a list of commands in <group>\n' +
        '      "help <command>" for help on <command>\n' +
        '      "help <tab>" to get a list of possible help topics\n' +
        '      "quit" to exit\n\nTo set redis-cli preferences:\n' +
        '      ":set hints" enable online hints\n      ":set nohints" disable online hints\n' +
        'Set your preferences in ~/.redisclirc\n',
    );
  });
});

describe('pub/sub between clients', () => {
  it('delivers PUBLISH to a subscribed redis-cli until Ctrl-C brings the prompt back', async () => {
    const redis = redisFixture();
    const keys = keyboard();
    const subscriber = redis.context(['redis-cli'], { tty: true, stdin: keys.stdin });
    const done = redisCli(subscriber.ctx);
    keys.type('subscribe news\r');
    await settle();
    expect(await redis.run(['redis-cli', 'publish', 'news', 'hello'])).toEqual({
      stdout: '1\n',
      stderr: '',
      status: 0,
    });
    expect(await redis.run(['redis-cli', 'pubsub', 'channels'])).toEqual({ stdout: 'news\n', stderr: '', status: 0 });
    await settle();
    redis.clock.advance(880);
    keys.type('\x03');
    await settle();
    expect(await redis.run(['redis-cli', 'publish', 'news', 'again'])).toEqual({
      stdout: '0\n',
      stderr: '',
      status: 0,
    });
    keys.type('ping\r');
    keys.end();
    expect(await done).toBe(0);
    expect(subscriber.output.stdout.replace(/\r\n/g, '\n')).toBe(
      '127.0.0.1:6379> subscribe news\n' +
        'Reading messages... (press Ctrl-C to quit)\n' +
        '1) "subscribe"\n2) "news"\n3) (integer) 1\n' +
        '1) "message"\n2) "news"\n3) "hello"\n' +
        '^C(0.88s)\n' +
        '127.0.0.1:6379> ping\nPONG\n127.0.0.1:6379> \n',
    );
  });

  it('matches patterns, and refuses other commands in the subscribed context', async () => {
    const redis = redisFixture();
    const [client, served] = socketPair({ address: '127.0.0.1', port: 5000 }, { address: '127.0.0.1', port: 6379 });
    redis.server.listener.accept?.(served);
    let received = '';
    void (async () => {
      for await (const chunk of client.input) received += chunk;
    })();
    client.write('PSUBSCRIBE n*\r\nGET x\r\nPING\r\n');
    await settle();
    await redis.run(['redis-cli', 'publish', 'news', 'hi']);
    await settle();
    expect(received).toBe(
      '*3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:1\r\n' +
        "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n" +
        '*2\r\n$4\r\npong\r\n$0\r\n\r\n' +
        '*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$2\r\nhi\r\n',
    );
  });
});

describe('blocking pops', () => {
  it('wait for a push from another client, or time out on the clock and say how long', async () => {
    const redis = redisFixture();
    const keys = keyboard();
    const waiting = redis.context(['redis-cli'], { tty: true, stdin: keys.stdin });
    const done = redisCli(waiting.ctx);
    keys.type('blpop jobs 0\r');
    await settle();
    expect(waiting.output.stdout).toBe('127.0.0.1:6379> blpop jobs 0\r\n');
    redis.clock.advance(1_500);
    expect((await redis.run(['redis-cli', 'rpush', 'jobs', 'one', 'two'])).stdout).toBe('2\n');
    await settle();
    keys.type('brpop nothing 2\r');
    await settle();
    redis.clock.advance(1_999);
    await settle();
    expect(waiting.output.stdout).not.toContain('(nil)');
    redis.clock.advance(1);
    await settle();
    keys.type('llen jobs\r');
    keys.end();
    expect(await done).toBe(0);
    expect(waiting.output.stdout.replace(/\r\n/g, '\n')).toBe(
      '127.0.0.1:6379> blpop jobs 0\n1) "jobs"\n2) "one"\n(1.50s)\n' +
        '127.0.0.1:6379> brpop nothing 2\n(nil)\n(2.00s)\n' +
        '127.0.0.1:6379> llen jobs\n(integer) 1\n127.0.0.1:6379> \n',
    );
  });

  it('forget a client that hangs up while blocked (the next push stays in the list)', async () => {
    const redis = redisFixture();
    const [client, served] = socketPair({ address: '127.0.0.1', port: 5002 }, { address: '127.0.0.1', port: 6379 });
    redis.server.listener.accept?.(served);
    client.write('BLPOP q 0\r\n');
    await settle();
    client.end();
    await settle();
    expect((await redis.run(['redis-cli', 'rpush', 'q', 'x'])).stdout).toBe('1\n');
    await settle();
    expect((await redis.run(['redis-cli', 'llen', 'q'])).stdout).toBe('1\n');
  });
});

describe('redis-server', () => {
  it('expires keys on the virtual clock', async () => {
    const redis = redisFixture();
    await redis.run(['redis-cli', 'set', 'k', 'v', 'EX', '10']);
    redis.clock.advance(4_400);
    expect((await redis.run(['redis-cli', 'ttl', 'k'])).stdout).toBe('6\n');
    expect((await redis.run(['redis-cli', 'pttl', 'k'])).stdout).toBe('5600\n');
    redis.clock.advance(5_600);
    expect((await redis.run(['redis-cli', '--no-raw', 'get', 'k'])).stdout).toBe('(nil)\n');
    expect((await redis.run(['redis-cli', 'dbsize'])).stdout).toBe('0\n');
  });

  it('answers inline commands as nc sends them, and QUIT closes', async () => {
    const redis = redisFixture();
    const [client, served] = socketPair({ address: '127.0.0.1', port: 5001 }, { address: '127.0.0.1', port: 6379 });
    redis.server.listener.accept?.(served);
    client.write('PING\r\nSET greeting "hello world"\nGET greeting\r\nQUIT\r\n');
    let received = '';
    for await (const chunk of client.input) received += chunk;
    expect(received).toBe('+PONG\r\n+OK\r\n$11\r\nhello world\r\n+OK\r\n');
  });
});
