import { parseAllDocuments } from 'yaml';
import type { InputStream } from '../shell/command';
import type { Volume } from '../shell/fs/volume';
import { joinPath, normalizePath } from '../shell/fs/path';
import { readAll } from '../shell/process';
import { goJson } from './apply-patch';
import { fetchExample, isUrl } from './example-manifests';
import { goJsonDecodeError } from '../util/go-json-syntax';
import { goYamlError } from './go-yaml-error';
import { KustomizeError } from './kustomize/errors';
import { kustomizeBuild } from './kustomize';
import type { ApiResourceInfo } from './discovery';
import type { KubectlContext } from './subcommand';

/** A kubectl context with the shell's filesystem and standard input, which `-f` reads. */
export type FileContext = KubectlContext & { fs?: Volume; cwd?: string; stdin?: InputStream };

/** One object read from a manifest, mapped to the resource that serves it. */
export interface Manifest {
  /** The file it came from (`STDIN` for `-f -`), as error texts name it. */
  source: string;
  object: Record<string, unknown>;
  info: ApiResourceInfo;
  name: string;
  /** Its namespace (the one in effect when the manifest names none); undefined when cluster-scoped. */
  namespace?: string;
}

/** What the builder read: objects in order, and the errors it met on the way (ContinueOnError). */
export interface ManifestResult {
  manifests: Manifest[];
  errors: string[];
}

/**
 * An error that stops the builder (`the path "x" does not exist`, a URL that cannot be read),
 * printed after `error: ` unless `bare` (CheckErr prints a connection failure as it is).
 */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly bare = false,
  ) {
    super(message);
  }
}

/** What a command prints for a ManifestError, and its exit code. */
export function manifestFailure(stderr: FileContext['stderr'], error: ManifestError): number {
  stderr.write(error.bare ? `${error.message}\n` : `error: ${error.message}\n`);
  return 1;
}

/** The extensions a directory's files need to be read (resource.FileExtensions). */
const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** The files a path names: itself, or a directory's manifests (its subdirectories' with -R), as filepath.Walk visits them. */
function expandPath(fs: Volume, path: string, absolute: string, recursive: boolean, top = true): string[] {
  if (!fs.isDirectory(absolute)) return [path];
  if (!top && !recursive) return [];
  const out: string[] = [];
  for (const entry of fs.list(absolute)) {
    const child = joinPath(path, entry.name);
    const childAbsolute = joinPath(absolute, entry.name);
    if (entry.directory) out.push(...expandPath(fs, child, childAbsolute, recursive, false));
    else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push(child);
  }
  return out;
}

/**
 * The documents of a stream, as the YAMLOrJSONDecoder reads them: what looks like JSON is decoded
 * as JSON, and as YAML when that fails (the JSON error is the one reported if YAML fails too).
 * A parse failure throws its text.
 */
function decodeDocuments(text: string): unknown[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const jsonError = trimmed.startsWith('{') ? goJsonDecodeError(text) : undefined;
  if (trimmed.startsWith('{') && jsonError === undefined) {
    try {
      return [JSON.parse(trimmed)];
    } catch {
      // More than one JSON value: read as a YAML stream below.
    }
  }
  const out: unknown[] = [];
  // go-yaml v2 lets a later duplicate key win, so the `yaml` library must not refuse them.
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    const error = doc.errors[0];
    if (error) throw new Error(jsonError ?? goYamlError(text, error));
    out.push(doc.toJS());
  }
  return out;
}

/** Items of a List (and of Lists inside it), flattened (FlattenListVisitor). */
function flatten(object: Record<string, unknown>): Array<Record<string, unknown>> {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (!kind.endsWith('List') || !Array.isArray(object.items)) return [object];
  return (object.items as Array<Record<string, unknown>>).flatMap(flatten);
}

/** The directory `-k` names, when given (FilenameOptions.Kustomize). */
export function kustomizeFlag(ctx: Pick<KubectlContext, 'flags'>): string | undefined {
  const dir = ctx.flags.get('kustomize');
  return typeof dir === 'string' && dir !== '' ? dir : undefined;
}

/** The YAML `-k DIR` builds; kustomize's warnings go to stderr, its errors become ManifestErrors. */
function buildForManifests(ctx: FileContext, dir: string): string {
  try {
    if (!ctx.fs) throw new KustomizeError(`must build at directory: not a valid directory: '${dir}'`);
    return kustomizeBuild(ctx.fs, ctx.cwd ?? '/', dir, (line) => ctx.stderr.write(`${line}\n`));
  } catch (error) {
    if (error instanceof KustomizeError) throw new ManifestError(error.message);
    throw error;
  }
}

/**
 * Reads `-f` paths as cli-runtime's builder does (FilenameParam with Flatten and ContinueOnError):
 * files, directories, `-` for standard input; multi-document YAML and JSON; Lists flattened.
 * Objects without a namespace get `namespace`; with `enforceNamespace` (an explicit -n) a
 * different one is an error.
 */
