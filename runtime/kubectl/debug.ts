import { createSeededRng } from '../rng';
import { attachDebugContainer } from './debug-attach';
import { nodeDebugPod, nonRootWarning, podCopy, podWithEphemeralContainer, type DebugOptions } from './debug-pods';
import { PROFILES, type ProfileName } from './debug-profiles';
import { checkErrors } from './exec';
import { isImageReference } from './generators/image-reference';
import { ApiError } from './kubectl-client';
import { CommandError, getNamedObject } from './pod-for-object';
import type { ServedObject } from './served-object';
import { kubectlSetup, type KubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

// `kubectl debug` (kubectl pkg/cmd/debug/debug.go): Complete, Validate, then for each target an
// ephemeral container added to the pod, a copy of the pod (--copy-to), or a pod on a node; with
// -i or --attach, attached to once it runs.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const str = (ctx: KubectlContext, name: string): string => String(ctx.flags.get(name) ?? '');
const bool = (ctx: KubectlContext, name: string, byDefault = false): boolean =>
  (ctx.flags.get(name) as boolean | undefined) ?? byDefault;

/** A StringToString flag's pairs (`a=1,b=2`, repeatable), in the order given. */
function pairs(ctx: KubectlContext, name: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of (ctx.flags.get(name) as string[] | undefined) ?? []) {
    const at = item.indexOf('=');
    if (at > 0) map.set(item.slice(0, at), item.slice(at + 1));
  }
  return map;
}

/** Complete: the options; throws CommandError for an unknown profile. */
function completeOptions(ctx: KubectlContext): { options: DebugOptions; targets: string[]; attach: boolean } {
  const dashAt = ctx.dashAt ?? ctx.args.length;
  const profile = str(ctx, 'profile') || 'legacy';
  if (!PROFILES.includes(profile as ProfileName)) throw new CommandError(`unknown profile: ${profile}`);
  const interactive = bool(ctx, 'stdin');
  const options: DebugOptions = {
    image: str(ctx, 'image'),
    container: str(ctx, 'container'),
    args: ctx.args.slice(dashAt),
    argsOnly: bool(ctx, 'arguments-only'),
    env: [...pairs(ctx, 'env')].map(([name, value]) => ({ name, value })),
    pullPolicy: str(ctx, 'image-pull-policy'),
    interactive,
    tty: bool(ctx, 'tty'),
    quiet: bool(ctx, 'quiet'),
    target: str(ctx, 'target'),
    copyTo: str(ctx, 'copy-to'),
    sameNode: bool(ctx, 'same-node'),
    shareProcesses: ctx.flags.has('share-processes') ? bool(ctx, 'share-processes') : undefined,
    setImages: pairs(ctx, 'set-image'),
    profile: profile as ProfileName,
    keep: {
      labels: bool(ctx, 'keep-labels'),
      annotations: bool(ctx, 'keep-annotations'),
      liveness: bool(ctx, 'keep-liveness'),
      readiness: bool(ctx, 'keep-readiness'),
      startup: bool(ctx, 'keep-startup'),
      initContainers: bool(ctx, 'keep-init-containers', true),
    },
    // kubectl's own randomness (utilrand), seeded from the client's clock: kubeplay's kubectl
    // has no seeded source of its own.
    rng: createSeededRng(`kubectl-debug/${ctx.clock.now()}/${ctx.args.join(' ')}`),
    out: ctx.stdout,
  };
  const attach = ctx.flags.has('attach') ? bool(ctx, 'attach') : interactive;
  return { options, targets: ctx.args.slice(0, dashAt), attach };
}

/** Validate: the first problem's text, printing what it prints on the way; undefined when valid. */
function validate(ctx: KubectlContext, o: DebugOptions, targets: string[], attach: boolean): string | undefined {
  if (attach && ctx.flags.has('attach') && !o.image && !o.container)
    return 'you must specify --container or create a new container using --image in order to attach.';
  if (o.copyTo) {
    if (!o.image && o.setImages.size === 0 && o.args.length === 0)
      return 'you must specify --image, --set-image or command arguments.';
    if (o.args.length > 0 && !o.container && !o.image)
      return 'you must specify an existing container or a new image when specifying args.';
  } else if (bool(ctx, 'replace')) return '--replace may only be used with --copy-to.';
  else if (o.sameNode) return '--same-node may only be used with --copy-to.';
  else if (o.setImages.size > 0) return '--set-image may only be used with --copy-to.';
  else if (!o.image) return 'you must specify --image when not using --copy-to.';
  if (o.image && !isImageReference(o.image)) return `invalid image name "${o.image}": invalid reference format`;
  if (targets.length === 0 && !ctx.flags.has('filename')) return 'NAME or filename is required for debug';
  if (!['Always', 'IfNotPresent', 'Never', ''].includes(o.pullPolicy))
    return `invalid image pull policy: ${o.pullPolicy}`;
  for (const [name, image] of o.setImages)
    if (!isImageReference(image))
      return `invalid image name "${image}" for container "${name}": invalid reference format`;
  if (o.target) {
    if (o.copyTo) return '--target is incompatible with --copy-to. Use --share-processes instead.';
    if (!o.quiet)
      ctx.stdout.write(
        `Targeting container "${o.target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`,
      );
  }
  if (o.tty && !o.interactive) return '-i/--stdin is required for containers with -t/--tty=true';
  if (o.profile === 'legacy')
    ctx.stderr.write(
      '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n',
    );
  return undefined;
}

