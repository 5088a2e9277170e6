import { kindOf, nameOf, rename, type KResource } from './resource';

/** Kinds whose names a prefix or suffix leaves alone (prefixFieldSpecsToSkip). */
const SKIPPED = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

/** `namePrefix` and `nameSuffix`: each renames every other object, remembering the old name. */
export function transformNameAffixes(resources: readonly KResource[], prefix: string, suffix: string): void {
  for (const r of resources) {
    if (SKIPPED.has(kindOf(r))) continue;
    if (prefix) rename(r, prefix + nameOf(r));
    if (suffix) rename(r, nameOf(r) + suffix);
  }
}
