import type { ApiRequest } from './types';

/** Who a request comes from (k8s.io/apiserver user.Info). */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/**
 * minikube's kubeconfig user: its client certificate says CN=minikube-user, O=system:masters.
 * Every client of kubeplay's API server is this user unless it impersonates another.
 */
export const MINIKUBE_USER: UserInfo = {
  username: 'minikube-user',
  groups: ['system:masters', 'system:authenticated'],
};

/** The group every authorizer lets do anything (user.SystemPrivilegedGroup). */
export const PRIVILEGED_GROUP = 'system:masters';

/**
 * The request's user: minikube-user, or whom the Impersonate-* headers name (kubectl --as and
 * --as-group), who gets system:authenticated as the real impersonation filter adds it.
 */
export function requestUser(request: ApiRequest): UserInfo {
  const headers = request.headers ?? {};
  const username = headers['impersonate-user'];
  if (!username) return MINIKUBE_USER;
  const split = (value: string | undefined): string[] =>
    (value ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  const groups = split(headers['impersonate-group']);
  const serviceAccount = /^system:serviceaccount:([^:]+):[^:]+$/.exec(username);
  if (serviceAccount) groups.push('system:serviceaccounts', `system:serviceaccounts:${serviceAccount[1]}`);
  if (username !== 'system:anonymous' && !groups.includes('system:authenticated')) groups.push('system:authenticated');
  const extra: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('impersonate-extra-')) extra[name.slice('impersonate-extra-'.length)] = split(value);
  }
  const uid = headers['impersonate-uid'];
  return { username, ...(uid ? { uid } : {}), groups, ...(Object.keys(extra).length ? { extra } : {}) };
}
