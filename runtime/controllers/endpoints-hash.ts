import { encodeUtf8 } from '../util/utf8';
import type { EndpointAddress, EndpointPort, EndpointSubset, SlicePort } from './endpoints-types';

// The orders the endpoint controllers produce depend on hashes of go-spew dumps (dump.ForHash,
// `%#v` with sorted keys and no pointer addresses): RepackSubsets sorts ports and subsets by the
// MD5 of the dump, and the EndpointSlice reconciler sorts ports by the FNV-128a of it. These are
// the dumps of the few Go structs involved, fields in declaration order (k8s.io/api v0.34).

const str = (value: string | undefined): string => `(string)${value ?? ''}`;
const ptr = (type: string, value: string | number | undefined): string =>
  value === undefined ? `(*${type})<nil>` : `(*${type})${value}`;

/** The fields of a v1.ObjectReference; the pointee of `*v1.ObjectReference`. */
function objectReferenceFields(ref: EndpointAddress['targetRef']): string {
  if (!ref) return '(*v1.ObjectReference)<nil>';
  return (
    `(*v1.ObjectReference){Kind:${str(ref.kind)} Namespace:${str(ref.namespace)} Name:${str(ref.name)} ` +
    `UID:(types.UID)${ref.uid ?? ''} APIVersion:${str(ref.apiVersion)} ResourceVersion:${str(ref.resourceVersion)} ` +
    `FieldPath:${str(ref.fieldPath)}}`
  );
}

/** A v1.EndpointAddress as an element (no type in front). */
function addressDump(address: EndpointAddress): string {
  return (
    `{IP:${str(address.ip)} Hostname:${str(address.hostname)} NodeName:${ptr('string', address.nodeName)} ` +
    `TargetRef:${objectReferenceFields(address.targetRef)}}`
  );
}

/** A v1.EndpointPort's fields. */
function portFields(port: EndpointPort): string {
  return (
    `{Name:${str(port.name)} Port:(int32)${port.port} Protocol:(v1.Protocol)${port.protocol ?? ''} ` +
    `AppProtocol:${ptr('string', port.appProtocol)}}`
  );
}

const list = <T>(type: string, items: T[] | undefined, dump: (item: T) => string): string =>
  items && items.length > 0 ? `([]${type})[${items.map(dump).join(' ')}]` : `([]${type})<nil>`;

/** dump.ForHash of a v1.EndpointPort. */
export function endpointPortDump(port: EndpointPort): string {
  return `(v1.EndpointPort)${portFields(port)}`;
}

/** dump.ForHash of a v1.EndpointSubset. */
export function endpointSubsetDump(subset: EndpointSubset): string {
  return (
    `(v1.EndpointSubset){Addresses:${list('v1.EndpointAddress', subset.addresses, addressDump)} ` +
    `NotReadyAddresses:${list('v1.EndpointAddress', subset.notReadyAddresses, addressDump)} ` +
    `Ports:${list('v1.EndpointPort', subset.ports, portFields)}}`
  );
}

/** dump.ForHash of a discovery/v1 EndpointPort (every field a pointer). */
export function slicePortDump(port: SlicePort): string {
  return (
    `(v1.EndpointPort){Name:${ptr('string', port.name ?? undefined)} ` +
    `Protocol:${ptr('v1.Protocol', port.protocol ?? undefined)} Port:${ptr('int32', port.port ?? undefined)} ` +
    `AppProtocol:${ptr('string', port.appProtocol)}}`
  );
}

/** Per-round shift amounts and sines of MD5 (RFC 1321). */
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** MD5 of the UTF-8 bytes of `text`, as lowercase hex (crypto/md5 then hex.EncodeToString). */
export function md5Hex(text: string): string {
  const bytes = [...encodeUtf8(text)];
  const bitLength = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let i = 0; i < 8; i++) bytes.push(i < 4 ? (bitLength >>> (i * 8)) & 0xff : 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const m = new Array<number>(16);
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      m[i] = bytes[j] | (bytes[j + 1] << 8) | (bytes[j + 2] << 16) | (bytes[j + 3] << 24);
    }
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const sum = (a + f + MD5_K[i] + m[g]) | 0;
      const s = MD5_S[(i >> 4) * 4 + (i % 4)];
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
  }
  let hex = '';
  for (const word of h) for (let i = 0; i < 4; i++) hex += ((word >>> (i * 8)) & 0xff).toString(16).padStart(2, '0');
  return hex;
}

const FNV128_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV128_PRIME = 0x0000000001000000000000000000013bn;
const MASK128 = (1n << 128n) - 1n;

/** FNV-1a, 128 bits, of the UTF-8 bytes of `text`, as 32 hex digits (fnv.New128a). */
export function fnv128aHex(text: string): string {
  let hash = FNV128_OFFSET;
  for (const byte of encodeUtf8(text)) hash = ((hash ^ BigInt(byte)) * FNV128_PRIME) & MASK128;
  return hash.toString(16).padStart(32, '0');
}
