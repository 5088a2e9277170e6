import { checkErrors, setupTty, streamQuery } from './exec';
import { findOrDefaultContainer } from './pod-containers';
import { attachablePod, CommandError, getNamedObject } from './pod-for-object';
import { finishSession, openSession, runSession, type RemoteResult } from './remote-command';
import type { ServedObject } from './served-object';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

// `kubectl attach` (pkg/cmd/attach/attach.go): the output of a container's main process, and
// its stdin with -i.

/** How to attach: AttachOptions' streams and the container asked for (`-c`, empty for the default). */
export interface AttachRequest {
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/**
 * AttachOptions.Run from the container on, for a pod already found (kubectl attach, and `run -i`
 * once its pod runs): the TTY checks, the notice, the session. Throws CommandError when the
 * container cannot be attached to; returns the session's outcome, unprinted.
 */
export async function attachToPod(
  ctx: KubectlContext,
  pod: ServedObject,
  request: AttachRequest,
): Promise<{ result: RemoteResult; container: string; raw: boolean }> {
  const { quiet, stdin } = request;
  let container;
  try {
    container = findOrDefaultContainer(pod, request.container, quiet, ctx.stderr);
  } catch (error) {
    throw new CommandError(`cannot attach to the container: ${(error as Error).message}`);
  }
  let tty = request.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!quiet) ctx.stderr.write(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) tty = true;
  const raw = setupTty(ctx, stdin, tty, quiet);
  if (!quiet) {
    ctx.stderr.write(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n",
    );
  }
  const namespace = pod.metadata.namespace ?? 'default';
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/attach`;
  const session = await openSession(
    ctx,
    `${path}${streamQuery({ container: container.name, stdin, stdout: true, stderr: !raw, tty: raw })}`,
  );
  const result: RemoteResult =
    typeof session === 'string'
      ? { error: session }
      : await runSession(ctx, session, { stdin, stderr: !raw, tty: raw });
  const restartPolicy = (pod.spec as { restartPolicy?: string } | undefined)?.restartPolicy;
  if ('code' in result && result.code === 0 && !quiet && stdin && raw && restartPolicy === 'Always') {
    const ephemeral = ((pod.spec as { ephemeralContainers?: Array<{ name: string }> }).ephemeralContainers ?? []).some(
      (c) => c.name === container.name,
    );
    ctx.stdout.write(
      ephemeral
        ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${pod.metadata.name} -c ${container.name} -i -t' if it is still running\n`
        : `Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${container.name} -i -t' command when the pod is running\n`,
    );
  }
  return { result, container: container.name, raw };
}

async function runAttach(ctx: KubectlContext): Promise<number> {
  const { args } = ctx;
  if (args.length === 0) return fail(ctx.stderr, 'at least 1 argument is required for attach');
  if (args.length > 2) {
    return fail(
      ctx.stderr,
      `expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`,
    );
  }
  const quiet = ctx.flags.get('quiet') === true;
  const stdin = ctx.flags.get('stdin') === true;
  const setup = await kubectlSetup(ctx);
  const { object } =
    args.length === 2 ? await getNamedObject(setup, args[1], args[0]) : await getNamedObject(setup, args[0]);
  const pod = await attachablePod(ctx, setup, object);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return fail(ctx.stderr, `cannot attach a container in a completed pod; current phase is ${phase}`);
  }
  const { result } = await attachToPod(ctx, pod, {
    container: (ctx.flags.get('container') as string | undefined) ?? '',
    stdin,
    tty: ctx.flags.get('tty') === true,
    quiet,
  });
  return finishSession(ctx, result);
}

/** `kubectl attach`. */
export const attach: KubectlSubcommand = {
  name: 'attach',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run: (ctx) => checkErrors(ctx, () => runAttach(ctx)),
};
