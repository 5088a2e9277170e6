import { sleep } from '../../clock';
import type { CommandContext, OutputStream } from '../../shell/command';
import { imageLines } from './addons-enable';
import { enabledAddons } from './addons-list';
import { parseFlags } from './flags';
import { healthy } from './mustload';
import { step, usageError } from './output';

const NAMESPACE = 'kubernetes-dashboard';
const SERVICE = 'kubernetes-dashboard';
/** retry.Expo's ten-minute budgets for the service and the proxy (dashboard.go). */
const TEN_MINUTES = 10 * 60_000;

/** dashboardURL: the service proxy path under kubectl proxy's address. */
export function dashboardUrl(hostPort: string): string {
  return `http://${hostPort}/api/v1/namespaces/${NAMESPACE}/services/http:${SERVICE}:/proxy/`;
}

/** Retries `check` with growing waits (retry.Expo) until it holds or `budgetMs` has passed. */
async function retryExpo(ctx: CommandContext, check: () => Promise<boolean>, budgetMs: number): Promise<boolean> {
  const start = ctx.shell.clock.now();
  let wait = 100;
  while (!(await check())) {
    if (ctx.signal.aborted || ctx.shell.clock.now() - start > budgetMs) return false;
    await sleep(ctx.shell.clock, wait, ctx.signal).catch(() => undefined);
    wait = Math.min(wait * 2, 10_000);
  }
  return true;
}

/** A stream that collects what kubectl proxy prints, to read its `host:port` from. */
function capture(): OutputStream & { text: string } {
  const stream = {
    text: '',
    write(chunk: string) {
      stream.text += chunk;
    },
  };
  return stream as OutputStream & { text: string };
}

/**
 * `minikube dashboard [--url] [--port N]` (cmd/minikube/cmd/dashboard.go): enables the addon if
 * needed, waits for its Service, runs `kubectl proxy` on the host and waits until the dashboard
 * answers through it; the status lines go to stderr, the URL to stdout. It then sits until
 * Ctrl-C stops the proxy, as minikube waits on its kubectl child.
 */
export async function dashboardCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { values: ['port'], booleans: ['url'] });
  if (flags.unknown) return usageError(ctx, 'dashboard', flags.unknown);
  const components = await healthy(ctx);
  if (typeof components === 'number') return components;
  const port = Number(flags.values.get('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.stdout.write('\n');
    ctx.stderr.write('❌  Exiting due to HOST_KUBECTL_PROXY: Invalid port\n');
    ctx.stdout.write('\n');
    return 10;
  }
  if (!(await enabledAddons(ctx)).has('dashboard')) {
    // "Send status messages to stderr for folks reusing this output."
    step(ctx.stderr, '🔌', 'Enabling dashboard ...');
    imageLines(ctx, 'dashboard');
    await components.enableAddon('dashboard');
    step(
      ctx.stdout,
      '💡',
      'Some dashboard features require the metrics-server addon. To enable all features please run:\n\n\tminikube addons enable metrics-server\n',
    );
  }
  step(ctx.stderr, '🤔', 'Verifying dashboard health ...');
  const api = ctx.shell.api;
  const serviceUp = await retryExpo(
    ctx,
    () =>
      api
        .getJson(`/api/v1/namespaces/${NAMESPACE}/services/${SERVICE}`)
        .then(() => true)
        .catch(() => false),
    TEN_MINUTES,
  );
  if (!serviceUp)
    return ctx.signal.aborted ? 130 : timeout(ctx, 'SVC_CHECK_TIMEOUT', 'dashboard service is not running');
  step(ctx.stderr, '🚀', 'Launching proxy ...');
  const kubectl = ctx.shell.commands.get('kubectl');
  if (!kubectl) {
    ctx.stderr.write('❌  Exiting due to HOST_KUBECTL_PROXY: kubectl proxy: kubectl is not on this host\n');
    return 10;
  }
  const proxyOut = capture();
  const proxyDone = kubectl.run({ ...ctx, stdout: proxyOut, argv: ['kubectl', 'proxy', '--port', String(port)] });
  await retryExpo(ctx, async () => proxyOut.text.includes('\n'), 5_000);
  const hostPort = /127\.0\.0\.1:\d+/.exec(proxyOut.text)?.[0];
  if (!hostPort) {
    await proxyDone;
    return ctx.signal.aborted ? 130 : 10;
  }
  const url = dashboardUrl(hostPort);
  step(ctx.stderr, '🤔', 'Verifying proxy health ...');
  const path = `/api/v1/namespaces/${NAMESPACE}/services/http:${SERVICE}:/proxy/`;
  const proxyUp = await retryExpo(
    ctx,
    async () => (await api.handler({ method: 'GET', path, headers: {} }).catch(() => undefined))?.status === 200,
    TEN_MINUTES,
  );
  if (!proxyUp) {
    if (!ctx.signal.aborted) timeout(ctx, 'SVC_URL_TIMEOUT', `${url} is not accessible: unexpected response code: 503`);
    return proxyDone;
  }
  // The learner is not root: minikube hands the URL to the browser (the --url mode prints it).
  if (flags.values.get('url') === 'true') ctx.stdout.write(`${url}\n`);
  else {
    step(ctx.stdout, '🎉', `Opening ${url} in your default browser...`);
    ctx.shell.openUrl?.(url);
  }
  // "I will now quietly sit around until kubectl proxy exits!"
  return proxyDone;
}

/** exit.Message with a timeout reason (exit code ExSvcTimeout). */
function timeout(ctx: CommandContext, id: string, message: string): number {
  ctx.stdout.write('\n');
  ctx.stderr.write(`❌  Exiting due to ${id}: ${message}\n`);
  ctx.stdout.write('\n');
  return 112;
}
