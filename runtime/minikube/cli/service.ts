import type { ApiClient } from '../../api/client';
import type { CommandContext } from '../../shell/command';
import { CONTROL_PLANE } from '../start';
import { parseFlags } from './flags';
import { exitWith, step, usageError } from './output';
import { renderTable } from './table';

interface ServiceJson {
  metadata: { name: string; namespace: string };
  spec: {
    type?: string;
    selector?: Record<string, string>;
    ports?: Array<{ name?: string; port: number; targetPort?: number | string; nodePort?: number }>;
  };
}

/** service.SvcURL: a service's NodePort URLs and the names of their ports. */
interface SvcUrl {
  Namespace: string;
  Name: string;
  URLs: string[];
  PortNames: string[];
}

const HEADER = ['Namespace', 'Name', 'Target Port', 'URL'];

/**
 * printURLsForService with defaultServiceFormatTemplate `http://{{.IP}}:{{.Port}}`: a URL per
 * NodePort on the node's address; the port's "name" is `name/port` or the service port.
 */
function serviceUrls(svc: ServiceJson): SvcUrl {
  const urls: string[] = [];
  const portNames: string[] = [];
  for (const port of svc.spec.ports ?? []) {
    if (!port.nodePort) continue;
    urls.push(`http://${CONTROL_PLANE.ip}:${port.nodePort}`);
    portNames.push(port.name ? `${port.name}/${port.port}` : String(port.port));
  }
  return { Namespace: svc.metadata.namespace, Name: svc.metadata.name, URLs: urls, PortNames: portNames };
}

async function listServices(api: ApiClient, namespace: string): Promise<ServiceJson[]> {
  const path = namespace === '' ? '/api/v1/services' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`;
  return (await api.getJson<{ items: ServiceJson[] }>(path)).items;
}

/** CheckServicePods: a NodePort or LoadBalancer service needs a Running pod behind it. */
async function hasRunningPod(api: ApiClient, svc: ServiceJson): Promise<boolean> {
  if (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer') return true;
  const selector = Object.entries(svc.spec.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await api.getJson<{ items: Array<{ status?: { phase?: string } }> }>(
    `/api/v1/namespaces/${encodeURIComponent(svc.metadata.namespace)}/pods?labelSelector=${encodeURIComponent(selector)}`,
  );
  return pods.items.some((pod) => pod.status?.phase === 'Running');
}

/** `minikube service list [-n NS] [-o json]` (service_list.go), every namespace by default. */
export async function serviceListCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { values: ['namespace', 'output', 'format'], short: { n: 'namespace', o: 'output' } });
  if (flags.unknown) return usageError(ctx, 'service list', flags.unknown);
  const output = (flags.values.get('output') ?? 'table').toLowerCase();
  // updatePortsAndURLs: a service without URLs shows "No node port" as its port.
  const urls = (await listServices(ctx.shell.api, flags.values.get('namespace') ?? '')).map((svc) => {
    const url = serviceUrls(svc);
    return url.URLs.length === 0 ? { ...url, PortNames: ['No node port'] } : url;
  });
  if (output === 'json') {
    ctx.stdout.write(JSON.stringify(urls));
    return 0;
  }
  if (output !== 'table') {
    return exitWith(
      ctx.stdout,
      ctx.stderr,
      'MK_USAGE',
      `invalid output format: ${output}. Valid values: 'table', 'json'`,
    );
  }
  ctx.stdout.write(
    renderTable(
      HEADER,
      urls.map((u) => [u.Namespace, u.Name, u.PortNames.join('\n'), u.URLs.join('\n')]),
    ),
  );
  return 0;
}

/**
 * `minikube service NAME… [--url] [-n NS] [--all] [--https]` (service.go, with the docker driver
 * on Linux: the node's NodePort URLs, no tunnel). Without --url each service's table (from
 * WaitForService) and "Opening service … in default browser..."; with it, the URLs alone.
 */
export async function serviceCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const { stdout, stderr } = ctx;
  if (argv[0] === 'list') return serviceListCommand(ctx, argv.slice(1));
  const flags = parseFlags(argv, {
    values: ['namespace', 'format', 'wait', 'interval'],
    booleans: ['url', 'all', 'https'],
    short: { n: 'namespace' },
  });
  if (flags.unknown) return usageError(ctx, 'service', flags.unknown);
  const namespace = flags.values.get('namespace') ?? 'default';
  const all = flags.values.get('all') === 'true';
  const urlMode = flags.values.get('url') === 'true';
  const https = flags.values.get('https') === 'true';
  const names = flags.args;
  if ((names.length === 0 && !all) || (names.length > 0 && all)) {
    return exitWith(stdout, stderr, 'MK_USAGE', 'You must specify service name(s) or --all');
  }
  const services = (await listServices(ctx.shell.api, namespace)).filter(
    (svc) => all || names.includes(svc.metadata.name),
  );
  if (services.length === 0 && all) {
    return exitWith(
      stdout,
      stderr,
      'SVC_NOT_FOUND',
      `No services were found in the '${namespace}' namespace.\nYou may select another namespace by using 'minikube service --all -n <namespace>'`,
    );
  }
  if (services.length === 0) {
    return exitWith(
      stdout,
      stderr,
      'SVC_NOT_FOUND',
      `Service '${names[0]}' was not found in '${namespace}' namespace.\nYou may select another namespace by using 'minikube service ${names[0]} -n <namespace>'. Or list out all the services using 'minikube service list'`,
    );
  }
  const opened: Array<{ name: string; urls: string[] }> = [];
  const noNodePort: string[] = [];
  for (const svc of services) {
    const { URLs, PortNames } = serviceUrls(svc);
    const name = svc.metadata.name;
    // WaitForService: the service's own table, before anything else about it.
    if (!urlMode) {
      const row =
        URLs.length === 0
          ? [namespace, name, '', 'No node port']
          : [namespace, name, PortNames.join('\n'), URLs.join('\n')];
      stdout.write(renderTable(HEADER, [row]));
    }
    if (URLs.length === 0) {
      step(stdout, '😿', `service ${namespace}/${name} has no node port`);
      noNodePort.push(`${svc.metadata.namespace}/${name}`);
    } else {
      const urls = https ? URLs.map((u) => u.replace(/^http:/, 'https:')) : URLs;
      if (urlMode) stdout.write(`${urls.join('\n')}\n`);
      opened.push({ name, urls });
    }
    if (!(await hasRunningPod(ctx.shell.api, svc))) {
      // exit.Error also draws minikube's "please let us know" box, left out here.
      return exitWith(
        stdout,
        stderr,
        'SVC_UNREACHABLE',
        `service not available: no running pod for service ${name} found`,
      );
    }
  }
  if (noNodePort.length > 0) {
    // out.WarningT: a []string prints as Go's %v, `[a b]`.
    step(
      stderr,
      '❗',
      `Services [${noNodePort.join(' ')}] have type "ClusterIP" not meant to be exposed, however for local development minikube allows you to access this !`,
    );
  }
  if (!urlMode) {
    // openURLs: each of the service's URLs in the browser, where the host has one (the page's).
    for (const { name, urls } of opened) {
      step(stdout, '🎉', `Opening service ${namespace}/${name} in default browser...`);
      for (const url of urls) ctx.shell.openUrl?.(url);
    }
  }
  return 0;
}
