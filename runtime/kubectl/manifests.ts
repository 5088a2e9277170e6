import { parseAllDocuments } from 'yaml';
import type { InputStream } from '../shell/command';
import type { Volume } from '../shell/fs/volume';
import { joinPath, normalizePath } from '../shell/fs/path';
import { readAll } from '../shell/process';
import { goJson } from './apply-patch';
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

/** An error that stops the builder before anything is visited (`the path "x" does not exist`). */
export class ManifestError extends Error {}

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

/** The documents of a stream, as the YAMLOrJSONDecoder reads them; a parse failure throws its text. */
function decodeDocuments(text: string): unknown[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return [JSON.parse(trimmed)];
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0].line ?? 1;
      const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new Error(`error converting YAML to JSON: yaml: line ${line}: ${what}`);
    }
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
  const fs = ctx.fs;
  const cwd = ctx.cwd ?? '/';
  const sources: string[] = [];
  for (const name of filenames) {
    if (name === '-') sources.push('STDIN');
    else if (!fs || !fs.exists(normalizePath(name, cwd)))
      throw new ManifestError(`the path ${JSON.stringify(name)} does not exist`);
    else sources.push(...expandPath(fs, name, normalizePath(name, cwd), options.recursive));
  }
  const result: ManifestResult = { manifests: [], errors: [] };
  for (const source of sources) {
    let text: string;
    if (source === 'STDIN') text = ctx.stdin ? await readAll(ctx.stdin) : '';
    else text = (fs as Volume).readFile(normalizePath(source, cwd));
    let documents: unknown[];
    try {
      documents = decodeDocuments(text);
    } catch (error) {
      result.errors.push(`error parsing ${source}: ${(error as Error).message}`);
      continue;
    }
    for (const document of documents) {
      if (document === null || document === undefined) continue;
      const object = document as Record<string, unknown>;
      const invalid = options.validate ? validationError(object, options.resources) : undefined;
      if (invalid) {
        result.errors.push(
          `error validating ${JSON.stringify(source)}: error validating data: ${invalid}; if you choose to ignore these errors, turn validation off with --validate=false`,
        );
        break;
      }
      if (typeof object.kind !== 'string' || object.kind === '') {
        result.errors.push(
          `unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${goJson(object)}'`,
        );
        continue;
      }
      for (const item of flatten(object)) mapItem(item, source, options, result);
    }
  }
  return result;
}

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
  const info = options.resources.find((r) => r.group === group && r.version === version && r.kind === kind);
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
 * Why the client-side schema check rejects an object, as kubectl does against kubeplay's OpenAPI:
 * no kind; a List (no schema); a kind the server does not serve (no OpenAPI document).
 */
function validationError(object: Record<string, unknown>, resources: readonly ApiResourceInfo[]): string | undefined {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (kind === '') return 'kind not set';
  if (kind.endsWith('List') && Array.isArray(object.items)) return 'the server could not find the requested resource';
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  if (!resources.some((r) => r.group === group && r.version === version && r.kind === kind)) {
    return 'failed to download openapi: the server could not find the requested resource';
  }
  return undefined;
}
