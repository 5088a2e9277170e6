// The `kubectl config …` sequence scripts/oracle/record-kubectl-config.ts records and
// tests/kubectl-config-oracle.test.ts replays: each case runs on the file the ones before left.

/** The learner's HOME the kubeconfig's paths are under. */
export const CONFIG_HOME = '/home/learner';

/** When minikube wrote the kubeconfig (its extensions' last-update). */
export const CONFIG_EPOCH = Date.UTC(2026, 0, 1);

/** Each case is one kubectl argument list. */
export const CONFIG_CASES: string[][] = [
  ['config', 'view'],
  ['config', 'view', '--raw'],
  ['config', 'view', '--minify'],
  ['config', 'view', '-o', 'json'],
  ['config', 'view', '--minify', '-o', 'json'],
  ['config', 'view', '-o', 'wide'],
  ['config', 'get-contexts'],
  ['config', 'get-contexts', 'minikube'],
  ['config', 'get-contexts', '-o', 'name'],
  ['config', 'get-contexts', '--no-headers'],
  ['config', 'get-contexts', 'nope'],
  ['config', 'get-clusters'],
  ['config', 'get-users'],
  ['config', 'current-context'],
  ['config', 'set-context', '--current', '--namespace=dev'],
  ['config', 'get-contexts'],
  ['config', 'view', '--minify'],
  ['config', 'set-credentials', 'bob', '--token=secret'],
  ['config', 'set-credentials', 'carol', '--username=carol', '--password=pw'],
  ['config', 'set-context', 'dev-ctx', '--cluster=minikube', '--user=bob'],
  ['config', 'set-context', 'dev-ctx', '--namespace=kube-system'],
  ['config', 'use-context', 'dev-ctx'],
  ['config', 'use-context', 'nope'],
  ['config', 'current-context'],
  ['config', 'get-contexts'],
  ['config', 'get-users'],
  ['config', 'view'],
  ['config', 'view', '--minify', '-o', 'json'],
  ['config', 'view', '--raw', '--minify'],
  ['config', 'use', 'minikube'],
  ['config', 'set-credentials'],
  ['config'],
  ['config', 'view', '--bogus'],
  ['options'],
];
