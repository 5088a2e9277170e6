import { sleep } from '../../clock';
import type { CommandContext } from '../../shell/command';
import { parseFlags } from './flags';
import { healthy } from './mustload';
import { step, usageError } from './output';

// `minikube tunnel` on the docker driver (cmd/minikube/cmd/tunnel.go and the KIC SSH tunnel of
// pkg/minikube/tunnel/kic): every second, an SSH port forward for each new LoadBalancer service
// and Ingress, the service's status patched to ingress IP 127.0.0.1; Ctrl-C removes the IPs
// (LoadBalancerEmulator.Cleanup) and stops the forwards.

interface ServiceJson {
  metadata: { name: string; namespace: string };
  spec: { type?: string; clusterIP?: string; ports?: Array<{ port: number }> };
  status?: { loadBalancer?: { ingress?: unknown[] } };
}

/** A forward, keyed as sshConnUniqName keys it: name, cluster IP and ports. */
const connName = (svc: ServiceJson): string =>
  [svc.metadata.name, svc.spec.clusterIP ?? '', ...(svc.spec.ports ?? []).map((p) => String(p.port))].join('');

/** The JSON patch updateServiceIP or cleanupService sends to a service's status. */
async function patchStatus(ctx: CommandContext, svc: ServiceJson, patch: unknown[]): Promise<void> {
  const { namespace, name } = svc.metadata;
  await ctx.shell.api.handler({
    method: 'PATCH',
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(name)}/status`,
    headers: { 'content-type': 'application/json-patch+json' },
    body: JSON.stringify(patch),
  });
}

async function loadBalancers(ctx: CommandContext): Promise<ServiceJson[]> {
  const list = await ctx.shell.api.getJson<{ items: ServiceJson[] }>('/api/v1/services');
  return list.items.filter((svc) => svc.spec.type === 'LoadBalancer');
}

/** `minikube tunnel`: runs until Ctrl-C. */
export async function tunnelCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { values: ['bind-address'], booleans: ['cleanup'], short: { c: 'cleanup' } });
  if (flags.unknown) return usageError(ctx, 'tunnel', flags.unknown);
  const components = await healthy(ctx);
  if (typeof components === 'number') return components;
  step(ctx.stdout, '✅', 'Tunnel successfully started');
  ctx.stdout.write('\n');
  step(
    ctx.stdout,
    '📌',
    'NOTE: Please do not close this terminal as this process must stay alive for the tunnel to be accessible ...',
  );
  ctx.stdout.write('\n');
  const conns = new Map<string, string>();
  try {
    for (;;) {
      const stale = new Set(conns.keys());
      for (const svc of await loadBalancers(ctx)) {
        const key = connName(svc);
        stale.delete(key);
        if (conns.has(key)) continue;
        conns.set(key, svc.metadata.name);
        const privileged = (svc.spec.ports ?? []).map((p) => p.port).filter((p) => p < 1024);
        if (privileged.length > 0) {
          step(
            ctx.stdout,
            '❗',
            `The service/ingress ${svc.metadata.name} requires privileged ports to be exposed: [${privileged.join(' ')}]`,
          );
          step(ctx.stdout, '🔑', 'sudo permission will be asked for it.');
        }
        step(ctx.stdout, '🏃', `Starting tunnel for service ${svc.metadata.name}.`);
        await patchStatus(ctx, svc, [
          { op: 'add', path: '/status/loadBalancer/ingress', value: [{ ip: '127.0.0.1' }] },
        ]);
      }
      // stopMarkedConnections: the forward of a service that went away ends.
      for (const key of stale) {
        step(ctx.stdout, '✋', `Stopping tunnel for service ${conns.get(key) ?? ''}.`);
        conns.delete(key);
      }
      await sleep(ctx.shell.clock, 1000, ctx.signal);
    }
  } catch (error) {
    if (!ctx.signal.aborted) throw error;
  }
  // Cleanup, then stopActiveConnections.
  for (const svc of await loadBalancers(ctx)) {
    if (svc.status?.loadBalancer?.ingress?.length) {
      await patchStatus(ctx, svc, [{ op: 'remove', path: '/status/loadBalancer/ingress' }]);
    }
  }
  for (const name of conns.values()) step(ctx.stdout, '✋', `Stopping tunnel for service ${name}.`);
  // tunnel.go cancels its context on the interrupt and returns normally.
  return 0;
}
