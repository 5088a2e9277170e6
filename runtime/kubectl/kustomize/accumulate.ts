import type { Volume } from '../../shell/fs/volume';
import { normalizePath } from '../../shell/fs/path';
import { KustomizeError } from './errors';
import { generate } from './generators';
import { transformImages } from './images';
import { loadKustomization, type GeneratorArgs, type Kustomization, type LoadedKustomization } from './kustomization';
import { transformAnnotations, transformLabels } from './metadata';
import { transformNameAffixes } from './name-affix';
import { transformNamespace } from './namespace';
import { applyPatch, applyStrategicMergePatches } from './patches';
import { transformReplicas } from './replicas';
import { resourcesFromText } from './resource-files';
import { kindOf, mapAt, nameOf, namespaceOf, type KResource } from './resource';

/** The file system and where the build's warnings go. */
export interface BuildContext {
  fs: Volume;
  warn: (line: string) => void;
}

/** `lstat` as Go words a path that is not there. */
const missing = (path: string): string => `evalsymlink failure on '${path}' : lstat ${path}: no such file or directory`;

/** Reads a file relative to a kustomization root (the loader). */
function reader(ctx: BuildContext, root: string): (path: string) => string {
  return (path) => {
    const absolute = normalizePath(path, root);
    if (!ctx.fs.exists(absolute)) throw new KustomizeError(missing(absolute));
    if (ctx.fs.isDirectory(absolute)) throw new KustomizeError(`read ${absolute}: is a directory`);
    return ctx.fs.readFile(absolute);
  };
}

/** One `resources` entry: a file's objects, or a directory's whole build (accumulateResources). */
function accumulateResource(ctx: BuildContext, root: string, path: string): KResource[] {
  const absolute = normalizePath(path, root);
  if (ctx.fs.isDirectory(absolute)) {
    // Tried as a file first (accumulateFile), then built as a kustomization directory.
    const fileError = `accumulating resources from '${path}': '${absolute}' must resolve to a file`;
    try {
      return accumulateDirectory(ctx, absolute);
    } catch (error) {
      throw new KustomizeError(`accumulation err='${fileError}': ${(error as Error).message}`);
    }
  }
  try {
    return resourcesFromText(reader(ctx, root)(path), path);
  } catch (error) {
    const message = `accumulating resources from '${path}': ${(error as Error).message}`;
    if (ctx.fs.exists(absolute)) throw new KustomizeError(message);
    throw new KustomizeError(
      `accumulation err='${message}': must build at directory: not a valid directory: ${missing(absolute)}`,
    );
  }
}

/** A `resources` directory's build, its errors prefixed as accumulateDirectory prefixes them. */
function accumulateDirectory(ctx: BuildContext, dir: string): KResource[] {
  let loaded;
  try {
    loaded = loadKustomization(ctx.fs, dir);
  } catch (error) {
    throw new KustomizeError(`couldn't make target for path '${dir}': ${(error as Error).message}`);
  }
  try {
    return accumulateLoaded(ctx, dir, loaded);
  } catch (error) {
    throw new KustomizeError(`recursed accumulation of path '${dir}': ${(error as Error).message}`);
  }
}

/** A generated object joins the build, or merges into / replaces the one it names (behavior). */
function addGenerated(resources: KResource[], generated: KResource): void {
  const existing = resources.find(
    (r) =>
      kindOf(r) === kindOf(generated) &&
      [nameOf(r), ...r.previousIds.map((id) => id.name)].includes(nameOf(generated)) &&
      (namespaceOf(r) || 'default') === (namespaceOf(generated) || 'default'),
  );
  if (!existing || generated.behavior === 'create') {
    resources.push(generated);
    return;
  }
  const merge = generated.behavior === 'merge';
  for (const field of ['data', 'binaryData']) {
    const data = { ...(merge ? (existing.object[field] as object) : {}), ...(generated.object[field] as object) };
    if (Object.keys(data).length > 0) existing.object[field] = data;
    else delete existing.object[field];
  }
  const metadata = mapAt(generated.object, 'metadata');
  for (const field of ['labels', 'annotations']) {
    if (metadata[field]) Object.assign(mapAt(mapAt(existing.object, 'metadata'), field), metadata[field]);
  }
  existing.needsHash = existing.needsHash && generated.needsHash;
}

/** The generators, then the transformers, in kustomize's order (accumulateTarget). */
function runGeneratorsAndTransformers(ctx: BuildContext, root: string, k: Kustomization, resources: KResource[]): void {
  const read = reader(ctx, root);
  const generators: Array<['ConfigMap' | 'Secret', GeneratorArgs[] | undefined]> = [
    ['ConfigMap', k.configMapGenerator],
    ['Secret', k.secretGenerator],
  ];
  for (const [kind, list] of generators) {
    for (const args of list ?? []) addGenerated(resources, generate(kind, args, k.generatorOptions, read));
  }
  const isFile = (path: string): boolean => {
    const absolute = normalizePath(path, root);
    return !path.includes('\n') && ctx.fs.exists(absolute) && !ctx.fs.isDirectory(absolute);
  };
  applyStrategicMergePatches(resources, k.patchesStrategicMerge ?? [], read, isFile);
  for (const entry of k.patches ?? []) applyPatch(resources, entry, read);
  if (k.namespace) transformNamespace(resources, k.namespace);
  transformNameAffixes(resources, k.namePrefix ?? '', k.nameSuffix ?? '');
  transformLabels(resources, k.labels ?? [], k.commonLabels);
  transformAnnotations(resources, k.commonAnnotations ?? {});
  for (const entry of k.patchesJson6902 ?? []) applyPatch(resources, entry, read);
  transformReplicas(resources, k.replicas);
  transformImages(resources, k.images ?? []);
}

/** The objects a kustomization directory (absolute) makes, before hashes and back references. */
export function accumulateTarget(ctx: BuildContext, dir: string): KResource[] {
  return accumulateLoaded(ctx, dir, loadKustomization(ctx.fs, dir));
}

function accumulateLoaded(ctx: BuildContext, dir: string, loaded: LoadedKustomization): KResource[] {
  const { kustomization, warnings } = loaded;
  warnings.forEach(ctx.warn);
  const resources: KResource[] = [];
  try {
    for (const path of kustomization.resources ?? []) resources.push(...accumulateResource(ctx, dir, path));
  } catch (error) {
    throw new KustomizeError(`accumulating resources: ${(error as Error).message}`);
  }
  runGeneratorsAndTransformers(ctx, dir, kustomization, resources);
  return resources;
}
