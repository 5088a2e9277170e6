import { parse } from 'yaml';
import { normalizePath } from '../../shell/fs/path';
import type { Volume } from '../../shell/fs/volume';
import type { FlagValue } from '../flags';
import { toYaml } from '../printers/yaml';

/** One named entry of a kubeconfig's lists (clusters, contexts, users), as clientcmd v1 has it. */
export interface NamedEntry {
  name: string;
  [kind: string]: unknown;
}

/** A context's fields. */
export interface ContextFields {
  cluster?: string;
  user?: string;
  namespace?: string;
  extensions?: unknown[];
}

/** A kubeconfig (clientcmd/api/v1 Config) as read from its YAML. */
export interface Kubeconfig {
  clusters: NamedEntry[];
  contexts: NamedEntry[];
  users: NamedEntry[];
  'current-context'?: string;
  preferences?: unknown;
  [field: string]: unknown;
}

/** What locating the kubeconfig needs from the kubectl context. */
export interface KubeconfigSource {
  flags: ReadonlyMap<string, FlagValue>;
  env: Readonly<Record<string, string>>;
  fs: Volume;
  cwd: string;
}

/**
 * The kubeconfig file in effect (clientcmd's loading rules): `--kubeconfig`, else the first
 * entry of `$KUBECONFIG` that exists (or its last, where a write creates it), else ~/.kube/config.
 */
export function kubeconfigPath({ flags, env, fs, cwd }: KubeconfigSource): string {
  const flag = flags.get('kubeconfig');
  if (typeof flag === 'string' && flag !== '') return normalizePath(flag, cwd);
  const list = (env.KUBECONFIG ?? '').split(':').filter((p) => p !== '');
  if (list.length > 0) {
    const paths = list.map((p) => normalizePath(p, cwd));
    return paths.find((p) => fs.exists(p)) ?? paths[paths.length - 1];
  }
  return `${env.HOME ?? ''}/.kube/config`;
}

/** Reads the kubeconfig in effect; a missing or empty file is an empty config. */
export function loadKubeconfig(source: KubeconfigSource): Kubeconfig {
  const path = kubeconfigPath(source);
  let parsed: Partial<Kubeconfig> | null;
  try {
    parsed = source.fs.exists(path) ? (parse(source.fs.readFile(path)) as Partial<Kubeconfig> | null) : null;
  } catch {
    parsed = null;
  }
  // clientcmd keeps each list as a map by name, so every output lists them sorted by name.
  const sorted = (list: NamedEntry[] | undefined): NamedEntry[] =>
    [...(list ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    ...parsed,
    clusters: sorted(parsed?.clusters),
    contexts: sorted(parsed?.contexts),
    users: sorted(parsed?.users),
  };
}

/**
 * Writes `config` back as clientcmd.WriteToFile does: latest.Codec's YAML (keys sorted, empty
 * lists and preferences left out), `apiVersion: v1` and `kind: Config` always.
 */
export function saveKubeconfig(source: KubeconfigSource, config: Kubeconfig): void {
  const path = kubeconfigPath(source);
  const out: Record<string, unknown> = { apiVersion: 'v1', kind: 'Config' };
  for (const key of ['clusters', 'contexts', 'users'] as const) if (config[key].length > 0) out[key] = config[key];
  if (config['current-context']) out['current-context'] = config['current-context'];
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (dir !== '' && !source.fs.exists(dir)) source.fs.mkdir(dir);
  source.fs.writeFile(path, toYaml(out));
}

/** The context named `name`'s fields, if it exists. */
export function contextOf(config: Kubeconfig, name: string | undefined): ContextFields | undefined {
  const entry = config.contexts.find((c) => c.name === name);
  return entry ? ((entry.context ?? {}) as ContextFields) : undefined;
}

/** The namespace of the context in effect (`--context` or current-context), if it names one. */
export function kubeconfigNamespace(source: KubeconfigSource): string | undefined {
  const config = loadKubeconfig(source);
  const flag = source.flags.get('context');
  const name = typeof flag === 'string' && flag !== '' ? flag : config['current-context'];
  return contextOf(config, name)?.namespace || undefined;
}
