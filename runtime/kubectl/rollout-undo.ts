import { kindPrefix } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import type { FileContext } from './manifests';
import { jsonEqual } from './apply-patch';
import { resourceUrl } from './resource-url';
import { REVISION_ANNOTATION, workloadRevisions, type Revision } from './rollout-revisions';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';
import { visitFlagged, type LiveObject } from './visit-objects';
import type { KubectlClient } from './kubectl-client';
import type { ApiResourceInfo } from './discovery';

/** Annotations a rollback keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const withoutHash = (template: unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string> } };
  delete copy.metadata?.labels?.['pod-template-hash'];
  return copy;
};

type Annotated = { metadata: { annotations?: Record<string, string> } };

/** The revision `--to-revision` names (0: the one before the newest), or the error kubectl gives. */
function pickRevision(revisions: Revision[], to: number, name: string, deployment: boolean): Revision | string {
  const notFound = `unable to find specified revision ${to} in history`;
  if (to < 0) return notFound;
  if (to > 0) return revisions.find((r) => r.revision === to) ?? notFound;
  if (revisions.length < 2)
    return deployment
      ? `no rollout history found for deployment ${JSON.stringify(name)}`
      : 'no last revision to roll back to';
  return revisions[revisions.length - 2];
}

/** Rolls one workload back (polymorphichelpers' Rollbackers); the verb to print, or an error text. */
async function rollback(client: KubectlClient, info: ApiResourceInfo, object: LiveObject, to: number): Promise<string> {
  const revisions = await workloadRevisions(client, info, object);
  const kind = info.group ? `${info.kind}.${info.group}` : info.kind;
  if (!revisions) throw new Error(`no rollbacker has been implemented for ${JSON.stringify(kind)}`);
  const deployment = info.kind === 'Deployment';
  const picked = pickRevision(revisions, to, object.metadata.name, deployment);
  if (typeof picked === 'string') throw new Error(picked);
  const spec = object.spec as { paused?: boolean; template?: unknown };
  if (deployment && spec.paused)
    throw new Error(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  if (jsonEqual(withoutHash(picked.template), withoutHash(spec.template)))
    return `skipped rollback (current template already matches revision ${to})`;
  const path = resourceUrl(info, object.metadata.namespace, object.metadata.name);
  const target = `${info.resource} ${object.metadata.name}`;
  if (deployment) {
    const annotations: Record<string, string> = {};
    const live = (object as Annotated).metadata.annotations ?? {};
    for (const key of ANNOTATIONS_TO_SKIP) if (key in live) annotations[key] = live[key];
    for (const [key, value] of Object.entries((picked.source as Annotated).metadata.annotations ?? {}))
      if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
    const patch = [
      { op: 'replace', path: '/spec/template', value: withoutHash(picked.template) },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ];
    await patchOrFail(client, path, 'application/json-patch+json', patch, target, to);
  } else {
    const data = (picked.source as { data?: unknown }).data ?? {};
    await patchOrFail(client, path, 'application/strategic-merge-patch+json', data, target, to);
  }
  return 'rolled back';
}

async function patchOrFail(
  client: KubectlClient,
  path: string,
  contentType: string,
  value: unknown,
  target: string,
  to: number,
): Promise<void> {
  try {
    await client.json(path, { method: 'PATCH', contentType, value, verb: 'patch', target });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new Error(`failed restoring revision ${to}: ${error.message}`, { cause: error });
  }
}

/** `kubectl rollout undo` (rollout_undo.go): restores a previous revision's pod template. */
export const rolloutUndo: KubectlSubcommand = {
  name: 'undo',
  flags: [
    { name: 'dry-run', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'to-revision', type: 'int' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const filenames = (flags.get('filename') as string[] | undefined) ?? [];
    if (ctx.args.length === 0 && filenames.length === 0) return fail(stderr, 'required resource not specified');
    const to = Number(flags.get('to-revision') ?? 0);
    const setup = await kubectlSetup(ctx);
    const visited = await visitFlagged(ctx, setup, filenames);
    if (typeof visited === 'number') return visited;
    for (const { info, object } of visited.objects) {
      let result: string;
      try {
        result = await rollback(setup.client, info, object, to);
      } catch (error) {
        if (error instanceof ApiError) {
          stderr.write(errorsText([error]));
          return 1;
        }
        if (error instanceof Error) return fail(stderr, error.message);
        throw error;
      }
      const printed = `${kindPrefix(info)}/${object.metadata.name}`;
      stdout.write(flags.get('output') === 'name' ? `${printed}\n` : `${printed} ${result}\n`);
    }
    if (visited.errors.length > 0) {
      stderr.write(errorsText(visited.errors.slice(0, 1)));
      return 1;
    }
    return 0;
  },
};
