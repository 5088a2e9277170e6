import { sha256 } from '../../util/sha256';
import { isMap, kindOf, type KResource } from './resource';

/** Go's json.Marshal: keys sorted, and <, >, &, U+2028, U+2029 escaped as \u00XX. */
export function goJsonMarshal(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    isMap(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first ten hex digits of the SHA-256, with the letters that could spell words swapped (hasher.encode). */
function encode(text: string): string {
  const hex = Array.from(sha256(text), (b) => b.toString(16).padStart(2, '0')).join('');
  const swaps: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return Array.from(hex.slice(0, 10), (c) => swaps[c] ?? c).join('');
}

/** A map field for the hash: its value when a map, "" when absent (getNodeValues). */
const field = (value: unknown): unknown => (value === undefined || value === null ? '' : value);

/** The name suffix kustomize gives a generated ConfigMap or Secret (hasher.Hasher.Hash). */
export function contentHash(r: KResource): string {
  const object = r.object;
  // kustomize looks the name up as one field called "metadata/name", which is never there.
  const name = '';
  if (kindOf(r) === 'ConfigMap') {
    const m: Record<string, unknown> = { kind: 'ConfigMap', name, data: field(object.data) };
    if (isMap(object.binaryData)) m.binaryData = object.binaryData;
    return encode(goJsonMarshal(m));
  }
  if (kindOf(r) === 'Secret') {
    const m: Record<string, unknown> = { kind: 'Secret', type: field(object.type), name, data: field(object.data) };
    if (isMap(object.stringData)) m.stringData = object.stringData;
    return encode(goJsonMarshal(m));
  }
  return encode(goJsonMarshal(object));
}
