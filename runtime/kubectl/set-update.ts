import { jsonEqual } from './apply-patch';
import { kindPrefix, type ApiResourceInfo } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import type { FileContext } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup, type KubectlSetup } from './setup';
import { isBuilderError, visitObjects, type LiveObject } from './visit-objects';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The flags every `set` command shares. */
export const SET_FLAGS: KubectlSubcommand['flags'] = [
  { name: 'all', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

/**
 * The pod spec inside an object (polymorphichelpers.UpdatePodSpecForObject): a Pod's spec, a
 * workload's template, a CronJob's job template; undefined for other kinds.
 */
export function podSpecOf(object: Json): Json | undefined {
  const kind = object.kind;
  const spec = object.spec as Json | undefined;
  if (!spec) return undefined;
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob')
    return ((((spec.jobTemplate as Json)?.spec as Json)?.template as Json)?.spec as Json) ?? undefined;
  if (['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job'].includes(String(kind)))
    return (spec.template as Json | undefined)?.spec as Json | undefined;
  return undefined;
}

/** A merge patch turning `from` into `to`: changed fields, nulls for removed ones, lists whole. */
export function mergeDiff(from: Json, to: Json): Json {
  const patch: Json = {};
  for (const [key, value] of Object.entries(to)) {
    const before = from[key];
    if (isObject(value) && isObject(before)) {
      const inner = mergeDiff(before, value);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (!jsonEqual(value, before)) patch[key] = value;
  }
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}

/** What a `set` command does to one object (a copy): errors it meets are returned, not thrown. */
export type SetMutation = (object: LiveObject, info: ApiResourceInfo) => string[];

/** The resource args and the change to make. */
export interface Prepared {
  resources: string[];
  mutate: SetMutation;
  /** A check made once the objects are read (Validate runs after Complete's builder). */
  validate?: () => string | undefined;
}

/** One `set` command's shape: its verb, its checks, its change. */
export interface SetCommand {
  name: string;
  flags: KubectlSubcommand['flags'];
  /** `image updated`, `env updated` … */
  done: string;
  /** What the patch failure is prefixed with (`failed to patch image update to pod template: `). */
  patchFailure: string;
  /** Reads the arguments (and what they name, as `set env --from`): the resource args and the change, or an error text. */
  prepare(ctx: FileContext, setup: KubectlSetup): Prepared | string | Promise<Prepared | string>;
}

/**
 * Runs a `set` command as set's CalculatePatches loop does: each object visited is changed in
 * a copy; unchanged ones are skipped, changed ones are patched and printed with the verb.
 */
export function setSubcommand(command: SetCommand): KubectlSubcommand {
  return {
    name: command.name,
    flags: command.flags,
    async run(context) {
      const ctx = context as FileContext;
      const { flags, stdout, stderr } = ctx;
      const setup = await kubectlSetup(ctx);
      let prepared;
      try {
        prepared = await command.prepare(ctx, setup);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        stderr.write(errorsText([error]));
        return 1;
      }
      if (typeof prepared === 'string') return fail(stderr, prepared);
      let visited;
      try {
        visited = await visitObjects(ctx, setup, {
          args: prepared.resources,
          filenames: (flags.get('filename') as string[] | undefined) ?? [],
          recursive: flags.get('recursive') === true,
          selector: flags.has('selector') ? String(flags.get('selector')) : undefined,
          all: flags.get('all') === true,
        });
      } catch (error) {
        if (isBuilderError(error)) return fail(stderr, error.message);
        throw error;
      }
      // Complete() reads every object first: a failed GET ends the command before any change.
      if (visited.errors.length > 0) {
        stderr.write(errorsText(visited.errors.slice(0, 1)));
        return 1;
      }
      const invalid = prepared.validate?.();
      if (invalid) return fail(stderr, invalid);
      const errors: Array<ApiError | string> = [];
      const manager = String(flags.get('field-manager') ?? 'kubectl-set');
      for (const { info, object } of visited.objects) {
        const copy = JSON.parse(JSON.stringify(object)) as LiveObject;
        errors.push(...prepared.mutate(copy, info));
        const patch = mergeDiff(object, copy);
        if (Object.keys(patch).length === 0) continue;
        const { name, namespace } = object.metadata;
        try {
          await setup.client.json(`${resourceUrl(info, namespace, name)}${queryString({ fieldManager: manager })}`, {
            method: 'PATCH',
            contentType: 'application/merge-patch+json',
            value: patch,
            verb: 'patch',
            target: `${info.resource} ${name}`,
          });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          errors.push(`${command.patchFailure}${error.message}`);
          continue;
        }
        const printed = `${kindPrefix(info)}/${name}`;
        stdout.write(flags.get('output') === 'name' ? `${printed}\n` : `${printed} ${command.done}\n`);
      }
      if (errors.length > 0) {
        stderr.write(errorsText(errors));
        return 1;
      }
      return 0;
    },
  };
}

/** Resource args before the KEY=VALUE pairs (cmdutil.GetResourcesAndPairs). */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length > 0) return `all resources must be specified before ${pairType} changes: ${s}`;
    else resources.push(s);
  }
  return { resources, pairs };
}
