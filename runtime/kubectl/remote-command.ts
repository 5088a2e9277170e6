import type { Status } from '../api/status';
import type { StreamSession } from '../api/node-connection';
import { decodeUtf8, encodeUtf8 } from '../util/utf8';
import { errorText } from './error-text';
import { apiError, KUBECTL_USER_AGENT } from './kubectl-client';
import type { KubectlContext } from './subcommand';

// The client side of an exec or attach (client-go's remotecommand over WebSocket
// v5.channel.k8s.io): the upgrade request, stdin pumped in, stdout and stderr copied out, and
// the Status that ends the session read as an exit code.

/** Which streams the session carries, as the request's query says. */
export interface RemoteStreams {
  stdin: boolean;
  stderr: boolean;
  /** A raw terminal: kubectl's terminal in raw mode, sizes sent, no separate stderr. */
  tty: boolean;
}

/** The outcome: the exit code, or the text kubectl prints to stderr before exiting 1. */
export type RemoteResult = { code: number } | { error: string };

/** Splits UTF-8 at character boundaries across frames (a character may straddle two). */
function utf8Stream(): (bytes: Uint8Array) => string {
  let held: number[] = [];
  return (bytes) => {
    const all = [...held, ...bytes];
    let end = all.length;
    // Hold back an incomplete final sequence for the next frame.
    for (let i = Math.max(0, all.length - 3); i < all.length; i++) {
      const b = all[i];
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (b >= 0xc0 && i + need > all.length) {
        end = i;
        break;
      }
    }
    held = all.slice(end);
    return decodeUtf8(all.slice(0, end));
  };
}

/** The exit code a session's final Status means, or the error kubectl prints. */
function statusResult(status: Status): RemoteResult {
  if (status.status === 'Success') return { code: 0 };
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  if (status.reason === 'NonZeroExitCode' && cause) {
    const code = Number(cause.message);
    if (Number.isInteger(code)) return { code };
  }
  return { error: `error: ${status.message ?? ''}\n` };
}

/** Opens the session at `path` (…/exec?… or …/attach?…), or returns the refusal's error text. */
export async function openSession(ctx: KubectlContext, path: string): Promise<StreamSession | string> {
  const response = await ctx.api.handler({
    method: 'GET',
    path,
    headers: {
      'user-agent': KUBECTL_USER_AGENT,
      upgrade: 'websocket',
      connection: 'Upgrade',
      'sec-websocket-version': '13',
      'sec-websocket-protocol': 'v5.channel.k8s.io',
    },
  });
  if (response.status === 101 && response.session) return response.session;
  return errorText(apiError(response, 'get', ''));
}

/** Runs an open session to its end: stdin in, output out, Ctrl-C closing it (status 130). */
export async function runSession(
  ctx: KubectlContext,
  session: StreamSession,
  streams: RemoteStreams,
): Promise<RemoteResult> {
  const tty = streams.tty ? ctx.tty : undefined;
  let ended = false;
  const cleanups: Array<() => void> = [];
  if (tty) {
    tty.setRawMode(true);
    cleanups.push(() => tty.setRawMode(false));
    session.resize(tty.cols, tty.rows);
    cleanups.push(tty.onResize(() => session.resize(tty.cols, tty.rows)));
  }
  cleanups.push(ctx.signal.onAbort(() => session.close()));
  if (streams.stdin) {
    void (async () => {
      for (;;) {
        const chunk = await ctx.stdin.read();
        if (ended) return;
        if (chunk === null) {
          session.stdin(null);
          return;
        }
        session.stdin(encodeUtf8(chunk));
      }
    })();
  }
  const decoders = { 1: utf8Stream(), 2: utf8Stream() };
  try {
    for await (const [channel, data] of session.output) {
      // In raw mode the local terminal passes the container's terminal output (\r\n line ends) as is.
      const text = decoders[channel](data);
      if (channel === 1) await ctx.stdout.write(text);
      else if (streams.stderr) await ctx.stderr.write(text);
    }
    const status = await session.result;
    if (ctx.signal.aborted) return { code: 130 };
    return statusResult(status);
  } finally {
    ended = true;
    for (const cleanup of cleanups) cleanup();
  }
}

/** Prints a session's outcome as kubectl does and returns its exit status. */
export function finishSession(ctx: KubectlContext, result: RemoteResult): number {
  if ('error' in result) {
    ctx.stderr.write(result.error);
    return 1;
  }
  if (result.code !== 0 && result.code !== 130) ctx.stderr.write(`command terminated with exit code ${result.code}\n`);
  return result.code;
}
