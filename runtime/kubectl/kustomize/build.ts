import type { Volume } from '../../shell/fs/volume';
import { toYaml } from '../printers/yaml';
import { accumulateTarget } from './accumulate';
import { contentHash } from './hash';
import { legacyOrder } from './legacy-order';
import { fixBackReferences } from './name-reference';
import { nameOf, rename } from './resource';

/** What a build prints: the objects' YAML documents, and kustomize's warnings (for stderr). */
export interface BuildResult {
  yaml: string;
  warnings: string[];
}

/**
 * `kustomize build` of an absolute directory, as kubectl runs it (krusty with the legacy order):
 * the tree accumulated, generated names hashed, references fixed, objects sorted and printed.
 * Throws a KustomizeError with kustomize's message.
 */
export function buildKustomization(fs: Volume, dir: string): BuildResult {
  const warnings: string[] = [];
  const resources = accumulateTarget({ fs, warn: (line) => warnings.push(line) }, dir);
  for (const r of resources) if (r.needsHash) rename(r, `${nameOf(r)}-${contentHash(r)}`);
  fixBackReferences(resources);
  const yaml = legacyOrder(resources)
    .map((r) => toYaml(r.object))
    .join('---\n');
  return { yaml, warnings };
}
