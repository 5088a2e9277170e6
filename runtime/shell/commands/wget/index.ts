import { OFFLINE_NETWORK } from '../../../network/host-network';
import type { CommandContext, ShellCommand } from '../../command';
import { errorText } from '../../fs/errors';
import { normalizePath } from '../../fs/volume';
import { parseConfig, WgetUsageError, WgetValueError, type WgetConfig } from './config';
import { INTERRUPTED } from './connection';
import { HELP_TEXT, VERSION_TEXT } from './help-text';
import { WgetLog, wgetTime } from './log';
import { humanReadable, printDecimal, retrRate } from './progress';
import { retrieve, type Destination, type RetrieveEnv } from './retrieve';

// GNU Wget 1.21.3 on the learner's host, over the host network: each URL saved to the file its
// name gives (or -O's), with wget's log on stderr; exit status 1 (generic), 2 (usage), 4
// (network), 5 (TLS), 8 (server error), the most serious of the run's.

const USAGE = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

/** Where bodies go: -O's file or stdout, else a free name per URL in the working directory. */
function destination(ctx: CommandContext, config: WgetConfig): Destination | string {
  const dir = normalizePath(config.directoryPrefix ?? '.', ctx.cwd);
  const writer = (path: string) => (text: string) => Promise.resolve(ctx.fs.appendFile(path, text));
  const local: Destination['local'] = (name) => {
    const path = normalizePath(name, dir);
    if (ctx.fs.exists(path) && config.noClobber) return { skip: `File ‘${name}’ already there; not retrieving.\n\n` };
    let chosen = name;
    for (let n = 1; ctx.fs.exists(normalizePath(chosen, dir)); n++) chosen = `${name}.${n}`;
    const full = normalizePath(chosen, dir);
    if (config.directoryPrefix !== undefined) ctx.fs.mkdir(dir);
    ctx.fs.writeTo(full, '');
    const shown =
      config.directoryPrefix !== undefined ? `${config.directoryPrefix.replace(/\/$/, '')}/${chosen}` : chosen;
    return { name: shown, write: writer(full) };
  };
  const document = config.outputDocument;
  if (document === undefined) return { local };
  if (document === '-')
    return {
      fixed: { name: 'STDOUT', toStdout: true, write: async (text) => void (await ctx.stdout.write(text)) },
      local,
    };
  const path = normalizePath(document, ctx.cwd);
  if (path === '/dev/null')
    return { fixed: { name: document, toStdout: false, write: () => Promise.resolve() }, local };
  try {
    ctx.fs.writeTo(path, '');
  } catch (error) {
    return `${document}: ${errorText(error)}\n`;
  }
  return { fixed: { name: document, toStdout: false, write: writer(path) }, local };
}

/** The request body of --post-data, --post-file, --body-data, --body-file. */
function requestBody(ctx: CommandContext, config: WgetConfig): { text: string } | undefined {
  const data = config.postData ?? config.bodyData;
  if (data !== undefined) return { text: data };
  const file = config.postFile ?? config.bodyFile;
  if (file === undefined) return undefined;
  return { text: ctx.fs.readFile(normalizePath(file, ctx.cwd)) };
}

async function run(ctx: CommandContext): Promise<number> {
  const stderr = (text: string): void => void ctx.stderr.write(text);
  let config: WgetConfig;
  try {
    config = parseConfig(ctx.argv.slice(1));
  } catch (error) {
    if (error instanceof WgetUsageError) {
      stderr(`wget: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof WgetValueError) {
      stderr(`wget: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.help) {
    await ctx.stdout.write(HELP_TEXT);
    return 0;
  }
  if (config.version) {
    await ctx.stdout.write(VERSION_TEXT);
    return 0;
  }
  if (config.urls.length === 0) {
    stderr(`wget: missing URL\n${USAGE}`);
    return 1;
  }
  const log = new WgetLog(stderr, config);
  let caText: string | undefined;
  if (config.caCertificate !== undefined) {
    try {
      caText = ctx.fs.readFile(normalizePath(config.caCertificate, ctx.cwd));
    } catch {
      caText = undefined;
    }
  }
  const target = destination(ctx, config);
  if (typeof target === 'string') {
    stderr(target);
    return 1;
  }
  if (config.spider) log.notQuiet('Spider mode enabled. Check if remote file exists.\n');
  const started = ctx.shell.clock.now();
  const env: RetrieveEnv = {
    network: ctx.shell.network ?? OFFLINE_NETWORK,
    clock: ctx.shell.clock,
    signal: ctx.signal,
    log,
    config,
    caText,
    pool: new Map(),
    cols: ctx.tty?.cols,
    destination: target,
    body: requestBody(ctx, config),
    totals: { files: 0, bytes: 0, seconds: 0 },
  };
  let status = 0;
  let caReported = false;
  for (const url of config.urls) {
    if (config.caCertificate !== undefined && !caReported && /^https:/i.test(url)) {
      // GnuTLS loads the CA file with the first https URL, right after its first log line.
      caReported = true;
      env.onFirstLine = () =>
        caText !== undefined
          ? log.verbose(`Loaded CA certificate '${config.caCertificate}'\n`)
          : log.notQuiet(`ERROR: Failed to open cert ${config.caCertificate}: (-64).\n`);
    }
    const result = await retrieve(env, url);
    if (result === INTERRUPTED) return 130;
    if (result !== 0 && (status === 0 || result < status)) status = result;
  }
  if (config.urls.length > 1 && env.totals.bytes > 0) {
    const wall = (ctx.shell.clock.now() - started) / 1000 + env.totals.seconds;
    log.notQuiet(
      `FINISHED --${wgetTime(ctx.shell.clock.now())}--\nTotal wall clock time: ${printDecimal(wall)}s\n` +
        `Downloaded: ${env.totals.files} files, ${humanReadable(env.totals.bytes, 10, 1)} in ${printDecimal(env.totals.seconds)}s (${retrRate(env.totals.bytes, env.totals.seconds)})\n`,
    );
  }
  return status;
}

/** `wget`: the non-interactive network downloader. */
export const wget: ShellCommand = {
  name: 'wget',
  summary: 'The non-interactive network downloader',
  run,
};
