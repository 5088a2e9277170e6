import type { Clock } from '../clock';
import { MINIKUBE_CA_CERT } from '../controllers/minikube-ca';
import type { ServerEndpoint } from './host-network';
import { goDate, PLAIN_REQUEST_TO_TLS_SERVER, reasonPhrase } from './host-network-http';

// The certificates the host meets on minikube's network, and how a client judges them. kubeplay
// has no real TLS: a certificate is its fields, and a CA file vouches for one when it holds the
// issuing CA's PEM (minikube's CA is the constant ~/.minikube/ca.crt and kube-root-ca.crt hold).

/** A server certificate as a client's TLS library reports it. */
export interface ServerCertificate {
  /** The subject's RDNs in order, e.g. `[['O', 'system:masters'], ['CN', 'minikube']]`. */
  subject: ReadonlyArray<readonly [string, string]>;
  issuer: ReadonlyArray<readonly [string, string]>;
  /** subjectAltName: DNS names and IP addresses. */
  dnsNames: readonly string[];
  ipAddresses: readonly string[];
  /** Validity, epoch milliseconds. */
  notBefore: number;
  notAfter: number;
  /** The PEM of the CA that signed it; undefined when its issuer is in no file (self-signed chain). */
  issuerPem?: string;
}

/** The API server's serving certificate (minikube's apiserver.crt): minikubeCA signs it for three years. */
export const API_SERVER_CERTIFICATE: ServerCertificate = {
  subject: [
    ['O', 'system:masters'],
    ['CN', 'minikube'],
  ],
  issuer: [['CN', 'minikubeCA']],
  dnsNames: [
    'minikubeCA',
    'control-plane.minikube.internal',
    'kubernetes.default.svc.cluster.local',
    'kubernetes.default.svc',
    'kubernetes.default',
    'kubernetes',
    'localhost',
  ],
  ipAddresses: ['192.168.49.2', '10.96.0.1', '127.0.0.1', '10.0.0.1'],
  // Issued with the CA, the day before the cluster's epoch (controllers/minikube-ca.ts).
  notBefore: Date.UTC(2025, 11, 31),
  notAfter: Date.UTC(2025, 11, 31) + 1095 * 86_400_000,
  issuerPem: MINIKUBE_CA_CERT,
};

/** A kubelet's self-signed serving certificate (its own `minikube-ca@…` signs it). */
export const KUBELET_CERTIFICATE: ServerCertificate = {
  subject: [['CN', 'minikube@1767139200']],
  issuer: [['CN', 'minikube-ca@1767139200']],
  dnsNames: ['minikube'],
  ipAddresses: ['192.168.49.2'],
  notBefore: Date.UTC(2025, 11, 31),
  notAfter: Date.UTC(2025, 11, 31) + 365 * 86_400_000,
};

/** What a client concludes of a certificate. */
export type Verdict = 'ok' | 'unknown-issuer' | 'self-signed-chain' | 'name-mismatch' | 'expired';

/** The base64 body of every certificate in a PEM bundle, whitespace removed. */
function pemBodies(pem: string): string[] {
  const bodies: string[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (let m = re.exec(pem); m; m = re.exec(pem)) bodies.push(m[1].replace(/\s+/g, ''));
  return bodies;
}

/** Whether `text` holds at least one PEM certificate (what a CA file must, to load). */
export function holdsCertificates(text: string): boolean {
  return pemBodies(text).length > 0;
}

/** Whether `host` (a name or an IP literal) is one the certificate names. */
export function certificateNames(certificate: ServerCertificate, host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (/^[\d.]+$/.test(bare) || bare.includes(':')) return certificate.ipAddresses.includes(bare);
  return certificate.dnsNames.some((name) => {
    const pattern = name.toLowerCase();
    if (!pattern.startsWith('*.')) return pattern === bare;
    const rest = bare.slice(bare.indexOf('.'));
    return bare.indexOf('.') > 0 && rest === pattern.slice(1);
  });
}

/**
 * A client's verdict on `certificate` for `host`, trusting the certificates in `trusted` (the
 * system store when undefined, which holds no cluster CA): issuer first, as OpenSSL and GnuTLS
 * check it, then validity, then the name.
 */
export function verifyCertificate(
  certificate: ServerCertificate,
  host: string,
  now: number,
  trusted?: string,
): Verdict {
  const issuer = certificate.issuerPem ? pemBodies(certificate.issuerPem)[0] : undefined;
  if (!issuer) return 'self-signed-chain';
  if (trusted === undefined || !pemBodies(trusted).includes(issuer)) return 'unknown-issuer';
  if (now < certificate.notBefore || now > certificate.notAfter) return 'expired';
  return certificateNames(certificate, host) ? 'ok' : 'name-mismatch';
}

/** A distinguished name as OpenSSL's one-line form shows it in curl: `O=system:masters; CN=minikube`. */
export function opensslName(rdns: ServerCertificate['subject']): string {
  return rdns.map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * A kubelet's port 10250 as seen from the host: TLS with its self-signed certificate, and 401 to
 * every request, since the host has no client certificate and kubelets allow no anonymous access.
 */
export function kubeletEndpoint(clock: Clock): ServerEndpoint {
  return {
    tls: { certificate: KUBELET_CERTIFICATE, alpn: ['h2', 'http/1.1'], requestsClientCertificate: true },
    exchange: (_request, options) => {
      if (!options.tls) return Promise.resolve(PLAIN_REQUEST_TO_TLS_SERVER);
      const h2 = options.protocol === 'h2';
      const body = 'Unauthorized';
      const headers: Array<[string, string]> = h2
        ? [
            ['content-type', 'text/plain; charset=utf-8'],
            ['content-length', String(body.length)],
            ['date', goDate(clock.now())],
          ]
        : [
            ['Content-Type', 'text/plain; charset=utf-8'],
            ['Date', goDate(clock.now())],
            ['Content-Length', String(body.length)],
          ];
      return Promise.resolve({
        version: h2 ? 'HTTP/2' : 'HTTP/1.1',
        status: 401,
        reason: h2 ? '' : reasonPhrase(401),
        headers,
        body,
      });
    },
  };
}
