import { clusterInfoDump, DUMP_FLAGS } from './cluster-info-dump';
import { contextOf, loadKubeconfig } from './kubeconfig/kubeconfig-file';
import { kubectlSetup } from './setup';
import type { KubectlContext, KubectlSubcommand } from './subcommand';

interface ServiceList {
  items?: Array<{
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
    spec?: { ports?: Array<{ name?: string; port: number }> };
    status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
  }>;
}

/** The server of the kubeconfig's context in effect (rest.Config's Host), or of --server. */
function serverHost(ctx: KubectlContext): string {
  const flag = ctx.flags.get('server');
  if (typeof flag === 'string' && flag !== '') return flag;
  const config = loadKubeconfig(ctx);
  const contextFlag = ctx.flags.get('context');
  const context = contextOf(
    config,
    typeof contextFlag === 'string' && contextFlag ? contextFlag : config['current-context'],
  );
  const clusterFlag = ctx.flags.get('cluster');
  const clusterName = typeof clusterFlag === 'string' && clusterFlag ? clusterFlag : context?.cluster;
  const cluster = config.clusters.find((c) => c.name === clusterName)?.cluster as { server?: string } | undefined;
  return cluster?.server ?? 'http://localhost:8080';
}

/** utilnet.JoinSchemeNamePort: `name`, `name:port` or `scheme:name:port`. */
const joinSchemeNamePort = (scheme: string, name: string, port: string): string =>
  scheme ? `${scheme}:${name}:${port}` : port ? `${name}:${port}` : name;

/**
 * `kubectl cluster-info` (kubectl pkg/cmd/clusterinfo): the control plane's address and, for each
 * service labelled kubernetes.io/cluster-service=true in kube-system (or -n), its proxy URL.
 * `cluster-info dump` is its child.
 */
export const clusterInfo: KubectlSubcommand = {
  name: 'cluster-info',
  flags: [],
  flagsFor: (argv) => (argv.find((a) => !a.startsWith('-')) === 'dump' ? DUMP_FLAGS : []),
  async run(ctx) {
    if (ctx.args[0] === 'dump') return clusterInfoDump.run({ ...ctx, args: ctx.args.slice(1) });
    const flag = ctx.flags.get('namespace');
    const namespace = typeof flag === 'string' && flag !== '' ? flag : 'kube-system';
    const host = serverHost(ctx);
    const { client } = await kubectlSetup(ctx);
    const selector = encodeURIComponent('kubernetes.io/cluster-service=true');
    const list = await client.json<ServiceList>(`/api/v1/namespaces/${namespace}/services?labelSelector=${selector}`);
    let text = `Kubernetes control plane is running at ${host}\n`;
    for (const service of list.items ?? []) {
      let link = '';
      const ingress = service.status?.loadBalancer?.ingress ?? [];
      if (ingress.length > 0) {
        const ip = ingress[0].ip || ingress[0].hostname || '';
        for (const port of service.spec?.ports ?? []) link += `http://${ip}:${port.port} `;
      } else {
        let name = service.metadata.name;
        const port = service.spec?.ports?.[0];
        if (port) {
          const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
          name = joinSchemeNamePort(scheme, service.metadata.name, port.name ?? '');
        }
        link = `${host}/api/v1/namespaces/${service.metadata.namespace ?? namespace}/services/${name}/proxy`;
      }
      text += `${service.metadata.labels?.['kubernetes.io/name'] || service.metadata.name} is running at ${link}\n`;
    }
    ctx.stdout.write(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  },
};
