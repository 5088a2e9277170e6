import { randomUuid, type Rng } from '../rng';
import { base64url, fromBase64urlText } from '../util/base64url';
import { sha256 } from '../util/sha256';
import { formatTime } from '../util/time';
import { isObject, type KubeObject } from './object';
import type { ObjectStore } from './object-store';
import type { FieldError } from './resource';
import { namespaces } from './resources/namespaces';
import { pods } from './resources/pods';
import { secrets } from './resources/secrets';
import { serviceaccounts } from './resources/serviceaccounts';
import { invalid } from './status';
import type { UserInfo } from './user';

// serviceaccounts/{name}/token (`kubectl create token`) and the authentication of the tokens it
// issues: JWTs with the claims kube-apiserver writes (pkg/serviceaccount/claims.go). kubeplay
// has no private key, so the RS256-shaped signature is a keyed hash over the kube-system
// namespace's UID: stable for a cluster, checked when a token comes back.

/** minikube's --service-account-issuer and --api-audiences. */
export const ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** The signature's bytes, reused (every pod's token is signed; the text is what is kept). */
const SIGNATURE = new Uint8Array(256);

/** The signature of `input`: 256 bytes, as long as an RS256 signature with a 2048-bit key. */
function sign(input: string, key: string): string {
  // The keyed digest of the input, stretched to the signature's length by a xorshift stream
  // seeded from it: the bytes look random, and only the digest carries the proof.
  const digest = sha256(`${key}\u0000${input}`);
  const out = SIGNATURE;
  out.set(digest);
  let state = digest[0] | (digest[1] << 8) | (digest[2] << 16) | (digest[3] << 24) || 1;
  for (let i = 32; i < out.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = (state ^ digest[i % 32]) & 0xff;
  }
  return base64url(out);
}

/** A token's encoded header, naming the key by a hash of it: worked out once per key. */
function encodedHeader(key: string): string {
  if (lastHeader.key !== key) {
    lastHeader.key = key;
    lastHeader.encoded = base64url(JSON.stringify({ alg: 'RS256', kid: base64url(sha256(`kid:${key}`)) }));
  }
  return lastHeader.encoded;
}

const lastHeader: { key?: string; encoded: string } = { encoded: '' };

function signingKey(objects: ObjectStore): string {
  return objects.get(namespaces, undefined, 'kube-system').metadata?.uid ?? '';
}

interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } | null;
}

/** ValidateTokenRequest's limits on the duration. */
function validateSpec(spec: TokenRequestSpec): FieldError[] {
  const seconds = spec.expirationSeconds as number;
  if (seconds < 600) {
    return [
      {
        type: 'FieldValueInvalid',
        field: 'spec.expirationSeconds',
        message: `Invalid value: ${seconds}: may not specify a duration less than 10 minutes`,
      },
    ];
  }
  if (seconds > 2 ** 32) {
    return [
      {
        type: 'FieldValueInvalid',
        field: 'spec.expirationSeconds',
        message: `Invalid value: ${seconds}: may not specify a duration larger than 2^32 seconds`,
      },
    ];
  }
  return [];
}

/** The object a token is bound to (a Pod or Secret of the namespace), which must exist. */
function boundObject(objects: ObjectStore, namespace: string, spec: TokenRequestSpec): KubeObject | undefined {
  const ref = spec.boundObjectRef;
  if (!ref) return undefined;
  const type = ref.kind === 'Pod' ? pods : ref.kind === 'Secret' ? secrets : undefined;
  if (!type) {
    throw invalid('TokenRequest', 'authentication.k8s.io', '', [
      {
        type: 'FieldValueNotSupported',
        field: 'spec.boundObjectRef.kind',
        message: `Unsupported value: ${JSON.stringify(ref.kind ?? '')}: supported values: "Pod", "Secret"`,
      },
    ]);
  }
  return objects.get(type, namespace, ref.name ?? '');
}

/** POST serviceaccounts/{name}/token: a TokenRequest answered with a signed token. */
export function issueToken(
  objects: ObjectStore,
  namespace: string,
  name: string,
  request: KubeObject,
  now: number,
  rng: Rng,
): KubeObject {
  const account = objects.get(serviceaccounts, namespace, name);
  const spec: TokenRequestSpec = { ...(isObject(request.spec) ? (request.spec as TokenRequestSpec) : {}) };
  spec.expirationSeconds ??= 3600;
  if (!spec.audiences || spec.audiences.length === 0) spec.audiences = [ISSUER];
  const errors = validateSpec(spec);
  if (errors.length > 0) throw invalid('TokenRequest', 'authentication.k8s.io', name, errors);
  const bound = boundObject(objects, namespace, spec);
  const issuedAt = Math.floor(now / 1000);
  const expires = issuedAt + spec.expirationSeconds;
  const claims = {
    aud: spec.audiences,
    exp: expires,
    iat: issuedAt,
    iss: ISSUER,
    jti: randomUuid(rng),
    'kubernetes.io': {
      namespace,
      ...(bound
        ? { [bound.kind === 'Pod' ? 'pod' : 'secret']: { name: bound.metadata?.name, uid: bound.metadata?.uid } }
        : {}),
      serviceaccount: { name, uid: account.metadata?.uid },
    },
    nbf: issuedAt,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  const key = signingKey(objects);
  const input = `${encodedHeader(key)}.${base64url(JSON.stringify(claims))}`;
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = request;
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    ...rest,
    metadata: { ...(isObject(request.metadata) ? request.metadata : {}), name, namespace },
    spec: { ...spec, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token: `${input}.${sign(input, key)}`, expirationTimestamp: formatTime(expires * 1000) },
  };
}

/** The service account a token issued here stands for, while it is valid and its account exists. */
export function authenticateToken(
  objects: ObjectStore,
  token: string,
  now: number,
): { user: UserInfo; audiences: string[] } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    if (sign(`${parts[0]}.${parts[1]}`, signingKey(objects)) !== parts[2]) return undefined;
    const claims = JSON.parse(fromBase64urlText(parts[1])) as {
      aud: string[];
      exp: number;
      jti: string;
      'kubernetes.io': { namespace: string; serviceaccount: { name: string; uid: string } };
    };
    if (claims.exp * 1000 <= now) return undefined;
    const { namespace, serviceaccount } = claims['kubernetes.io'];
    const account = objects.get(serviceaccounts, namespace, serviceaccount.name);
    if (account.metadata?.uid !== serviceaccount.uid) return undefined;
    return {
      user: {
        username: `system:serviceaccount:${namespace}:${serviceaccount.name}`,
        uid: serviceaccount.uid,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
        extra: { 'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`] },
      },
      audiences: claims.aud,
    };
  } catch {
    return undefined;
  }
}
