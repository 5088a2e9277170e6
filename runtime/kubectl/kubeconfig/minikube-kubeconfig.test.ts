import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../printers/yaml';
import { minikubeKubeconfig } from './minikube-kubeconfig';

describe('the kubeconfig minikube start writes', () => {
  const text = minikubeKubeconfig('/home/docker', Date.UTC(2026, 10, 29, 17, 48, 5));

  it('is what the YAML printer (clientcmd’s sorted encoding) makes of the same config', () => {
    expect(toYaml(parse(text))).toBe(text);
  });

  it('names the cluster, the context and the user minikube, stamped with the time of the start', () => {
    const config = parse(text);
    expect(config['current-context']).toBe('minikube');
    expect(config.clusters[0].cluster.server).toBe('https://192.168.49.2:8443');
    expect(config.contexts[0].context).toMatchObject({ cluster: 'minikube', namespace: 'default', user: 'minikube' });
    expect(config.users[0].user['client-key']).toBe('/home/docker/.minikube/profiles/minikube/client.key');
    expect(config.clusters[0].cluster.extensions[0].extension['last-update']).toBe('Sun, 29 Nov 2026 17:48:05 UTC');
  });
});
