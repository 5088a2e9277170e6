import { parseGoDuration } from '../util/go-duration';
import { attachToPod } from './attach';
import { resolveResource } from './discovery';
import { consumeLog, LogError } from './logs-request';
import { findOrDefaultContainer } from './pod-containers';
import { CommandError } from './pod-for-object';
import type { ServedObject } from './served-object';
import type { KubectlSetup } from './setup';
import type { KubectlContext } from './subcommand';
import { untilWithSync, type WatchEvent } from './until-with-sync';

// The attached half of `kubectl run -i/-t/--attach` (pkg/cmd/run/run.go): handleAttachPod waits
// for the pod to run and attaches to it (or streams its log when it already ended), then for
// restart policies Never and OnFailure waitForPod reads the exit code the pod ended with.

/** run.go's defaultPodAttachTimeout: --pod-running-timeout's default. */
const DEFAULT_POD_ATTACH_TIMEOUT_MS = 60_000;

/** How an attached run ended: its exit code, and what CheckErr prints once --rm has deleted. */
export interface RunAttachResult {
  code: number;
  /** The whole stderr text of the error, printed after the deletions. */
  message?: string;
}

interface PodShape extends ServedObject {
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string }>;
    containerStatuses?: Array<{ state?: { terminated?: { exitCode: number; reason?: string; message?: string } } }>;
  };
}

/** waitForPod's error: a condition's, the watch's timeout, or Ctrl-C. */
class WaitError extends Error {}

/** waitForPod's conditions (podRunningAndReady, podCompleted, podSucceeded): done, or not yet. */
type Condition = (pod: PodShape) => boolean;

const podCompleted: Condition = (pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const podSucceeded: Condition = (pod) => pod.status?.phase === 'Succeeded';
/** Running and Ready; a completed pod also ends the wait (there ErrPodCompleted, which handleAttachPod accepts). */
const podRunningAndReady: Condition = (pod) =>
  podCompleted(pod) ||
  (pod.status?.phase === 'Running' &&
    (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));

/** waitForPod: the pod once `condition` holds for it, watched by name as UntilWithSync does. */
async function waitForPod(
  ctx: KubectlContext,
  setup: KubectlSetup,
  namespace: string,
  name: string,
  timeoutMs: number,
  condition: Condition,
): Promise<PodShape> {
  const info = resolveResource(setup.resources, 'pods');
  if (!info) throw new WaitError('error: the server doesn\'t have a resource type "pods"\n');
  let found: PodShape | undefined;
  let deleted = false;
  const result = await untilWithSync(
    { client: setup.client, info, namespace, name, clock: ctx.clock, signal: ctx.signal, timeoutMs },
    (event: WatchEvent) => {
      if (event.type === 'DELETED') return (deleted = true);
      found = event.object as PodShape;
      return condition(found);
    },
  );
  // errors.NewNotFound(pods, "") as CheckErr prints it.
  if (deleted) throw new WaitError('Error from server (NotFound): pods "" not found\n');
  if (result === 'timeout') throw new WaitError('error: timed out waiting for the condition\n');
  if (result === 'cancelled' || !found) throw new WaitError('');
  return found;
}

/** logOpts: the container's log, copied to stdout. */
async function streamLogs(ctx: KubectlContext, setup: KubectlSetup, pod: PodShape): Promise<void> {
  const container = findOrDefaultContainer(pod, '', true, ctx.stderr).name;
  const options = { follow: false, previous: false, timestamps: false };
  await consumeLog(ctx, setup.client, { pod, container }, options, '', (text) => ctx.stdout.write(text));
}

/** handleAttachPod: attach once the pod runs; its log instead when it ended or attaching failed. */
async function handleAttachPod(
  ctx: KubectlContext,
  setup: KubectlSetup,
  namespace: string,
  name: string,
  timeoutMs: number,
): Promise<void> {
  const pod = await waitForPod(ctx, setup, namespace, name, timeoutMs, podRunningAndReady);
  if (podCompleted(pod)) return streamLogs(ctx, setup, pod);
  let failure: string | undefined;
  try {
    const { result } = await attachToPod(ctx, pod, {
      container: '',
      stdin: ctx.flags.get('stdin') === true,
      tty: ctx.flags.get('tty') === true,
      quiet: ctx.flags.get('quiet') === true,
    });
    if ('error' in result) failure = result.error.replace(/^error: /, '').replace(/\n$/, '');
    else if (result.code !== 0 && result.code !== 130) failure = `command terminated with exit code ${result.code}`;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    failure = error.message;
  }
  if (failure === undefined) return;
  ctx.stderr.write(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${failure}\n`);
  await streamLogs(ctx, setup, pod);
}

/** The exit code a finished pod reports (run.go's switch on its phase), or its error. */
function podOutcome(pod: PodShape): RunAttachResult {
  const where = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
  switch (pod.status?.phase) {
    case 'Succeeded':
      return { code: 0 };
    case 'Failed': {
      const terminated = pod.status.containerStatuses?.[0]?.state?.terminated;
      if (!terminated || terminated.exitCode === 0)
        return { code: 1, message: `error: pod ${where} failed with unknown exit code\n` };
      // A CodeExitError: printed as is, its code the process's.
      const text = `pod ${where} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`;
      return { code: terminated.exitCode, message: text.endsWith('\n') ? text : `${text}\n` };
    }
    default:
      return { code: 1, message: `error: pod ${where} left in phase ${pod.status?.phase ?? ''}\n` };
  }
}

/**
 * What `run` does with its pod when attaching: waits for it and attaches (handleAttachPod), then
 * unless the pod restarts always (or --leave-stdin-open) waits for it to end and takes its exit
 * code. The caller deletes with --rm, then prints `message`.
 */
export async function attachRunPod(
  ctx: KubectlContext,
  setup: KubectlSetup,
  pod: { namespace: string; name: string; restartPolicy: string },
): Promise<RunAttachResult> {
  const flag = ctx.flags.get('pod-running-timeout');
  const timeoutMs = typeof flag === 'string' ? (parseGoDuration(flag) ?? 0) : DEFAULT_POD_ATTACH_TIMEOUT_MS;
  try {
    await handleAttachPod(ctx, setup, pod.namespace, pod.name, timeoutMs);
    const leaveOpen = ctx.flags.get('leave-stdin-open') === true;
    if (leaveOpen || (pod.restartPolicy !== 'Never' && pod.restartPolicy !== 'OnFailure')) return { code: 0 };
    const exit = pod.restartPolicy === 'OnFailure' ? podSucceeded : podCompleted;
    return podOutcome(await waitForPod(ctx, setup, pod.namespace, pod.name, timeoutMs, exit));
  } catch (error) {
    if (error instanceof WaitError) return { code: ctx.signal.aborted ? 130 : 1, message: error.message };
    if (error instanceof LogError) return { code: 1, message: error.message };
    throw error;
  }
}
