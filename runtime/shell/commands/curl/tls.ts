import type { HostConnection } from '../../../network/host-network';
import {
  certificateNames,
  holdsCertificates,
  opensslName,
  verifyCertificate,
  type ServerCertificate,
} from '../../../network/host-network-tls';
import type { CurlError } from './errors';
import type { Trace } from './trace';

// curl's TLS handshake with OpenSSL 3.0 as -v shows it (TLS 1.3 with a Go server: the record
// sizes are those of minikube's API server), and its verdict (lib/vtls/openssl.c): error 77 when
// the CA file will not load, 60 when the chain or the name fails, 35 when the server speaks no
// TLS. -k skips both checks and reports the chain's result.

/** The system CA bundle curl 7.88 on Debian uses. */
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** X509_verify_cert_error_string results, with their numbers (for -v and %{ssl_verify_result}). */
const VERIFY_ERRORS = {
  'unknown-issuer': ['unable to get local issuer certificate', 20, 'unknown CA (560)'],
  'self-signed-chain': ['self-signed certificate in certificate chain', 19, 'unknown CA (560)'],
  expired: ['certificate has expired', 10, 'certificate expired (557)'],
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ASN1_TIME_print: `Dec 31 00:00:00 2025 GMT`. */
function asn1Time(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/** What the handshake settled. */
export interface TlsSession {
  /** The protocol ALPN agreed on. */
  alpn: 'h2' | 'http/1.1';
  /** OpenSSL's verify result (0: ok). */
  verifyResult: number;
}

/** What the handshake needs from curl's options and the machine. */
export interface TlsOptions {
  insecure: boolean;
  /** --cacert as given. */
  cacert?: string;
  /** Offer h2 (not with --http1.1 or -0). */
  offerH2: boolean;
  /** The host as in the URL (what the certificate must name). */
  host: string;
  now: number;
  /** Reads a CA file; undefined when it cannot be read. */
  readCaFile(path: string): Promise<string | undefined>;
}

const fail = (code: number, message: string): CurlError => ({ code, message });

/** Runs the handshake on `conn`, tracing it; resolves to the session or to curl's error. */
export async function handshake(
  conn: HostConnection,
  options: TlsOptions,
  trace: Trace,
): Promise<TlsSession | CurlError> {
  trace.info(`ALPN: offers ${options.offerH2 ? 'h2,http/1.1' : 'http/1.1'}`);
  trace.data('out', 5);
  trace.info('TLSv1.3 (OUT), TLS handshake, Client hello (1):');
  trace.data('out', 512);
  let trusted: string | undefined;
  if (!options.insecure) {
    const file = options.cacert ?? CA_BUNDLE;
    const text = options.cacert === undefined ? '' : await options.readCaFile(options.cacert);
    if (text === undefined || (options.cacert !== undefined && !holdsCertificates(text)))
      return fail(77, `error setting certificate file: ${file}`);
    trusted = text;
    trace.info(` CAfile: ${file}`);
    trace.info(' CApath: /etc/ssl/certs');
  }
  trace.data('in', 5);
  const server = conn.tls;
  if (!server) return fail(35, 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number');
  const alpn = options.offerH2 && server.alpn.includes('h2') ? 'h2' : 'http/1.1';
  trace.info('TLSv1.3 (IN), TLS handshake, Server hello (2):');
  trace.data('in', 122);
  trace.info('TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):');
  trace.data('in', alpn === 'h2' ? 15 : 21);
  if (server.requestsClientCertificate) {
    trace.info('TLSv1.3 (IN), TLS handshake, Request CERT (13):');
    trace.data('in', 45);
  }
  trace.info('TLSv1.3 (IN), TLS handshake, Certificate (11):');
  trace.data('in', 1055);
  const certificate = server.certificate;
  const verdict = verifyCertificate(certificate, options.host, options.now, trusted ?? '');
  const chain = verdict === 'ok' || verdict === 'name-mismatch' ? undefined : VERIFY_ERRORS[verdict];
  if (chain && !options.insecure) {
    trace.info(`TLSv1.3 (OUT), TLS alert, ${chain[2]}:`);
    trace.data('out', 2);
    return fail(60, `SSL certificate problem: ${chain[0]}`);
  }
  trace.info('TLSv1.3 (IN), TLS handshake, CERT verify (15):');
  trace.data('in', 264);
  trace.info('TLSv1.3 (IN), TLS handshake, Finished (20):');
  trace.data('in', 36);
  trace.info('TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):');
  trace.data('out', 1);
  if (server.requestsClientCertificate) {
    trace.info('TLSv1.3 (OUT), TLS handshake, Certificate (11):');
    trace.data('out', 8);
  }
  trace.info('TLSv1.3 (OUT), TLS handshake, Finished (20):');
  trace.data('out', 36);
  trace.info('SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256');
  trace.info(`ALPN: server accepted ${alpn}`);
  const mismatch = !options.insecure && describeCertificate(certificate, options.host, trace);
  if (options.insecure) describeCertificate(certificate, undefined, trace);
  if (mismatch)
    return fail(60, `SSL: no alternative certificate subject name matches target host name '${options.host}'`);
  trace.info(` issuer: ${opensslName(certificate.issuer)}`);
  if (chain) trace.info(` SSL certificate verify result: ${chain[0]} (${chain[1]}), continuing anyway.`);
  else trace.info(' SSL certificate verify ok.');
  return { alpn, verifyResult: chain ? chain[1] : 0 };
}

/**
 * The `Server certificate:` lines up to the name check (when `host` is given: curl checks the
 * name before it prints the issuer); true when the name does not match.
 */
function describeCertificate(certificate: ServerCertificate, host: string | undefined, trace: Trace): boolean {
  trace.info('Server certificate:');
  trace.info(` subject: ${opensslName(certificate.subject)}`);
  trace.info(` start date: ${asn1Time(certificate.notBefore)}`);
  trace.info(` expire date: ${asn1Time(certificate.notAfter)}`);
  if (host === undefined) return false;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (!certificateNames(certificate, bare)) {
    trace.info(` subjectAltName does not match ${host}`);
    return true;
  }
  const ip = /^[\d.]+$/.test(bare) || bare.includes(':');
  trace.info(
    ip
      ? ` subjectAltName: host "${bare}" matched cert's IP address!`
      : ` subjectAltName: host "${bare}" matched cert's "${bare}"`,
  );
  return false;
}