export async function readManifests(
  ctx: FileContext,
  filenames: readonly string[],
  options: {
    recursive: boolean;
    resources: readonly ApiResourceInfo[];
    namespace: string;
    enforceNamespace: boolean;
    /** --validate=strict (create, apply): objects are checked against the server's schema first. */
    validate?: boolean;
  },
): Promise<ManifestResult> {
  const result: ManifestResult = { manifests: [], errors: [] };
  const kustomizeDir = kustomizeFlag(ctx);
  if (kustomizeDir !== undefined) {
    if (filenames.length > 0) throw new ManifestError('only one of -f or -k can be specified');
    if (options.recursive) throw new ManifestError("the -k flag can't be used with -f or -R");
    // The build's YAML is read as a stream named after the directory (KustomizeVisitor).
    addDocuments(result, kustomizeDir, buildForManifests(ctx, kustomizeDir), options);
    return result;
  }
  const fs = ctx.fs;
  const cwd = ctx.cwd ?? '/';
  const sources: string[] = [];
  for (const name of filenames) {
    if (name === '-' || isUrl(name)) sources.push(name === '-' ? 'STDIN' : name);
    else if (!fs || !fs.exists(normalizePath(name, cwd)))
      throw new ManifestError(`the path ${JSON.stringify(name)} does not exist`);
    else sources.push(...expandPath(fs, name, normalizePath(name, cwd), options.recursive));
  }
  for (const source of sources) {
    let text: string;
    if (source === 'STDIN') text = ctx.stdin ? await readAll(ctx.stdin) : '';
    else if (isUrl(source)) {
      const fetched = fetchExample(source);
      if ('error' in fetched) throw new ManifestError(fetched.error, fetched.connect);
      text = fetched.text;
    } else text = (fs as Volume).readFile(normalizePath(source, cwd));
    addDocuments(result, source, text, options);
  }
  return result;
}

/** Checks and maps the objects of one source's text into `result` (errors collected, not thrown). */
function addDocuments(
  result: ManifestResult,
  source: string,
  text: string,
  options: { resources: readonly ApiResourceInfo[]; namespace: string; enforceNamespace: boolean; validate?: boolean },
): void {
  let documents: unknown[];
  try {
    documents = decodeDocuments(text);
  } catch (error) {
    result.errors.push(`error parsing ${source}: ${(error as Error).message}`);
    return;
  }
  for (const document of documents) {
    if (document === null || document === undefined) continue;
    const invalid = options.validate ? validationError(document) : undefined;
    if (invalid) {
      result.errors.push(
        `error validating ${JSON.stringify(source)}: error validating data: ${invalid}; if you choose to ignore these errors, turn validation off with --validate=false`,
      );
      break;
    }
    if (!isObject(document)) {
      result.errors.push(
        `unable to decode ${JSON.stringify(source)}: json: cannot unmarshal ${jsonType(document)} into Go value of type unstructured.detector`,
      );
      continue;
    }
    const object = document;
    if (typeof object.kind !== 'string' || object.kind === '') {
      result.errors.push(`unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${goJson(object)}'`);
      continue;
    }
    for (const item of flatten(object)) mapItem(item, source, options, result);
  }
}

const withVersion = (info: ApiResourceInfo | undefined, version: string): ApiResourceInfo | undefined =>
  info && { ...info, version };

function mapItem(
  object: Record<string, unknown>,
  source: string,
  options: { resources: readonly ApiResourceInfo[]; namespace: string; enforceNamespace: boolean },
  result: ManifestResult,
): void {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  const kind = String(object.kind);
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  const name = metadata.name ?? '';
  // Without apiVersion the mapper still finds the kind in its group's versions, but the object's
  // client keeps the empty version (resource.Builder's clientFn(gvk.GroupVersion())).
  const info = apiVersion
    ? options.resources.find((r) => r.group === group && r.version === version && r.kind === kind)
    : withVersion(
        options.resources.find((r) => r.group === '' && r.kind === kind),
        '',
      );
  if (!info) {
    result.errors.push(
      `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(metadata.namespace ?? '')} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
    );
    return;
  }
  let namespace: string | undefined;
  if (info.namespaced) {
    namespace = metadata.namespace || options.namespace;
    if (options.enforceNamespace && metadata.namespace && metadata.namespace !== options.namespace) {
      result.errors.push(
        `the namespace from the provided object ${JSON.stringify(metadata.namespace)} does not match the namespace ${JSON.stringify(options.namespace)}. You must pass '--namespace=${metadata.namespace}' to perform this operation.`,
      );
      return;
    }
  }
  result.manifests.push({ source, object, info, name, namespace });
}

/**
 * Why the client-side schema check rejects an object (getObjectKind): not an object, or no
 * apiVersion or kind (an aggregate `[a, b]` of both). What OpenAPI v3 cannot vouch for (a List, a
 * kind the server does not serve) passes: kubectl's fallback to OpenAPI v2 finds no schema for
 * it and lets it through, so a List's items are created and an unserved kind fails its mapping.
 */
function validationError(document: unknown): string | undefined {
  if (!isObject(document)) return 'invalid object to validate';
  const missing: string[] = [];
  for (const field of ['apiVersion', 'kind']) {
    const value = document[field];
    if (value === undefined || value === null) missing.push(`${field} not set`);
    else if (typeof value !== 'string') missing.push(`${field} isn't string type`);
  }
  if (missing.length > 0) return missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
  return undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON type Go names when a document is no object (`json: cannot unmarshal string into …`). */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'number' : 'string';
}
