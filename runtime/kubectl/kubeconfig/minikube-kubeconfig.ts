const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123 in UTC (`Mon, 02 Jan 2006 15:04:05 UTC`), as minikube's extension stamps it. */
export function rfc1123(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock} UTC`;
}

/**
 * `~/.kube/config` as `minikube start` (v1.37.0, docker driver) writes it: minikube's
 * kubeconfig.Update with PopulateFromSettings (certificate paths under ~/.minikube, the
 * `cluster_info` and `context_info` extensions stamped at `now`, the context's namespace from
 * `--namespace`, default `default`), encoded by clientcmd's latest.Codec (keys sorted). Written
 * out as text: the host writes it before the first prompt, which must not wait for a YAML
 * library (the test checks it is what the YAML printer makes of the same config).
 */
export function minikubeKubeconfig(home: string, now: number): string {
  const extension = (name: string): string =>
    [
      '    extensions:',
      '    - extension:',
      `        last-update: ${rfc1123(now)}`,
      '        provider: minikube.sigs.k8s.io',
      '        version: v1.37.0',
      `      name: ${name}`,
    ].join('\n');
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority: ${home}/.minikube/ca.crt
${extension('cluster_info')}
    server: https://192.168.49.2:8443
  name: minikube
contexts:
- context:
    cluster: minikube
${extension('context_info')}
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: ${home}/.minikube/profiles/minikube/client.crt
    client-key: ${home}/.minikube/profiles/minikube/client.key
`;
}
