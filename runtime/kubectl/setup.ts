import { discoverResources, type ApiResourceInfo } from './discovery';
import { KubectlClient } from './kubectl-client';
import { kubeconfigNamespace } from './kubeconfig/kubeconfig-file';
import type { KubectlContext } from './subcommand';

/** What most commands start from: the client, the namespace in effect, and the server's resources. */
export interface KubectlSetup {
  client: KubectlClient;
  /** -n, else the context's namespace, else `default`. */
  namespace: string;
  /** Whether -n named the namespace (ExplicitNamespace). */
  explicitNamespace: boolean;
  resources: ApiResourceInfo[];
}

/** Connects to the API and reads its discovery (kubectl's Factory). */
export async function kubectlSetup(ctx: KubectlContext): Promise<KubectlSetup> {
  const client = new KubectlClient(ctx.api.handler, (text) => ctx.stderr.write(`Warning: ${text}\n`));
  const flag = ctx.flags.get('namespace');
  const namespace = typeof flag === 'string' && flag !== '' ? flag : (kubeconfigNamespace(ctx) ?? 'default');
  return {
    client,
    namespace,
    explicitNamespace: typeof flag === 'string' && flag !== '',
    resources: await discoverResources(client),
  };
}
