import { parseDocument } from 'yaml';
import type { Volume } from '../../shell/fs/volume';
import { joinPath } from '../../shell/fs/path';
import { goYamlMessage } from '../go-yaml-error';
import { KustomizeError } from './errors';

/** A generator's entries (types.GeneratorArgs / KvPairSources). */
export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  options?: GeneratorOptions;
  /** Secrets only. */
  type?: string;
}

/** generatorOptions (types.GeneratorOptions). */
export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

/** A patch's target selector (types.Selector). */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** One entry of `patches` / `patchesJson6902`. */
export interface PatchEntry {
  path?: string;
  patch?: string;
  target?: PatchTarget;
  options?: { allowNameChange?: boolean; allowKindChange?: boolean };
}

/** One entry of `labels`. */
export interface LabelEntry {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
}

/** One entry of `images`. */
export interface ImageEntry {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

/** The subset of kustomization.yaml this build understands (types.Kustomization). */
export interface Kustomization {
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  commonLabels?: Record<string, string>;
  labels?: LabelEntry[];
  commonAnnotations?: Record<string, string>;
  resources?: string[];
  bases?: string[];
  images?: ImageEntry[];
  imageTags?: ImageEntry[];
  replicas?: Array<{ name?: string; count?: number }>;
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  patches?: PatchEntry[];
  patchesStrategicMerge?: string[];
  patchesJson6902?: PatchEntry[];
  vars?: unknown[];
}

/** The names a kustomization file may have, in the order kustomize tries them. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Every top-level field types.Kustomization declares: any other is an unknown field. */
const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'imageTags',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'buildMetadata',
]);

/** The deprecated fields and the warnings kustomize prints for them (CheckDeprecatedFields), in its order. */
const EDIT_FIX = "Run 'kustomize edit fix' to update your Kustomization automatically.";
const DEPRECATIONS: Array<[keyof Kustomization, string]> = [
  ['bases', `# Warning: 'bases' is deprecated. Please use 'resources' instead. ${EDIT_FIX}`],
  ['commonLabels', `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${EDIT_FIX}`],
  ['imageTags', `# Warning: 'imageTags' is deprecated. Please use 'images' instead. ${EDIT_FIX}`],
  ['patchesJson6902', `# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`],
  [
    'patchesStrategicMerge',
    `# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`,
  ],
  ['vars', `# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${EDIT_FIX}`],
];

/** A directory's kustomization, read and checked, with the deprecation warnings it earns. */
export interface LoadedKustomization {
  kustomization: Kustomization;
  warnings: string[];
}

/** Reads the kustomization file in `dir` (an absolute path) as KustTarget.Load does. */
export function loadKustomization(fs: Volume, dir: string): LoadedKustomization {
  const found = KUSTOMIZATION_FILE_NAMES.filter((name) => {
    const path = joinPath(dir, name);
    return fs.exists(path) && !fs.isDirectory(path);
  });
  if (found.length === 0) {
    throw new KustomizeError(
      `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`,
    );
  }
  if (found.length > 1) throw new KustomizeError(`Found multiple kustomization files under: ${dir}\n`);
  const text = fs.readFile(joinPath(dir, found[0]));
  const parsed = parseDocument(text, { uniqueKeys: false });
  const error = parsed.errors[0];
  if (error) throw new KustomizeError(`invalid Kustomization: ${goYamlMessage(text, error)}`);
  const value: unknown = parsed.toJS() ?? {};
  const kustomization = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const unknown = Object.keys(kustomization).find((key) => !KNOWN_FIELDS.has(key));
  if (unknown !== undefined) throw new KustomizeError(`invalid Kustomization: json: unknown field "${unknown}"`);
  const k = kustomization as Kustomization;
  const warnings = DEPRECATIONS.filter(([field]) => k[field] !== undefined && k[field] !== null).map(([, w]) => w);
  // FixKustomization: the deprecated lists join their successors.
  k.resources = [...(k.resources ?? []), ...(k.bases ?? [])];
  k.images = [...(k.images ?? []), ...(k.imageTags ?? [])];
  if (Object.keys(kustomization).every((key) => key === 'apiVersion' || key === 'kind')) {
    throw new KustomizeError('kustomization.yaml is empty');
  }
  return { kustomization: k, warnings };
}
