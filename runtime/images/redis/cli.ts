// redis-cli: one command from its arguments, or the interactive mode — a prompt
// (`127.0.0.1:6379> `, `[1]` for another database, `(TX)` in a transaction, `not connected> `)
// on a terminal, bare lines from a pipe — split as sdssplitargs splits them, with SUBSCRIBE's
// reading mode, and replies formatted for a terminal or raw.
import type { ProcessContext, Program } from '../types';
import { toBytes } from './bytes';
import { CliConnection } from './cli-connection';
import { formatRaw, formatTty, formatVerbatim } from './cli-format';
import { LineEditor } from './cli-line-editor';
import { parseCliOptions, type CliOptions } from './cli-options';
import type { Reply } from './resp';
import { splitArgs } from './split-args';
import { REDIS_VERSION } from './version';

const GENERIC_HELP =
  `redis-cli ${REDIS_VERSION}\n` +
  'To get help about Redis commands type:\n' +
  '      "help @<group>" to get a list of commands in <group>\n' +
  '      "help <command>" for help on <command>\n' +
  '      "help <tab>" to get a list of possible help topics\n' +
  '      "quit" to exit\n' +
  '\n' +
  'To set redis-cli preferences:\n' +
  '      ":set hints" enable online hints\n' +
  '      ":set nohints" disable online hints\n' +
  'Set your preferences in ~/.redisclirc\n';

/** Commands whose replies redis-cli prints verbatim (their text is meant for reading). */
const VERBATIM = new Set(['info', 'lolwut']);

/** One redis-cli process. */
class Cli {
  private connection: CliConnection | undefined;
  private db = 0;
  private inMulti = false;
  private preMultiDb = 0;
  /** The repl: -e does not end it. */
  interactive = false;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly options: CliOptions,
  ) {}

  /** Connects (again); prints hiredis's failure unless `quiet`. */
  async connect(quiet = false): Promise<boolean> {
    const { host, port } = this.options;
    const opened = await CliConnection.open(this.ctx, host, port);
    if (typeof opened === 'string') {
      if (!quiet) this.ctx.stderr.write(`Could not connect to Redis at ${host}:${port}: ${opened}\n`);
      this.connection = undefined;
      return false;
    }
    this.connection = opened;
    this.db = 0;
    this.inMulti = false;
    if (this.options.db !== 0) {
      opened.send(['SELECT', String(this.options.db)]);
      if ((await opened.read())?.type !== 'error') this.db = this.options.db;
    }
    return true;
  }

  /** `connect HOST PORT` typed at the prompt. */
  retarget(host: string, port: number): Promise<boolean> {
    this.connection?.close();
    this.options.host = host;
    this.options.port = port;
    return this.connect();
  }

  prompt(): string {
    if (!this.connection) return 'not connected> ';
    return `${this.options.host}:${this.options.port}${this.db ? `[${this.db}]` : ''}${this.inMulti ? '(TX)' : ''}> `;
  }

  get raw(): boolean {
    return this.options.raw;
  }

  /** The process ends: its socket closes. */
  close(): void {
    this.connection?.close();
    this.connection = undefined;
  }

  private print(reply: Reply, name: string): void {
    if (this.options.errorStatus && !this.interactive && reply.type === 'error') {
      this.ctx.stderr.write(`${reply.text}\n`);
      throw new ExitWith(1);
    }
    if (VERBATIM.has(name)) this.ctx.stdout.write(formatVerbatim(reply));
    else this.ctx.stdout.write(this.options.raw ? formatRaw(reply) : formatTty(reply));
  }

  /** Sends `args` `repeat` times and prints the replies; false when the connection is gone. */
  async issue(args: string[], repeat: number, aborted?: Promise<void>): Promise<boolean> {
    if (!this.connection && !(await this.connect())) return false;
    const name = args[0].toLowerCase();
    for (let i = 0; i < repeat; i++) {
      const connection = this.connection as CliConnection;
      connection.send(args);
      if (name === 'subscribe' || name === 'psubscribe') return this.readMessages(connection, aborted);
      const reply = await connection.read();
      if (!reply) return this.lost();
      this.print(reply, name);
      this.track(args, reply);
    }
    return true;
  }

  /** SUBSCRIBE's mode: every message as it comes, until Ctrl-C (a new connection then). */
  private async readMessages(connection: CliConnection, aborted?: Promise<void>): Promise<boolean> {
    if (!this.options.raw) this.ctx.stdout.write('Reading messages... (press Ctrl-C to quit)\n');
    const stopped = aborted?.then(() => 'stop' as const) ?? new Promise<'stop'>(() => {});
    for (;;) {
      const reply = await Promise.race([connection.read(), stopped]);
      if (reply === 'stop') {
        connection.close();
        return this.connect();
      }
      if (!reply) return this.lost();
      this.print(reply, 'subscribe');
    }
  }

  private lost(): boolean {
    this.ctx.stderr.write('Error: Server closed the connection\n');
    this.connection = undefined;
    return false;
  }

  /** The prompt's state after a reply, as cliSendCommand tracks it. */
  private track(args: string[], reply: Reply): void {
    const name = args[0].toLowerCase();
    const failed = reply.type === 'error';
    if (name === 'select' && args.length === 2 && !failed) this.db = Number.parseInt(args[1], 10) || 0;
    else if (name === 'multi' && args.length === 1 && !failed) {
      this.inMulti = true;
      this.preMultiDb = this.db;
    } else if (name === 'exec' && args.length === 1 && this.inMulti) {
      this.inMulti = false;
      if (failed || (reply.type === 'array' && reply.items === null)) this.db = this.preMultiDb;
    } else if (name === 'discard' && args.length === 1 && !failed) {
      this.inMulti = false;
      this.db = this.preMultiDb;
    }
  }
}

