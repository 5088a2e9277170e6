// What can be learned about a pattern before matching: whether it can match empty, where its
// matches can start, whether glibc would search it byte by byte, whether it is a plain string.
import { Assert, type Node, type Syntax } from './ast';
import { setHas } from './bracket';
import { toLower, toUpper } from './classes';

/** Whether `node` can match the empty string. */
export function nullable(node: Node | null): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'char':
    case 'any':
    case 'set':
      return false;
    case 'cat':
      return node.items.every(nullable);
    case 'alt':
      return node.branches.some(nullable);
    case 'group':
      return nullable(node.body);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

/** Whether every match of `node` must start at offset 0. */
export function anchored(node: Node | null, syntax: Syntax): boolean {
  if (!node) return false;
  if (node.kind === 'assert')
    return node.what === Assert.bufferStart || (node.what === Assert.lineStart && !syntax.newline);
  if (node.kind === 'cat') return anchored(node.items[0], syntax);
  if (node.kind === 'group') return anchored(node.body, syntax);
  if (node.kind === 'alt') return node.branches.every((b) => anchored(b, syntax));
  return false;
}

/**
 * Adds the bytes a match of `node` can start with to `into`; returns whether `node` can match
 * without consuming (so what follows it may start the match too), or null when anything goes.
 */
export function firstBytes(node: Node | null, into: Uint8Array, syntax: Syntax): boolean | null {
  if (!node) return true;
  const allHigh = (): void => {
    into.fill(1, 0x80);
  };
  switch (node.kind) {
    case 'char': {
      const variants = syntax.icase && node.cp >= 0 ? [node.cp, toLower(node.cp), toUpper(node.cp)] : [];
      into[node.bytes.charCodeAt(0)] = 1;
      for (const cp of variants) if (cp < 0x80) into[cp] = 1;
      if (variants.some((cp) => cp >= 0x80)) allHigh();
      return false;
    }
    case 'any':
      return null;
    case 'set':
      for (let cp = 0; cp < 0x80; cp++) {
        const has =
          setHas(node.set, cp) || (syntax.icase && (setHas(node.set, toLower(cp)) || setHas(node.set, toUpper(cp))));
        if (has !== node.set.negated) into[cp] = 1;
      }
      allHigh();
      return false;
    case 'cat':
      for (const item of node.items) {
        const empty = firstBytes(item, into, syntax);
        if (empty !== true) return empty;
      }
      return true;
    case 'alt': {
      let empty = false;
      for (const branch of node.branches) {
        const e = firstBytes(branch, into, syntax);
        if (e === null) return null;
        empty ||= e;
      }
      return empty;
    }
    case 'group':
      return firstBytes(node.body, into, syntax);
    case 'repeat': {
      const empty = firstBytes(node.body, into, syntax);
      return empty === null ? null : empty || node.min === 0;
    }
    case 'backref':
      return null;
    case 'assert':
      return true;
  }
}

/** Whether glibc would search for `node` byte by byte (its optimize_utf8 conditions). */
export function byteWise(node: Node | null): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'char':
    case 'any':
    case 'backref':
      return true;
    case 'set': {
      const { set } = node;
      return (
        !set.negated && set.ranges.length === 0 && set.classes.length === 0 && [...set.chars].every((c) => c < 0x80)
      );
    }
    case 'cat':
      return node.items.every(byteWise);
    case 'alt':
      return node.branches.every(byteWise);
    case 'group':
      return byteWise(node.body);
    case 'repeat':
      return byteWise(node.body);
    case 'assert':
      return node.what <= Assert.bufferEnd;
  }
}

/** The pattern as a plain byte string, when it is nothing else. */
export function literalOf(node: Node | null): string | null {
  if (node?.kind === 'char') return node.bytes;
  if (node?.kind !== 'cat') return null;
  let text = '';
  for (const item of node.items) {
    if (item.kind !== 'char') return null;
    text += item.bytes;
  }
  return text;
}