/** debugByEphemeralContainer: the strategic merge patch on pods/NAME/ephemeralcontainers. */
async function debugByEphemeralContainer(ctx: KubectlContext, setup: KubectlSetup, o: DebugOptions, pod: Json) {
  const { pod: debugPod, container } = podWithEphemeralContainer(o, pod);
  ctx.stderr.write(nonRootWarning(container, pod));
  const { namespace, name } = pod.metadata;
  const before = (pod.spec.ephemeralContainers ?? []) as Json[];
  const patch = {
    spec: {
      ...(before.length > 0
        ? {
            '$setElementOrder/ephemeralContainers': debugPod.spec.ephemeralContainers.map((c: Json) => ({
              name: c.name,
            })),
          }
        : {}),
      ephemeralContainers: [container],
    },
  };
  try {
    await setup.client.json(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/ephemeralcontainers`,
      {
        method: 'PATCH',
        contentType: 'application/strategic-merge-patch+json',
        value: patch,
        verb: 'patch',
        target: `pods ${name}`,
      },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status?.reason === 'NotFound' && !error.status.details?.name)
      throw new CommandError(
        `ephemeral containers are disabled for this cluster (error from server: ${JSON.stringify(error.message)})`,
      );
    throw error;
  }
  return { namespace: namespace as string, name: name as string, container: container.name as string };
}

async function createPod(setup: KubectlSetup, namespace: string, pod: Json): Promise<void> {
  await setup.client.json(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, {
    method: 'POST',
    contentType: 'application/json',
    value: pod,
    verb: 'create',
    target: `pods ${pod.metadata.name}`,
  });
}

/** debugByCopy: the copy created, the original deleted at once with --replace. */
async function debugByCopy(ctx: KubectlContext, setup: KubectlSetup, o: DebugOptions, pod: Json) {
  let copy;
  try {
    copy = podCopy(o, pod);
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  const debugContainer = (copy.pod.spec.containers as Json[]).find((c) => c.name === copy.container);
  ctx.stderr.write(nonRootWarning(debugContainer, copy.pod));
  const namespace = pod.metadata.namespace as string;
  await createPod(setup, namespace, copy.pod);
  if (bool(ctx, 'replace')) {
    await setup.client.json(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}`,
      {
        method: 'DELETE',
        contentType: 'application/json',
        value: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 },
        verb: 'delete',
        target: `pods ${pod.metadata.name}`,
      },
    );
  }
  return { namespace, name: o.copyTo, container: copy.container };
}

async function runDebug(ctx: KubectlContext): Promise<number> {
  const { options, targets, attach } = completeOptions(ctx);
  const invalid = validate(ctx, options, targets, attach);
  if (invalid) return fail(ctx.stderr, invalid);
  const setup = await kubectlSetup(ctx);
  const objects: ServedObject[] = [];
  // The builder fetches every target before the visits.
  for (const target of targets) objects.push((await getNamedObject(setup, target)).object);
  for (const object of objects) {
    let debugged: { namespace: string; name: string; container: string };
    if (object.kind === 'Node') {
      const pod = nodeDebugPod(options, object.metadata.name, setup.namespace);
      await createPod(setup, setup.namespace, pod);
      debugged = { namespace: setup.namespace, name: pod.metadata.name, container: pod.spec.containers[0].name };
    } else if (object.kind === 'Pod') {
      debugged = options.copyTo
        ? await debugByCopy(ctx, setup, options, object)
        : await debugByEphemeralContainer(ctx, setup, options, object);
    } else {
      const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
      return fail(ctx.stderr, `"${group}/${version}, Kind=${object.kind}" not supported by debug`);
    }
    if (attach && debugged.container) {
      const code = await attachDebugContainer(ctx, setup, debugged.namespace, debugged.name, debugged.container);
      if (code !== 0) return code;
    }
  }
  return 0;
}

/** `kubectl debug`. */
export const debug: KubectlSubcommand = {
  name: 'debug',
  flags: [
    { name: 'arguments-only', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'copy-to', type: 'string' },
    { name: 'custom', type: 'string' },
    { name: 'env', type: 'stringSlice' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'image', type: 'string' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'keep-annotations', type: 'bool' },
    { name: 'keep-init-containers', type: 'bool' },
    { name: 'keep-labels', type: 'bool' },
    { name: 'keep-liveness', type: 'bool' },
    { name: 'keep-readiness', type: 'bool' },
    { name: 'keep-startup', type: 'bool' },
    { name: 'profile', type: 'string' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'replace', type: 'bool' },
    { name: 'same-node', type: 'bool' },
    { name: 'set-image', type: 'stringSlice' },
    { name: 'share-processes', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'target', type: 'string' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run: (ctx) => checkErrors(ctx, () => runDebug(ctx)),
};
