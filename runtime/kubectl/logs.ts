import type { ServedObject } from './served-object';
import { parseGoDuration } from '../util/go-duration';
import { errorText } from './error-text';
import { ApiError } from './kubectl-client';
import { consumeLog, LogError, type LogRequest, type PodLogOptions } from './logs-request';
import {
  annotatedContainer,
  allContainerNames,
  DEFAULT_CONTAINER_ANNOTATION,
  findContainer,
  hasSeveralContainers,
  podContainers,
} from './pod-containers';
import { CommandError, DEFAULT_POD_TIMEOUT_MS, getNamedObject, loggablePods } from './pod-for-object';
import { queryString } from './resource-url';
import { kubectlSetup, type KubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

// `kubectl logs` (pkg/cmd/logs/logs.go and polymorphichelpers/logsforobject.go).

const USAGE = `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command`;

/** A usage error: the message, then where to find help. */
const usageError = (ctx: KubectlContext, message: string): number =>
  fail(ctx.stderr, `${message}\nSee 'kubectl logs -h' for help and examples`);

/** The options the flags give (LogsOptions.ToLogOptions); a string is an error. */
function logOptions(ctx: KubectlContext, selector: string): PodLogOptions | string {
  const flags = ctx.flags;
  const options: PodLogOptions = {
    follow: flags.get('follow') === true,
    previous: flags.get('previous') === true,
    timestamps: flags.get('timestamps') === true,
  };
  const sinceTime = (flags.get('since-time') as string | undefined) ?? '';
  if (sinceTime) {
    if (Number.isNaN(Date.parse(sinceTime)) || !/^\d{4}-\d\d-\d\dT/.test(sinceTime)) {
      return `parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`;
    }
    options.sinceTime = sinceTime;
  }
  const limitBytes = (flags.get('limit-bytes') as number | undefined) ?? 0;
  if (limitBytes !== 0) options.limitBytes = limitBytes;
  const since = sinceMs(ctx);
  if (typeof since === 'string') return since;
  if (since !== 0) options.sinceSeconds = Math.round(since / 1000);
  const tail = flags.get('tail') as number | undefined;
  if (selector && tail === undefined) options.tailLines = 10;
  else if (tail !== undefined && tail !== -1) options.tailLines = tail;
  return options;
}

/** --since as milliseconds, or pflag's error for a bad duration. */
function sinceMs(ctx: KubectlContext): number | string {
  const text = ctx.flags.get('since') as string | undefined;
  if (text === undefined) return 0;
  const ms = parseGoDuration(text);
  if (ms === undefined)
    return `invalid argument ${JSON.stringify(text)} for "--since" flag: time: invalid duration ${JSON.stringify(text)}`;
  return ms;
}

/** The requests for one pod: its chosen container, or all of them (init, regular, ephemeral). */
function podRequests(
  ctx: KubectlContext,
  pod: ServedObject,
  container: string,
  allContainers: boolean,
  announce: boolean,
): LogRequest[] {
  if (allContainers) {
    const all = podContainers(pod);
    return [...all.initContainers, ...all.containers, ...all.ephemeralContainers].flatMap((c) =>
      podRequests(ctx, pod, c.name, false, false),
    );
  }
  let name = container;
  const annotation = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && annotation) {
    if (annotatedContainer(pod)) name = annotation;
    else
      ctx.stderr.write(`Default container name ${JSON.stringify(annotation)} not found in pod ${pod.metadata.name}\n`);
  }
  if (!name) {
    name = podContainers(pod).containers[0]?.name ?? '';
    if (hasSeveralContainers(pod) && announce) {
      ctx.stderr.write(`Defaulted container ${JSON.stringify(name)} out of: ${allContainerNames(pod)}\n`);
    }
  }
  if (!findContainer(pod, name)) throw new CommandError(`container ${name} is not valid for pod ${pod.metadata.name}`);
  return [{ pod, container: name }];
}

/** The object the arguments or the selector name (Complete's builder). */
async function target(
  ctx: KubectlContext,
  setup: KubectlSetup,
  arg: string,
  selector: string,
): Promise<ServedObject[]> {
  if (selector) {
    const list = await setup.client.json<{ items: ServedObject[] }>(
      `/api/v1/namespaces/${encodeURIComponent(setup.namespace)}/pods${queryString({ labelSelector: selector })}`,
      { accept: 'application/json' },
    );
    if (list.items.length === 0) ctx.stderr.write(`No resources found in ${setup.namespace} namespace.\n`);
    return list.items.map((pod) => ({ ...pod, apiVersion: 'v1', kind: 'Pod' }));
  }
  try {
    return [(await getNamedObject(setup, arg)).object];
  } catch (error) {
    if (error instanceof ApiError && error.code === 404) {
      throw new CommandError(
        `error from server (NotFound): ${error.status?.message ?? error.message} in namespace ${JSON.stringify(setup.namespace)}`,
      );
    }
    throw error;
  }
}

