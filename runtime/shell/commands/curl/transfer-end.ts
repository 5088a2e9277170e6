import type { HttpResponseMessage } from '../../../network/host-network';
import { waitFor } from '../../../network/host-network-wait';
import { encodeUtf8 } from '../../../util/utf8';
import type { CurlError } from './errors';
import type { TransferEnv } from './transfer';
import type { TransferInfo } from './write-out';

// How a curl transfer ends (lib/transfer.c, lib/multi.c): the body delivered (a watch's stream
// until it ends, the clock reaches --max-time, or Ctrl-C), the connection kept or closed, or
// the error that stopped it.

/** A response header's value. */
export const header = (response: HttpResponseMessage, name: string): string | undefined =>
  response.headers.find(([k]) => k.toLowerCase() === name)?.[1];

/** Writes the response's body (or its stream) out; resolves to the info when it ends the transfer. */
export async function deliverBody(
  env: TransferEnv,
  response: HttpResponseMessage,
  info: TransferInfo,
  maxTime?: number,
  started = 0,
): Promise<TransferInfo | undefined> {
  const { trace, meter } = env;
  const take = async (text: string): Promise<void> => {
    const size = encodeUtf8(text).length;
    trace.data('in', size);
    meter.progress.downloaded += size;
    info.sizeDownload += size;
    await env.output.body(text);
  };
  if (response.body) await take(response.body);
  const stream = response.stream;
  if (!stream) return undefined;
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await waitFor(() => iterator.next(), {
      clock: env.clock,
      signal: env.signal,
      deadline: maxTime,
      since: started,
    });
    if (next.kind === 'done' && !next.value.done) {
      await take(next.value.value);
      continue;
    }
    stream.close();
    if (next.kind === 'interrupted') return interrupted(info);
    if (next.kind === 'deadline') {
      const ms = env.clock.now() - started + 1;
      return failed(env, info, {
        code: 28,
        message: `Operation timed out after ${ms} milliseconds with ${info.sizeDownload} bytes received`,
      });
    }
    return undefined;
  }
}

export function closeOrKeep(
  env: TransferEnv,
  key: string,
  response: HttpResponseMessage,
  pooled: { id: number },
  host: string,
): void {
  const close = response.version === 'HTTP/1.0' || header(response, 'connection')?.toLowerCase() === 'close';
  if (close) {
    env.pool.delete(key);
    env.trace.info(`Closing connection ${pooled.id}`);
  } else env.trace.info(`Connection #${pooled.id} to host ${host} left intact`);
}

/** Ends the transfer with `error`: -v shows it, the meter its last line, and the connection closes. */
export function failed(
  env: TransferEnv,
  info: TransferInfo,
  error: CurlError,
  meterDone = true,
  key?: string,
): TransferInfo {
  env.trace.info(error.message);
  if (meterDone) env.meter.done();
  const id = key ? env.pool.get(key)?.id : undefined;
  if (key) env.pool.delete(key);
  env.trace.info(`Closing connection ${id ?? env.nextId.value - (info.numConnects > 0 ? 1 : 0)}`);
  info.error = error;
  return info;
}

export function interrupted(info: TransferInfo): TransferInfo {
  info.interrupted = true;
  return info;
}
