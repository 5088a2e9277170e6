import { GeneratorError } from './generator';
import { sortKeys } from './go-json';

/** generate.ParseLabels (and expose's parseLabels): `k=v,k=v`, each with exactly one `=`. */
export function parseLabels(spec: string): Record<string, string> {
  if (spec === '') throw new GeneratorError('no label spec passed');
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const parts = item.split('=');
    if (parts.length !== 2) throw new GeneratorError(`unexpected label spec: ${item}`);
    if (parts[0] === '') throw new GeneratorError('unexpected empty label key');
    labels[parts[0]] = parts[1];
  }
  return sortKeys(labels);
}

/** cmdutil.ParsePairs without removals: `k=v` items, the invalid ones listed in the error. */
export function parsePairs(items: string[], pairType: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  const invalid: string[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq > 0) pairs[item.slice(0, eq)] = item.slice(eq + 1);
    else invalid.push(item);
  }
  if (invalid.length) throw new GeneratorError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return sortKeys(pairs);
}
