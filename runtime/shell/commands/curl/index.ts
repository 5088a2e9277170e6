import { OFFLINE_NETWORK, type HostNetwork } from '../../../network/host-network';
import type { CommandContext, ShellCommand } from '../../command';
import { normalizePath } from '../../fs/volume';
import { readAll } from '../../process';
import { ParamError } from './args';
import { parseConfig, type CurlConfig, type OutputTarget } from './config';
import { errorText, type CurlError } from './errors';
import { DEBIAN_CURL, helpText, TRY_HELP, type CurlBuild } from './help';
import { fileSink, NULL_SINK, stdoutSink, type Sink } from './output';
import { ProgressMeter } from './progress';
import { buildBody, type Body, type ReadFile } from './request';
import { Trace } from './trace';
import { transfer, type TransferEnv } from './transfer';
import { parseUrl, UrlError } from './url';
import { newInfo, writeOut, type TransferInfo } from './write-out';

// curl 7.88.1 on the learner's host, over the host network (runtime/network/host-network.ts):
// options, help and errors as the real curl has them; each URL in turn, its body to stdout or
// a file, -v's trace and the progress meter on stderr; exit status of the last failure.

/** Where a URL's body goes. */
function sinkFor(
  ctx: CommandContext,
  config: CurlConfig,
  target: OutputTarget | undefined,
  url: string,
  warn: (t: string) => void,
): Sink | CurlError {
  if (!target && !config.remoteNameAll) return stdoutSink(ctx.stdout, ctx.tty !== undefined);
  let name: string;
  if (target && 'file' in target) name = target.file;
  else {
    let path = '';
    try {
      path = parseUrl(url).target.replace(/[?#].*$/, '');
    } catch (error) {
      if (!(error instanceof UrlError)) throw error;
    }
    name = path.slice(path.lastIndexOf('/') + 1);
    if (name === '') return { code: 23, message: 'Failed writing received data to disk/application' };
  }
  if (name === '-' || name === '/dev/stdout') return stdoutSink(ctx.stdout, ctx.tty !== undefined);
  if (name === '/dev/null') return NULL_SINK;
  return fileSink(ctx.fs, ctx.cwd, name, config.createDirs, warn);
}

/** file:// — the file's bytes, from the machine curl runs on. */
async function fileTransfer(ctx: CommandContext, url: string, sink: Sink): Promise<TransferInfo> {
  const info = newInfo(url);
  const path = parseUrl(url).target;
  let text: string;
  try {
    text = ctx.fs.readFile(path);
  } catch {
    info.error = { code: 37, message: `Couldn't open file ${path}` };
    return info;
  }
  info.scheme = 'FILE';
  info.sizeDownload = text.length;
  await sink.write(text);
  return info;
}

/** curl `build` run as `ctx`'s command over `network` (the learner's host's, or a container's). */
export async function runCurl(ctx: CommandContext, network: HostNetwork, build: CurlBuild): Promise<number> {
  const stderr = (text: string): void => void ctx.stderr.write(text);
  let config: CurlConfig;
  try {
    config = parseConfig(ctx.argv.slice(1));
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    stderr(`curl: ${error.message}\n${TRY_HELP}`);
    return 2;
  }
  config.userAgent ??= `curl/${build.version}`;
  if (config.help !== undefined) {
    await ctx.stdout.write(helpText(config.help));
    return 0;
  }
  if (config.version) {
    await ctx.stdout.write(build.versionText);
    return 0;
  }
  if (config.manual) {
    stderr('curl: built-in manual was disabled at build-time\n');
    return 0;
  }
  if (config.urls.length === 0) {
    stderr(ctx.argv.length > 1 ? `curl: no URL specified!\n${TRY_HELP}` : TRY_HELP);
    return 2;
  }
  const quiet = config.silent && !config.showError;
  const readFile: ReadFile = async (path) => {
    if (path === '-') return readAll(ctx.stdin);
    try {
      return ctx.fs.readFile(normalizePath(path, ctx.cwd));
    } catch {
      return undefined;
    }
  };
  const body: Body = await buildBody(config, readFile);
  if (!config.silent) for (const warning of body.warnings) stderr(warning);
  const pool: TransferEnv['pool'] = new Map();
  const nextId = { value: 0 };
  let status = 0;
  for (const [index, url] of config.urls.entries()) {
    const warn = (text: string): void => {
      if (!config.silent) stderr(text);
    };
    const sink = sinkFor(ctx, config, config.outputs[index], url, warn);
    if ('code' in sink) {
      if (!quiet) stderr(`curl: Remote file name has no length!\n${errorText(sink, build)}`);
      status = sink.code;
      continue;
    }
    const trace = new Trace(stderr, config.verbose, sink.terminal);
    const meter = new ProgressMeter(stderr, !config.silent && !config.noProgress && !sink.terminal, () =>
      ctx.shell.clock.now(),
    );
    let headers = '';
    const env: TransferEnv = {
      network,
      build,
      clock: ctx.shell.clock,
      signal: ctx.signal,
      trace,
      meter,
      config,
      body,
      readFile,
      pool,
      nextId,
      output: {
        headers: async (text) => {
          headers += text;
          await sink.write(text);
        },
        body: (text) => sink.write(text),
      },
    };
    const started = ctx.shell.clock.now();
    const info = url.toLowerCase().startsWith('file://')
      ? await fileTransfer(ctx, url, sink)
      : await transfer(env, url);
    info.waitedMs = ctx.shell.clock.now() - started;
    if (info.interrupted) return 130;
    if (!info.error && sink.failed) info.error = { code: 23, message: 'Failure writing output to destination' };
    sink.finish(!info.error);
    if (config.dumpHeader !== undefined) {
      if (config.dumpHeader === '-') await ctx.stdout.write(headers);
      else await fileSink(ctx.fs, ctx.cwd, config.dumpHeader, config.createDirs, warn).write(headers);
    }
    if (info.error) {
      status = info.error.code;
      if (!quiet) stderr(errorText(info.error, build));
    }
    if (config.writeOut !== undefined) {
      for (const piece of writeOut(config.writeOut, info)) {
        if (piece.stream === 'stdout') await ctx.stdout.write(piece.text);
        else stderr(piece.text);
      }
    }
  }
  return status;
}

/** `curl`: transfer a URL. */
export const curl: ShellCommand = {
  name: 'curl',
  summary: 'transfer a URL',
  run: (ctx) => runCurl(ctx, ctx.shell.network ?? OFFLINE_NETWORK, DEBIAN_CURL),
};
