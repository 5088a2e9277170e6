/** What the label and field selector parsers share: their error, and Go's string order. */

/** A label or field selector that does not parse; the message is apimachinery's, word for word. */
export class SelectorError extends Error {
  override name = 'SelectorError';
}

/** Go's string order (sort.Strings, sets.String.List): by UTF-8 bytes, which is code point order. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}
