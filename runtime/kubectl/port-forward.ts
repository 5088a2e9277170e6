import type { ServedObject } from './served-object';
import type { HttpRequest, HttpResponse, Listener } from '../images/types';
import { checkErrors } from './exec';
import { KUBECTL_USER_AGENT } from './kubectl-client';
import { podContainers } from './pod-containers';
import { attachablePod, CommandError, getNamedObject } from './pod-for-object';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

// `kubectl port-forward` (pkg/cmd/portforward and client-go's tools/portforward): listens on the
// host's loopback and carries each connection to the pod's port. Each HTTP exchange reaches the
// pod through the API server's pods/proxy (what the portforward stream would carry byte for byte).

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

/** `8080:80` → ['8080', '80']; `80` → ['80', '80'] (splitPort). */
function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [port, port];
}

function containerPortByName(pod: ServedObject, name: string): number {
  for (const c of podContainers(pod).containers) {
    const found = (c.ports ?? []).find((p) => p.name === name);
    if (found) return found.containerPort;
  }
  throw new CommandError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** The pod port a service port leads to (LookupContainerPortNumberByServicePort). */
function podPortForService(service: ServedObject, pod: ServedObject, port: number): number {
  const ports = ((service.spec as { ports?: ServicePort[] } | undefined)?.ports ?? []) as ServicePort[];
  const found = ports.find((p) => p.port === port);
  if (!found) throw new CommandError(`Service ${service.metadata.name} does not have a service port ${port}`);
  if (found.targetPort === undefined || found.targetPort === 0) return port;
  if (typeof found.targetPort === 'number') return found.targetPort;
  return containerPortByName(pod, found.targetPort);
}

/** The LOCAL:REMOTE pairs as numbers, remote ports translated to the pod's. */
function translatePorts(specs: string[], object: ServedObject, pod: ServedObject): Array<[number, number]> {
  return specs.map((spec) => {
    const [given, remote] = splitPort(spec);
    let local = given;
    if (remote === '') throw new CommandError('remote port cannot be empty');
    let remoteNumber: number;
    if (object.kind === 'Service') {
      let servicePort = Number(remote);
      if (!/^\d+$/.test(remote)) {
        const ports = ((object.spec as { ports?: ServicePort[] }).ports ?? []) as ServicePort[];
        const named = ports.find((p) => p.name === remote);
        if (!named) throw new CommandError(`Service '${object.metadata.name}' does not have a named port '${remote}'`);
        servicePort = named.port;
        if (local === remote) local = String(servicePort);
      }
      remoteNumber = podPortForService(object, pod, servicePort);
    } else remoteNumber = /^\d+$/.test(remote) ? Number(remote) : containerPortByName(pod, remote);
    if (local === remote && !/^\d+$/.test(local)) local = String(remoteNumber);
    if (!/^\d+$/.test(local))
      throw new CommandError(
        `error parsing local port '${local}': strconv.ParseUint: parsing ${JSON.stringify(local)}: invalid syntax`,
      );
    if (remoteNumber <= 0) throw new CommandError('remote port must be > 0');
    return [Number(local), remoteNumber];
  });
}

/** The addresses `--address` names: localhost is both loopbacks. */
function listenAddresses(ctx: KubectlContext): string[] {
  const given = (ctx.flags.get('address') as string[] | undefined) ?? ['localhost'];
  return given.flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '::1'] : [a]));
}

async function runPortForward(ctx: KubectlContext): Promise<number> {
  if (ctx.args.length < 2) {
    return fail(
      ctx.stderr,
      "TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples",
    );
  }
  const setup = await kubectlSetup(ctx);
  const { object } = await getNamedObject(setup, ctx.args[0]);
  const chosen = await attachablePod(ctx, setup, object);
  const ports = translatePorts(ctx.args.slice(1), object, chosen);
  const namespace = chosen.metadata.namespace ?? setup.namespace;
  const podPath = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(chosen.metadata.name)}`;
  const pod = await setup.client.json<ServedObject>(podPath, { target: `pods ${chosen.metadata.name}` });
  const phase = (pod.status as { phase?: string } | undefined)?.phase ?? '';
  if (phase !== 'Running') {
    return fail(ctx.stderr, `unable to forward port because pod is not running. Current status=${phase}`);
  }
  const network = ctx.network;
  const closers: Array<() => void> = [];
  let listening = 0;
  for (const [local, remote] of ports) {
    const errors: string[] = [];
    for (const address of listenAddresses(ctx)) {
      const host = address.includes(':') ? `[${address}]` : address;
      const listener: Listener = {
        protocol: 'TCP',
        http: async (request) => {
          await ctx.stdout.write(`Handling connection for ${local}\n`);
          return forward(ctx, `${podPath}:${remote}/proxy`, request);
        },
      };
      try {
        if (network) closers.push(network.listen(address, local, listener));
        await ctx.stdout.write(`Forwarding from ${host}:${local} -> ${remote}\n`);
      } catch {
        errors.push(
          `unable to create listener: Error listen ${address.includes(':') ? 'tcp6' : 'tcp4'} ${host}:${local}: bind: address already in use`,
        );
      }
    }
    if (errors.length === listenAddresses(ctx).length) {
      await ctx.stderr.write(
        `Unable to listen on port ${local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`,
      );
    } else listening++;
  }
  if (listening === 0) {
    return fail(
      ctx.stderr,
      `unable to listen on any of the requested ports: [${ports.map(([l, r]) => `{${l} ${r}}`).join(' ')}]`,
    );
  }
  // Until Ctrl-C: kubectl catches the interrupt, closes its listeners and exits 0.
  await new Promise<void>((resolve) => ctx.signal.onAbort(resolve));
  for (const close of closers) close();
  return 0;
}

/** One HTTP exchange with the pod's port, through the API server's pod proxy. */
async function forward(ctx: KubectlContext, proxyPath: string, request: HttpRequest): Promise<HttpResponse> {
  const headers = { ...request.headers, 'user-agent': request.headers['user-agent'] ?? KUBECTL_USER_AGENT };
  const response = await ctx.api.handler({
    method: request.method,
    path: `${proxyPath}${request.path.startsWith('/') ? '' : '/'}${request.path}`,
    headers,
    body: request.body,
  });
  // The pod's bytes come back unchanged through the forwarded stream.
  return { status: response.status, headers: response.wireHeaders ?? response.headers, body: response.body };
}

/** `kubectl port-forward`. */
export const portForward: KubectlSubcommand = {
  name: 'port-forward',
  flags: [
    { name: 'address', type: 'stringSlice' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run: (ctx) => checkErrors(ctx, () => runPortForward(ctx)),
};
