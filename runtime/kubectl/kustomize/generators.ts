import { base64 } from '../../util/sha256';
import { encodeUtf8 } from '../../util/utf8';
import type { GeneratorArgs, GeneratorOptions } from './kustomization';
import { KustomizeError } from './errors';
import type { KObject, KResource } from './resource';

/** Reads a file a generator names, relative to the kustomization (the loader). */
export type ReadFile = (path: string) => string;

/** `key=value` with matching quotes around the value removed (parseLiteralSource). */
function literalPair(source: string): [string, string] {
  const equals = source.indexOf('=');
  if (equals <= 0) throw new KustomizeError(`invalid literal source ${source}, expected key=value`);
  const value = source.slice(equals + 1);
  const quoted = value.length >= 2 && value[0] === value[value.length - 1] && (value[0] === '"' || value[0] === "'");
  return [source.slice(0, equals), quoted ? value.slice(1, -1) : value];
}

/** `path` or `key=path` (generators.ParseFileSource). */
function fileSource(source: string): [string, string] {
  const parts = source.split('=');
  if (parts.length === 1) return [source.slice(source.lastIndexOf('/') + 1), source];
  if (parts.length > 2) throw new KustomizeError(`source "${source}" key name or file path contains '='`);
  return [parts[0], parts[1]];
}

/** An env file's `KEY=VALUE` lines; blank lines and `#` comments skipped (keyValuesFromLines). */
function envPairs(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    out.push(equals < 0 ? [line, ''] : [line.slice(0, equals), line.slice(equals + 1)]);
  }
  return out;
}

/** The key/value pairs of a generator: env files, then literals, then files (kv.loader.Load). */
function pairsOf(args: GeneratorArgs, kind: string, read: ReadFile): Map<string, string> {
  const envs = [...(args.envs ?? []), ...(args.env ? [args.env] : [])];
  const pairs: Array<[string, string]> = [
    ...envs.flatMap((path) => envPairs(read(path))),
    ...(args.literals ?? []).map(literalPair),
    ...(args.files ?? []).map((source): [string, string] => {
      const [key, path] = fileSource(source);
      return [key, read(path)];
    }),
  ];
  const data = new Map<string, string>();
  for (const [key, value] of pairs) {
    if (data.has(key)) {
      throw new KustomizeError(`${kind.toLowerCase()} ${args.name ?? ''} illegally repeats the key \`${key}\``);
    }
    data.set(key, value);
  }
  return data;
}

/** A generator's options over the kustomization's generatorOptions (mergeGlobalOptionsIntoLocal). */
function mergedOptions(local: GeneratorOptions | undefined, global: GeneratorOptions | undefined): GeneratorOptions {
  return {
    labels: { ...global?.labels, ...local?.labels },
    annotations: { ...global?.annotations, ...local?.annotations },
    disableNameSuffixHash: Boolean(local?.disableNameSuffixHash || global?.disableNameSuffixHash),
    immutable: Boolean(local?.immutable || global?.immutable),
  };
}

/** The ConfigMap or Secret a configMapGenerator / secretGenerator entry makes. */
export function generate(
  kind: 'ConfigMap' | 'Secret',
  args: GeneratorArgs,
  globalOptions: GeneratorOptions | undefined,
  read: ReadFile,
): KResource {
  if (!args.name) throw new KustomizeError(`a ${kind.toLowerCase()} must have a name`);
  const options = mergedOptions(args.options, globalOptions);
  const metadata: KObject = { name: args.name };
  if (args.namespace) metadata.namespace = args.namespace;
  if (Object.keys(options.labels ?? {}).length > 0) metadata.labels = { ...options.labels };
  if (Object.keys(options.annotations ?? {}).length > 0) metadata.annotations = { ...options.annotations };
  const object: KObject = { apiVersion: 'v1', kind, metadata };
  const pairs = pairsOf(args, kind, read);
  if (pairs.size > 0) {
    object.data = Object.fromEntries(
      [...pairs].map(([key, value]) => [key, kind === 'Secret' ? base64(encodeUtf8(value)) : value]),
    );
  }
  if (kind === 'Secret') object.type = args.type || 'Opaque';
  if (options.immutable) object.immutable = true;
  return { object, previousIds: [], needsHash: !options.disableNameSuffixHash, behavior: args.behavior || 'create' };
}