async function runLogs(ctx: KubectlContext): Promise<number> {
  const flags = ctx.flags;
  const selector = (flags.get('selector') as string | undefined) ?? '';
  const args = ctx.args;
  if (args.length === 0 && !selector) return usageError(ctx, USAGE);
  if (args.length === 1 && selector) return usageError(ctx, 'only a selector (-l) or a POD name is allowed');
  if (args.length > 2) return usageError(ctx, USAGE);
  const allPods = flags.get('all-pods') === true;
  const prefix = flags.get('prefix') === true || allPods;
  const allContainers = flags.get('all-containers') === true;
  const container = args[1] ?? (flags.get('container') as string | undefined) ?? '';
  const options = logOptions(ctx, selector);
  if (typeof options === 'string') return fail(ctx.stderr, options);
  const setup = await kubectlSetup(ctx);
  const objects = await target(ctx, setup, args[0] ?? '', selector);
  // Validate.
  if (flags.has('since-time') && options.sinceSeconds !== undefined) {
    return fail(ctx.stderr, 'at most one of `sinceTime` or `sinceSeconds` may be specified');
  }
  if (allContainers && container) {
    return fail(ctx.stderr, `--all-containers=true should not be specified with container name ${container}`);
  }
  if (flags.has('container') && args.length === 2) {
    return fail(ctx.stderr, 'only one of -c or an inline [CONTAINER] arg is allowed');
  }
  if ((options.limitBytes ?? 0) < 0) return fail(ctx.stderr, '--limit-bytes must be greater than 0');
  if ((options.sinceSeconds ?? 0) < 0) return fail(ctx.stderr, '--since must be greater than 0');
  if ((options.tailLines ?? 0) < -1) return fail(ctx.stderr, '--tail must be greater than or equal to -1');
  // LogsForObject.
  let pods = objects;
  if (!selector && objects[0].kind !== 'Pod') {
    const found = await loggablePods(ctx, setup, objects[0], DEFAULT_POD_TIMEOUT_MS);
    pods = allPods ? found : [found[0]];
    if (found.length > 1 && !allPods)
      ctx.stderr.write(`Found ${found.length} pods, using pod/${found[0].metadata.name}\n`);
  }
  const requests = pods.flatMap((pod) => podRequests(ctx, pod, container, allContainers, !allPods));
  const maxFollow = (flags.get('max-log-requests') as number | undefined) ?? 5;
  if (options.follow && requests.length > maxFollow && requests.length > 1) {
    return fail(
      ctx.stderr,
      `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${maxFollow}, use --max-log-requests to increase the limit`,
    );
  }
  const ignoreErrors = flags.get('ignore-errors') === true;
  const consume = async (request: LogRequest): Promise<void> => {
    const linePrefix = prefix ? `[pod/${request.pod.metadata.name}/${request.container}] ` : '';
    try {
      await consumeLog(ctx, setup.client, request, options, linePrefix, (text) => ctx.stdout.write(text));
    } catch (error) {
      if (!(error instanceof LogError) || !ignoreErrors) throw error;
      await ctx.stdout.write(`error: ${error.message.replace(/^error: /, '')}`);
    }
  };
  if (options.follow && requests.length > 1) await Promise.all(requests.map(consume));
  else for (const request of requests) await consume(request);
  return ctx.signal.aborted ? 130 : 0;
}

/** `kubectl logs`. */
export const logs: KubectlSubcommand = {
  name: 'logs',
  flags: [
    { name: 'all-containers', type: 'bool' },
    { name: 'all-pods', type: 'bool' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'limit-bytes', type: 'int' },
    { name: 'max-log-requests', type: 'int' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'prefix', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'since', type: 'string' },
    { name: 'since-time', type: 'string' },
    { name: 'tail', type: 'int' },
    { name: 'timestamps', type: 'bool' },
  ],
  async run(ctx) {
    try {
      return await runLogs(ctx);
    } catch (error) {
      if (error instanceof LogError) {
        ctx.stderr.write(error.message);
        return 1;
      }
      if (error instanceof ApiError) {
        ctx.stderr.write(errorText(error));
        return 1;
      }
      if (error instanceof CommandError) return fail(ctx.stderr, error.message);
      throw error;
    }
  },
};
