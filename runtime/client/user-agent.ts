import { SERVER_VERSION } from '../api/version';

/**
 * The User-Agent a Kubernetes component sends, as client-go builds it: `rest.DefaultKubernetesUserAgent()`
 * (`<command>/<version> (<os>/<arch>) kubernetes/<commit, 7 characters>`), and with `rest.AddUserAgent`
 * a `/<name>` suffix. kube-controller-manager runs each controller with its service account's
 * credentials (`--use-service-account-credentials`, as kubeadm and minikube set it), so its
 * ReplicaSet controller sends
 * `kube-controller-manager/v1.34.0 (linux/amd64) kubernetes/f28b4c9/system:serviceaccount:kube-system:replicaset-controller`.
 * The API server names the field manager of a write after the agent up to its first slash
 * (`kube-controller-manager`), as managedFields show.
 */
export function componentUserAgent(command: string, name?: string): string {
  const version = SERVER_VERSION.gitVersion.split('-')[0];
  const base = `${command}/${version} (${SERVER_VERSION.platform}) kubernetes/${SERVER_VERSION.gitCommit.slice(0, 7)}`;
  return name ? `${base}/${name}` : base;
}

/** The user name of a service account (apiserver serviceaccount.MakeUsername). */
export function serviceAccountUser(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** The agent of one kube-controller-manager controller running as its kube-system service account. */
export function controllerUserAgent(serviceAccount: string): string {
  return componentUserAgent('kube-controller-manager', serviceAccountUser('kube-system', serviceAccount));
}
