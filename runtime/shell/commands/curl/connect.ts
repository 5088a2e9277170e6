import type { CancelSignal } from '../../../cancel';
import type { Clock } from '../../../clock';
import { ConnectError, type HostConnection, type HostNetwork } from '../../../network/host-network';
import { waitFor } from '../../../network/host-network-wait';
import type { CurlError } from './errors';
import type { CurlBuild } from './help';
import type { ProgressMeter } from './progress';
import type { Trace } from './trace';

// Resolving and connecting as curl 7.88 does (lib/connect.c, cf-socket.c): `localhost` is
// 127.0.0.1 then ::1 without asking the resolver; each address is tried in turn; a refused or
// timed-out connect moves on to the next; --connect-timeout (300 s by default) and --max-time
// bound it all.

/** curl's default connect timeout. */
const DEFAULT_CONNECT_TIMEOUT_MS = 300_000;

/** What connecting needs. */
export interface ConnectEnv {
  network: HostNetwork;
  clock: Clock;
  signal: CancelSignal;
  trace: Trace;
  meter: ProgressMeter;
  build: CurlBuild;
}

/** An open connection and where it leads. */
export interface Connected {
  conn: HostConnection;
  ip: string;
}

/** Ctrl-C stopped the transfer. */
export const INTERRUPTED = 'interrupted';

/** The addresses curl tries for `host`. */
export async function addressesOf(network: HostNetwork, host: string): Promise<string[]> {
  if (host.toLowerCase() === 'localhost') return ['127.0.0.1', '::1'];
  return network.resolve(host);
}

/**
 * Connects to `host:port` for a transfer that began at `started` (epoch ms); `connectTimeout`
 * and `maxTime` are in seconds. Resolves to the connection, curl's error, or INTERRUPTED.
 */
export async function connect(
  env: ConnectEnv,
  host: string,
  port: number,
  started: number,
  limits: { connectTimeout?: number; maxTime?: number },
): Promise<Connected | CurlError | typeof INTERRUPTED> {
  const { clock, trace } = env;
  const addresses = await addressesOf(env.network, host);
  if (addresses.length === 0) return { code: 6, message: `Could not resolve host: ${host}` };
  const connectLimit =
    started + (limits.connectTimeout !== undefined ? limits.connectTimeout * 1000 : DEFAULT_CONNECT_TIMEOUT_MS);
  const maxLimit = limits.maxTime !== undefined && limits.maxTime > 0 ? started + limits.maxTime * 1000 : Infinity;
  const deadline = Math.min(connectLimit, maxLimit);
  const elapsed = (): number => clock.now() - started;
  let timedOut = false;
  for (const ip of addresses) {
    const v6 = ip.includes(':');
    trace.info(`  Trying ${v6 ? `[${ip}]` : ip}:${port}...`);
    const outcome = await waitFor((signal) => env.network.connect(ip, port, signal), {
      clock,
      signal: env.signal,
      deadline,
      since: started,
      // The line of the second the transfer gives up in is the meter's last: no tick for it.
      onTick: () => {
        if (Math.floor((deadline - started) / 1000) !== Math.floor(elapsed() / 1000)) env.meter.tick();
      },
    });
    if (outcome.kind === 'done') return { conn: outcome.value, ip };
    if (outcome.kind === 'interrupted') return INTERRUPTED;
    if (outcome.kind === 'deadline') {
      // curl's clock overshoots its own timeouts by a millisecond or so.
      if (deadline === maxLimit)
        return { code: 28, message: `Connection timed out after ${elapsed() + 1} milliseconds` };
      trace.info(`${v6 ? 'ipv6' : 'ipv4'} connect timeout after ${elapsed() - 1}ms, move on!`);
      return {
        code: 28,
        message: `Failed to connect to ${host} port ${port} after ${elapsed() + 1} ms: Timeout was reached`,
      };
    }
    const error = outcome.error;
    if (!(error instanceof ConnectError)) throw error;
    trace.info(`connect to ${ip} port ${port} failed: ${error.reason}`);
    timedOut = error.kind === 'timeout';
  }
  return {
    code: timedOut ? 28 : 7,
    message: `Failed to connect to ${host} port ${port} after ${elapsed()} ms: ${env.build.couldntConnect}`,
  };
}
