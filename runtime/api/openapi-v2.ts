import { SERVER_VERSION } from './version';

/**
 * `GET /openapi/v2`: the Swagger 2.0 document's head (swagger, info), as JSON or as the gnostic
 * protobuf kubectl asks for. kubeplay describes its types in OpenAPI v3; the v2 document's paths
 * and definitions are not served yet. kubectl needs the v2 document to exist: for what v3 cannot
 * vouch for (a kind the server does not serve, like the seed's extensions/v1beta1 ReplicaSet, or
 * a `kind: List` file) its validation falls back to v2, and only then goes on as against a real
 * API server ("resource mapping not found … ensure CRDs are installed first"; a List's items
 * created one by one).
 */
export function openApiV2(accept: string | undefined): { type: string; body: string } {
  const info = { title: 'Kubernetes', version: SERVER_VERSION.gitVersion };
  if (accept?.includes('protobuf')) {
    // kube-openapi answers the deprecated `spec.v2@v1.0` media type with the `.v1.0` one: Go's
    // mime parser refuses the `@`.
    return {
      type: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
      body: field(1, '2.0') + field(2, field(1, info.title) + field(2, info.version)),
    };
  }
  return { type: 'application/json', body: JSON.stringify({ swagger: '2.0', info, paths: {}, definitions: {} }) };
}

/** A length-delimited protobuf field (wire type 2) over ASCII text, as a byte string. */
function field(number: number, text: string): string {
  let length = text.length;
  let varint = '';
  do {
    const byte = length & 0x7f;
    length >>>= 7;
    varint += String.fromCharCode(length > 0 ? byte | 0x80 : byte);
  } while (length > 0);
  return String.fromCharCode((number << 3) | 2) + varint + text;
}
