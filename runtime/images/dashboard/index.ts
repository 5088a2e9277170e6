// The Kubernetes Dashboard (kubernetesui/dashboard v2.7) as the addon runs it: its start-up
// lines, then the web UI on HTTP port 9090 as server-rendered HTML (routes.ts), reading and
// writing the cluster through the pod's API connection, until stopped.
import { serveUntilStopped } from '../programs';
import type { ProcessContext, Program } from '../types';
import { dashboardHandler } from './routes';

/** The port the dashboard serves on (`--insecure-port`'s default). */
export const DASHBOARD_PORT = 9090;

/** The start-up lines the dashboard logs (Go's log time, UTC). */
export function dashboardStartLines(ctx: ProcessContext): string[] {
  const time = new Date(ctx.startedAt)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
  return [
    `${time} Starting overwatch`,
    `${time} Using namespace: kubernetes-dashboard`,
    `${time} Serving insecurely on HTTP port: ${DASHBOARD_PORT}`,
  ];
}

/** `/dashboard`: logs its start, serves the UI on 9090, and exits 0 on SIGTERM, SIGINT or SIGQUIT. */
export const dashboard: Program = (ctx) => {
  for (const line of dashboardStartLines(ctx)) ctx.stderr.write(`${line}\n`);
  const close = ctx.listen(DASHBOARD_PORT, { protocol: 'TCP', http: dashboardHandler(ctx.kubernetes, ctx.clock) });
  return serveUntilStopped(ctx, undefined, () => close());
};
