// The attached half of `kubectl debug -i/--attach` (debug.go handleAttachPod): wait for the debug
// container to run (or end), then attach to it, or stream its log when it already ended or the
// attach failed.
import { attachToPod } from './attach';
import { resolveResource } from './discovery';
import { consumeLog } from './logs-request';
import { CommandError } from './pod-for-object';
import type { ServedObject } from './served-object';
import type { KubectlSetup } from './setup';
import type { KubectlContext } from './subcommand';
import { untilWithSync } from './until-with-sync';

interface ContainerState {
  name: string;
  state?: { running?: unknown; terminated?: unknown; waiting?: { message?: string } };
}

/** getContainerStatusByName over init, regular and ephemeral container statuses. */
function containerStatus(pod: ServedObject, name: string): ContainerState | undefined {
  const status = (pod.status ?? {}) as Record<string, ContainerState[] | undefined>;
  return [
    ...(status.initContainerStatuses ?? []),
    ...(status.containerStatuses ?? []),
    ...(status.ephemeralContainerStatuses ?? []),
  ].find((s) => s.name === name);
}

/** waitForContainer: the pod once the container runs or ended; its waiting messages as warnings. */
async function waitForContainer(
  ctx: KubectlContext,
  setup: KubectlSetup,
  namespace: string,
  name: string,
  container: string,
  quiet: boolean,
): Promise<ServedObject | undefined> {
  const info = resolveResource(setup.resources, 'pods');
  if (!info) throw new CommandError('the server doesn\'t have a resource type "pods"');
  let found: ServedObject | undefined;
  let deleted = false;
  const result = await untilWithSync(
    { client: setup.client, info, namespace, name, clock: ctx.clock, signal: ctx.signal },
    (event) => {
      if (event.type === 'DELETED') return (deleted = true);
      const pod = event.object as ServedObject;
      const status = containerStatus(pod, container);
      if (!status) return false;
      if (status.state?.running || status.state?.terminated) return !!(found = pod);
      if (!quiet && status.state?.waiting?.message)
        ctx.stderr.write(`Warning: container ${container}: ${status.state.waiting.message}\n`);
      return false;
    },
  );
  if (deleted) throw new CommandError('pods "" not found');
  return result === 'done' ? found : undefined;
}

/** logOpts: the container's log on stdout. */
async function streamLogs(ctx: KubectlContext, setup: KubectlSetup, pod: ServedObject, container: string) {
  const options = { follow: false, previous: false, timestamps: false };
  await consumeLog(ctx, setup.client, { pod, container }, options, '', (text) => ctx.stdout.write(text));
}

/** handleAttachPod for the debug container `container` of pod `namespace/name`; the exit code. */
export async function attachDebugContainer(
  ctx: KubectlContext,
  setup: KubectlSetup,
  namespace: string,
  name: string,
  container: string,
): Promise<number> {
  const quiet = ctx.flags.get('quiet') === true;
  const pod = await waitForContainer(ctx, setup, namespace, name, container, quiet);
  if (!pod) return ctx.signal.aborted ? 130 : 1;
  if (containerStatus(pod, container)?.state?.terminated) {
    await streamLogs(ctx, setup, pod, container);
    return 0;
  }
  let failure: string | undefined;
  try {
    const { result } = await attachToPod(ctx, pod, {
      container,
      stdin: ctx.flags.get('stdin') === true,
      tty: ctx.flags.get('tty') === true,
      quiet,
    });
    if (!('code' in result)) failure = result.error.replace(/^error: /, '').replace(/\n$/, '');
    else if (result.code !== 0 && result.code !== 130) failure = `command terminated with exit code ${result.code}`;
    else return 0;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    failure = error.message;
  }
  ctx.stderr.write(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${failure}\n`);
  await streamLogs(ctx, setup, pod, container);
  return 0;
}
