import type { ServedObject } from './served-object';
import { errorText } from './error-text';
import { ApiError } from './kubectl-client';
import { findOrDefaultContainer } from './pod-containers';
import { attachablePod, CommandError, getNamedObject } from './pod-for-object';
import { finishSession, openSession, runSession } from './remote-command';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

// `kubectl exec` (pkg/cmd/exec/exec.go): a command in a pod's container, its output and exit code.

/** The query of an exec or attach request, in PodExecOptions' field order as url.Values sorts it. */
export function streamQuery(params: {
  command?: string[];
  container: string;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}): string {
  const parts: string[] = [];
  for (const c of params.command ?? []) parts.push(`command=${encodeURIComponent(c)}`);
  parts.push(`container=${encodeURIComponent(params.container)}`);
  if (params.stderr) parts.push('stderr=true');
  if (params.stdin) parts.push('stdin=true');
  if (params.stdout) parts.push('stdout=true');
  if (params.tty) parts.push('tty=true');
  return `?${parts.join('&')}`;
}

/**
 * kubectl's SetupTTY: whether the session gets a raw terminal. `-t` needs `-i`; without a
 * terminal it is dropped with the real message (unless quiet).
 */
export function setupTty(ctx: KubectlContext, stdin: boolean, tty: boolean, quiet: boolean): boolean {
  if (!stdin || !tty) return false;
  if (ctx.tty) return true;
  if (!quiet) ctx.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  return false;
}

async function runExec(ctx: KubectlContext): Promise<number> {
  const { args, dashAt } = ctx;
  const resourceName = args.length > 0 && dashAt !== 0 ? args[0] : '';
  let command: string[] = [];
  if (dashAt !== undefined) command = args.slice(dashAt);
  else if (args.length > 1) {
    return fail(
      ctx.stderr,
      "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
  }
  if (!resourceName) return fail(ctx.stderr, 'pod, type/name or --filename must be specified');
  if (command.length === 0) return fail(ctx.stderr, 'you must specify at least one command for the container');
  const quiet = ctx.flags.get('quiet') === true;
  const stdin = ctx.flags.get('stdin') === true;
  const setup = await kubectlSetup(ctx);
  const { object } = await getNamedObject(setup, resourceName);
  const pod: ServedObject = await attachablePod(ctx, setup, object);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return fail(ctx.stderr, `cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  let container = (ctx.flags.get('container') as string | undefined) ?? '';
  if (!container) {
    try {
      container = findOrDefaultContainer(pod, '', quiet, ctx.stderr).name;
    } catch (error) {
      return fail(ctx.stderr, (error as Error).message);
    }
  }
  const tty = setupTty(ctx, stdin, ctx.flags.get('tty') === true, quiet);
  const namespace = pod.metadata.namespace ?? setup.namespace;
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/exec`;
  const query = streamQuery({ command, container, stdin, stdout: true, stderr: !tty, tty });
  const session = await openSession(ctx, `${path}${query}`);
  if (typeof session === 'string') {
    ctx.stderr.write(session);
    return 1;
  }
  return finishSession(ctx, await runSession(ctx, session, { stdin, stderr: !tty, tty }));
}

/** Runs a command that may fail with kubectl's usual errors, printing them as CheckErr does. */
export async function checkErrors(ctx: KubectlContext, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) {
      ctx.stderr.write(errorText(error));
      return 1;
    }
    if (error instanceof CommandError) return fail(ctx.stderr, error.message);
    throw error;
  }
}

/** `kubectl exec`. */
export const exec: KubectlSubcommand = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run: (ctx) => checkErrors(ctx, () => runExec(ctx)),
};
