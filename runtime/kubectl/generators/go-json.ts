/** Go's encoding/json writes map keys sorted (by bytes); typed generators' maps go through this. */
export function sortKeys<T>(map: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(map).sort(byBytes)) out[key] = map[key];
  return out;
}

/** Orders strings as Go's sort.Strings does (UTF-8 bytes; the same as UTF-16 outside surrogates). */
export const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
