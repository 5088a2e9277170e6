import type { CancelSignal } from '../../../cancel';
import type { Clock } from '../../../clock';
import { ConnectError, type HostConnection, type HostNetwork } from '../../../network/host-network';
import { holdsCertificates, verifyCertificate } from '../../../network/host-network-tls';
import { waitFor } from '../../../network/host-network-wait';
import type { WgetConfig } from './config';
import type { WgetLog } from './log';
import type { WgetUrl } from './url';

// How wget reaches a server (src/host.c, connect.c, gnutls.c): resolve a name (`Resolving …`),
// try each address (`Connecting to …`), then for https check the certificate as GnuTLS does.

/** What opening a connection needs. */
export interface ConnectionEnv {
  network: HostNetwork;
  clock: Clock;
  signal: CancelSignal;
  log: WgetLog;
  config: WgetConfig;
  /** The CA file's text (--ca-certificate); undefined when none was given or it did not load. */
  caText?: string;
}

/** Why no connection: wget's exit status, and whether another try may do better. */
export interface ConnectFailure {
  status: number;
  retry: boolean;
}

/** Ctrl-C. */
export const INTERRUPTED = 'interrupted';

/** Opens a connection to `url`'s host, logging as wget does. */
export async function openConnection(
  env: ConnectionEnv,
  url: WgetUrl,
): Promise<HostConnection | ConnectFailure | typeof INTERRUPTED> {
  const { log, network, config } = env;
  const literal = /^[\d.]+$/.test(url.host) || url.host.includes(':');
  let addresses = [url.host];
  if (!literal) {
    log.verbose(`Resolving ${url.host} (${url.host})... `);
    addresses = await network.resolve(url.host);
    if (addresses.length === 0) {
      log.verbose('failed: Name or service not known.\n');
      log.notQuiet(`wget: unable to resolve host address ‘${url.host}’\n`);
      return { status: 4, retry: false };
    }
    log.verbose(`${addresses.join(', ')}\n`);
  }
  let failure: ConnectError | undefined;
  for (const ip of addresses) {
    const shown = ip.includes(':') ? `[${ip}]` : ip;
    log.verbose(
      literal
        ? `Connecting to ${shown}:${url.port}... `
        : `Connecting to ${url.host} (${url.host})|${ip}|:${url.port}... `,
    );
    const started = env.clock.now();
    const outcome = await waitFor((signal) => network.connect(ip, url.port, signal), {
      clock: env.clock,
      signal: env.signal,
      deadline: config.connectTimeout ? started + config.connectTimeout * 1000 : undefined,
      since: started,
    });
    if (outcome.kind === 'interrupted') return INTERRUPTED;
    if (outcome.kind === 'done') {
      log.verbose('connected.\n');
      return tls(env, url, outcome.value);
    }
    if (outcome.kind === 'deadline') failure = new ConnectError('timeout');
    else if (outcome.error instanceof ConnectError) failure = outcome.error;
    else throw outcome.error;
    log.verbose(`failed: ${failure.reason}.\n`);
  }
  // A refused connection is final (unless --retry-connrefused); other failures are retried.
  return { status: 4, retry: failure?.kind !== 'refused' || config.retryConnrefused };
}

/** The TLS handshake and GnuTLS's certificate check, for https. */
function tls(env: ConnectionEnv, url: WgetUrl, conn: HostConnection): HostConnection | ConnectFailure {
  if (url.scheme !== 'https') return conn;
  const { log, config } = env;
  if (!conn.tls) {
    log.notQuiet('GnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection.\n');
    return { status: 4, retry: false };
  }
  const trusted = env.caText !== undefined && holdsCertificates(env.caText) ? env.caText : undefined;
  const verdict = verifyCertificate(conn.tls.certificate, url.host, env.clock.now(), trusted);
  if (verdict === 'ok') return conn;
  const level = config.checkCertificate ? 'ERROR' : 'WARNING';
  const host = `‘${url.host}’`;
  if (verdict === 'name-mismatch') {
    log.notQuiet(
      config.checkCertificate
        ? `The certificate's owner does not match hostname ${host}\n`
        : `WARNING: The certificate's owner does not match hostname ${host}\n`,
    );
  } else if (verdict === 'expired') log.notQuiet(`${level}: The certificate of ${host} has expired.\n`);
  else {
    log.notQuiet(`${level}: The certificate of ${host} is not trusted.\n`);
    log.notQuiet(`${level}: The certificate of ${host} doesn't have a known issuer.\n`);
  }
  return config.checkCertificate ? { status: 5, retry: false } : conn;
}
