import { kindPrefix, qualifiedResource } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import type { FileContext } from './manifests';
import { queryString, resourceUrl } from './resource-url';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';
import { visitFlagged, type LiveObject } from './visit-objects';

/** The patch a rollout verb makes of an object, or the reason it cannot (polymorphichelpers' ObjectPauser and kin). */
type PatchMaker = (object: LiveObject, kind: string, now: number) => Record<string, unknown> | string;

interface RolloutPatch {
  name: 'pause' | 'resume' | 'restart';
  done: string;
  make: PatchMaker;
}

const paused = (object: LiveObject): boolean => (object.spec as { paused?: boolean } | undefined)?.paused === true;

/** time.Now().Format(time.RFC3339) in UTC. */
const rfc3339 = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const PATCHES: RolloutPatch[] = [
  {
    name: 'pause',
    done: 'paused',
    make: (object, kind) =>
      kind !== 'apps/Deployment'
        ? 'pausing is not supported'
        : paused(object)
          ? 'is already paused'
          : { spec: { paused: true } },
  },
  {
    name: 'resume',
    done: 'resumed',
    make: (object, kind) =>
      kind !== 'apps/Deployment'
        ? 'resuming is not supported'
        : !paused(object)
          ? 'is not paused'
          : { spec: { paused: null } },
  },
  {
    name: 'restart',
    done: 'restarted',
    make: (object, kind, now) => {
      if (!['apps/Deployment', 'apps/DaemonSet', 'apps/StatefulSet'].includes(kind))
        return 'restarting is not supported';
      if (kind === 'apps/Deployment' && paused(object))
        return "can't restart paused deployment (run rollout resume first)";
      return {
        spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': rfc3339(now) } } } },
      };
    },
  },
];

function rolloutPatchCommand(verb: RolloutPatch): KubectlSubcommand {
  return {
    name: verb.name,
    flags: [
      { name: 'field-manager', type: 'string' },
      { name: 'filename', short: 'f', type: 'stringSlice' },
      { name: 'kustomize', short: 'k', type: 'string' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'recursive', short: 'R', type: 'bool' },
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'show-managed-fields', type: 'bool' },
      { name: 'template', type: 'string' },
    ],
    async run(context) {
      const ctx = context as FileContext;
      const { flags, stdout, stderr } = ctx;
      const filenames = (flags.get('filename') as string[] | undefined) ?? [];
      if (ctx.args.length === 0 && filenames.length === 0) return fail(stderr, 'required resource not specified');
      const setup = await kubectlSetup(ctx);
      const visited = await visitFlagged(ctx, setup, filenames);
      if (typeof visited === 'number') return visited;
      // r.Infos() stops at the first failed GET: then nothing is patched.
      const errors: Array<ApiError | string> = visited.errors.slice(0, 1);
      const objects = errors.length > 0 ? [] : visited.objects;
      if (objects.length === 0 && errors.length === 0) {
        stderr.write(`No resources found in ${setup.namespace} namespace.\n`);
        return 0;
      }
      const manager = String(flags.get('field-manager') ?? 'kubectl-rollout');
      for (const { info, object } of objects) {
        const name = object.metadata.name;
        const patch = verb.make(object, `${info.group}/${info.kind}`, ctx.clock.now());
        if (typeof patch === 'string') {
          errors.push(`error: ${qualifiedResource(info)} ${JSON.stringify(name)} ${patch}`);
          continue;
        }
        try {
          await setup.client.json(
            `${resourceUrl(info, object.metadata.namespace, name)}${queryString({ fieldManager: manager })}`,
            {
              method: 'PATCH',
              contentType: 'application/strategic-merge-patch+json',
              value: patch,
              verb: 'patch',
              target: `${info.resource} ${name}`,
            },
          );
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          errors.push(`failed to patch: ${error.message}`);
          continue;
        }
        const printed = `${kindPrefix(info)}/${name}`;
        stdout.write(flags.get('output') === 'name' ? `${printed}\n` : `${printed} ${verb.done}\n`);
      }
      if (errors.length > 0) {
        stderr.write(errorsText(errors));
        return 1;
      }
      return 0;
    },
  };
}

/** `kubectl rollout pause` (rollout_pause.go): sets spec.paused on deployments. */
export const rolloutPause = rolloutPatchCommand(PATCHES[0]);
/** `kubectl rollout resume` (rollout_resume.go): clears spec.paused. */
export const rolloutResume = rolloutPatchCommand(PATCHES[1]);
/** `kubectl rollout restart` (rollout_restart.go): stamps the pod template with kubectl.kubernetes.io/restartedAt. */
export const rolloutRestart = rolloutPatchCommand(PATCHES[2]);
