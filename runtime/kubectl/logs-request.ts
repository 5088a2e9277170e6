import type { ServedObject } from './served-object';
import { apiError, type KubectlClient } from './kubectl-client';
import { errorText } from './error-text';
import { queryString } from './resource-url';
import type { KubectlContext } from './subcommand';

// One pods/log request of `kubectl logs` (client-go's GetLogs and logs.go's DefaultConsumeRequest):
// the body copied line by line to the output, each line behind a `[pod/NAME/CONTAINER] ` prefix
// when --prefix asks for it.

/** PodLogOptions as kubectl sends them (the container is per request). */
export interface PodLogOptions {
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  sinceSeconds?: number;
  sinceTime?: string;
  tailLines?: number;
  limitBytes?: number;
}

/** One log to read: a pod's container. */
export interface LogRequest {
  pod: ServedObject;
  container: string;
}

/** A failed request, as kubectl's CheckErr prints it (the whole stderr text). */
export class LogError extends Error {}

/** The log's query, keys sorted as url.Values encodes them. */
function logQuery(container: string, options: PodLogOptions): string {
  const text = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));
  return queryString({
    container,
    follow: options.follow ? 'true' : undefined,
    limitBytes: text(options.limitBytes),
    previous: options.previous ? 'true' : undefined,
    sinceSeconds: text(options.sinceSeconds),
    sinceTime: options.sinceTime,
    tailLines: text(options.tailLines),
    timestamps: options.timestamps ? 'true' : undefined,
  });
}

/**
 * Reads one log to `write`, whole lines at a time (a last line without a newline at the end);
 * stops early when Ctrl-C fires. Throws LogError when the server refuses.
 */
export async function consumeLog(
  ctx: KubectlContext,
  client: KubectlClient,
  request: LogRequest,
  options: PodLogOptions,
  prefix: string,
  write: (text: string) => void | Promise<void>,
): Promise<void> {
  const { pod, container } = request;
  const namespace = pod.metadata.namespace ?? 'default';
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/log`;
  const response = await client.send(`${path}${logQuery(container, options)}`, { accept: 'application/json, */*' });
  if (response.status < 200 || response.status > 299) {
    throw new LogError(errorText(apiError(response, 'get', `pods ${pod.metadata.name}`)));
  }
  let pending = '';
  const flushLines = async (final: boolean): Promise<void> => {
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      await write(`${prefix}${pending.slice(0, nl + 1)}`);
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
    if (final && pending !== '') {
      await write(`${prefix}${pending}`);
      pending = '';
    }
  };
  const stream = response.stream;
  if (!stream) {
    pending = response.body;
    await flushLines(true);
    return;
  }
  const stop = ctx.signal.onAbort(() => stream.close());
  try {
    for await (const chunk of stream) {
      pending += chunk;
      await flushLines(false);
    }
    if (!ctx.signal.aborted) await flushLines(true);
  } finally {
    stop();
    stream.close();
  }
}