/** Thrown to end the program with a status. */
class ExitWith extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/** The lines piped in (no prompt, no echo), as linenoise reads a stdin that is not a terminal. */
function pipedLines(ctx: ProcessContext): () => Promise<string | null> {
  const iterator = ctx.stdin?.[Symbol.asyncIterator]();
  let buffer = '';
  let ended = !iterator;
  return async () => {
    for (;;) {
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        return line;
      }
      if (ended) {
        const rest = buffer;
        buffer = '';
        return rest === '' ? null : rest;
      }
      const next = await (iterator as AsyncIterator<string>).next();
      if (next.done) ended = true;
      else buffer += next.value;
    }
  };
}

/** The interactive mode (repl). */
async function repl(ctx: ProcessContext, cli: Cli): Promise<number> {
  cli.interactive = true;
  let abort: (() => void) | undefined;
  const editor = ctx.tty ? new LineEditor(ctx, () => abort?.()) : undefined;
  const piped = editor ? undefined : pipedLines(ctx);
  const unsubscribe = ctx.onSignal((signal) => {
    if (signal === 'SIGINT') abort?.();
  });
  try {
    await cli.connect();
    for (;;) {
      const line = editor ? await editor.readLine(cli.prompt()) : await (piped as () => Promise<string | null>)();
      if (line === null) return 0;
      if (line === '') continue;
      const args = splitArgs(toBytes(line));
      if (!args) {
        ctx.stdout.write('Invalid argument(s)\n');
        continue;
      }
      if (args.length === 0) continue;
      let repeat = 1;
      if (args.length > 1 && /^[+-]?\d+$/.test(args[0])) {
        repeat = Number(args[0]);
        if (repeat <= 0) {
          ctx.stdout.write('Invalid redis-cli repeat command option value.\n');
          continue;
        }
        args.shift();
      }
      const name = args[0].toLowerCase();
      if (name === 'quit' || name === 'exit') return 0;
      if (name === 'help' || name === '?') ctx.stdout.write(GENERIC_HELP);
      else if (name === 'connect' && args.length === 3) await cli.retarget(args[1], Number.parseInt(args[2], 10) || 0);
      else if (name === 'clear' && args.length === 1) ctx.stdout.write('\x1b[H\x1b[2J');
      else {
        const aborted = new Promise<void>((resolve) => (abort = resolve));
        const started = ctx.clock.now();
        await cli.issue(args, repeat, aborted);
        abort = undefined;
        // Commands that took half a second or more (SUBSCRIBE until Ctrl-C) say how long.
        const elapsed = ctx.clock.now() - started;
        if (elapsed >= 500 && !cli.raw) ctx.stdout.write(`(${(elapsed / 1000).toFixed(2)}s)\n`);
      }
    }
  } finally {
    unsubscribe();
  }
}

/** `redis-cli [OPTIONS] [cmd [arg …]]`. */
export const redisCli: Program = async (ctx) => {
  const parsed = parseCliOptions(ctx.argv, ctx.tty);
  if ('exit' in parsed) {
    if (parsed.stdout) ctx.stdout.write(parsed.stdout);
    if (parsed.stderr) ctx.stderr.write(parsed.stderr);
    return parsed.exit;
  }
  const cli = new Cli(ctx, parsed);
  try {
    if (parsed.command.length === 0) return await repl(ctx, cli);
    await cli.connect(true);
    return (await cli.issue(parsed.command.map(toBytes), parsed.repeat)) ? 0 : 1;
  } catch (thrown) {
    if (thrown instanceof ExitWith) return thrown.status;
    throw thrown;
  } finally {
    cli.close();
  }
};
