import { editScript, unified } from '../shell/commands/diff';
import { formatDate } from '../shell/commands/coreutils/dates';
import { splitLines } from '../shell/commands/coreutils/input';
import { threeWayPatch } from './apply-patch';
import { ApiError } from './kubectl-client';
import { errorText } from './error-text';
import { ManifestError, readManifests, type FileContext, type Manifest } from './manifests';
import { toYaml } from './printers/yaml';
import { queryString, resourceUrl } from './resource-url';
import { kubectlSetup, type KubectlSetup } from './setup';
import type { KubectlSubcommand } from './subcommand';

/** The annotation client-side apply keeps the applied manifest in. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Obj = Record<string, unknown> & { metadata?: Record<string, unknown> & { annotations?: Record<string, string> } };

/** The file name diff gives an object: `[group.]version.Kind.namespace.name` (InfoObject.Name). */
const fileName = (m: Manifest): string =>
  `${m.info.group ? `${m.info.group}.` : ''}${m.info.version}.${m.info.kind}.${m.namespace ?? ''}.${m.name}`;

/** The object as diff prints it: YAML without managedFields (omitManagedFields); nothing when absent. */
function printed(object: Obj | undefined): string {
  if (!object) return '';
  const metadata = { ...(object.metadata ?? {}) };
  delete metadata.managedFields;
  return toYaml({ ...object, metadata });
}

/** The live object, or undefined when the server does not have it. */
async function live(setup: KubectlSetup, m: Manifest): Promise<Obj | undefined> {
  try {
    return await setup.client.json<Obj>(resourceUrl(m.info, m.namespace, m.name), {
      target: `${m.info.resource} ${m.name}`,
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 404) return undefined;
    throw error;
  }
}

/**
 * The object as applying the manifest would leave it (InfoObject.Merged): a server dry run of
 * the create, or of client-side apply's three-way patch (with the live resourceVersion).
 */
async function merged(setup: KubectlSetup, m: Manifest, current: Obj | undefined): Promise<Obj> {
  const query = queryString({ dryRun: 'All', fieldManager: 'kubectl-client-side-apply' });
  const metadata = { ...((m.object.metadata ?? {}) as Record<string, unknown>) };
  if (m.namespace !== undefined) metadata.namespace = m.namespace;
  const modified = { ...m.object, metadata };
  if (!current)
    return setup.client.json<Obj>(`${resourceUrl(m.info, m.namespace)}${query}`, {
      method: 'POST',
      contentType: 'application/json',
      value: modified,
      verb: 'post',
      target: m.info.resource,
    });
  const previous = current.metadata?.annotations?.[LAST_APPLIED];
  const original = previous === undefined ? undefined : (JSON.parse(previous) as Record<string, unknown>);
  const patch = threeWayPatch(original, modified, current);
  // Patcher.patchSimple: an empty patch is not sent; the live object is the result.
  if (Object.keys(patch).length === 0) return current;
  const patchMetadata = { ...((patch.metadata ?? {}) as Record<string, unknown>) };
  patchMetadata.resourceVersion = current.metadata?.resourceVersion;
  return setup.client.json<Obj>(`${resourceUrl(m.info, m.namespace, m.name)}${query}`, {
    method: 'PATCH',
    contentType: 'application/strategic-merge-patch+json',
    value: { ...patch, metadata: patchMetadata },
    verb: 'patch',
    target: `${m.info.resource} ${m.name}`,
  });
}

/** GNU diff's file time stamp: `2026-01-01 00:01:30.000000000 +0000`. */
const stamp = (ms: number): string =>
  `${formatDate('%Y-%m-%d %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}000000 +0000`;

/**
 * `kubectl diff -f` (kubectl pkg/cmd/diff): each object live and as applying it would leave it,
 * printed as YAML into two temporary folders compared as `diff -u -N LIVE MERGED` compares them
 * (GNU diff's per-file header line, then the unified diff). Exit 1 when they differ, 0 when not,
 * 2 (and more) on errors, as kubectl's CheckDiffErr.
 */
export const diff: KubectlSubcommand = {
  name: 'diff',
  flags: [
    { name: 'concurrency', type: 'int' },
    { name: 'field-manager', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'prune', type: 'bool' },
    { name: 'prune-allowlist', type: 'stringArray' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'server-side', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const failed = (message: string): number => {
      stderr.write(
        message.startsWith('error: ') || message.startsWith('Error from server') ? message : `error: ${message}\n`,
      );
      return 2;
    };
    const filenames = (flags.get('filename') as string[] | undefined) ?? [];
    if (filenames.length === 0 && !flags.get('kustomize')) return failed('must specify one of -f and -k');
    const setup = await kubectlSetup(ctx);
    let read;
    try {
      read = await readManifests(ctx, filenames, {
        recursive: flags.get('recursive') === true,
        resources: setup.resources,
        namespace: setup.namespace,
        enforceNamespace: setup.explicitNamespace,
      });
    } catch (error) {
      if (error instanceof ManifestError) return failed(error.message);
      throw error;
    }
    if (read.errors.length > 0) return failed(String(read.errors[0]));
    // os.MkdirTemp's random suffixes, here drawn from the clock.
    const now = ctx.clock.now();
    const liveDir = `/tmp/LIVE-${(now * 7919) % 4294967291}`;
    const mergedDir = `/tmp/MERGED-${(now * 104729) % 4294967291}`;
    const files: Array<{ name: string; from: string; to: string }> = [];
    for (const manifest of read.manifests) {
      try {
        const current = await live(setup, manifest);
        files.push({
          name: fileName(manifest),
          from: printed(current),
          to: printed(await merged(setup, manifest, current)),
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return failed(errorText(error));
      }
    }
    let differ = false;
    for (const file of files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (file.from === file.to) continue;
      differ = true;
      const [from, to] = [`${liveDir}/${file.name}`, `${mergedDir}/${file.name}`];
      const [a, b] = [splitLines(file.from), splitLines(file.to)];
      stdout.write(`diff -u -N ${from} ${to}\n--- ${from}\t${stamp(now)}\n+++ ${to}\t${stamp(now)}\n`);
      stdout.write(unified(a, b, editScript(a, b), 3));
    }
    return differ ? 1 : 0;
  },
};
