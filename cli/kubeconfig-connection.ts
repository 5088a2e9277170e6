// Where and how to reach the API server, from the kubeconfig in effect and the global flags that
// override it, as client-go's clientcmd resolves them (the parts an HTTP client needs).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseGoDuration } from '../runtime/util/go-duration';

/** What an HTTP(S) client needs to talk to the API server. */
export interface Connection {
  /** The server's base URL, e.g. `https://192.168.49.2:8443`. */
  server: string;
  ca?: Buffer;
  insecure: boolean;
  cert?: Buffer;
  key?: Buffer;
  token?: string;
  basic?: { username: string; password: string };
  tlsServerName?: string;
  /** `--request-timeout`: how long a request (a watch's whole stream included) may take, in ms. */
  timeoutMs?: number;
}

/** The global flags that choose or override the connection (`--server`, `--context`, …), by long name. */
export type ConnectionFlags = ReadonlyMap<string, string>;

/** The global flags this module reads; each takes a value. */
const CONNECTION_FLAGS: Record<string, string> = {
  '--kubeconfig': 'kubeconfig',
  '--context': 'context',
  '--cluster': 'cluster',
  '--user': 'user',
  '--server': 'server',
  '-s': 'server',
  '--token': 'token',
  '--certificate-authority': 'certificate-authority',
  '--client-certificate': 'client-certificate',
  '--client-key': 'client-key',
  '--tls-server-name': 'tls-server-name',
  '--username': 'username',
  '--password': 'password',
  '--request-timeout': 'request-timeout',
};

/** Picks the connection flags out of kubectl's arguments (`--flag value` or `--flag=value`), up to `--`. */
export function connectionFlags(args: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    if (arg === '--insecure-skip-tls-verify' || arg === '--insecure-skip-tls-verify=true') {
      flags.set('insecure-skip-tls-verify', 'true');
      continue;
    }
    const eq = arg.indexOf('=');
    const name = CONNECTION_FLAGS[eq < 0 ? arg : arg.slice(0, eq)];
    if (!name) continue;
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value !== undefined) flags.set(name, value);
  }
  return flags;
}

/** The kubeconfig files in effect (clientcmd's loading rules): `--kubeconfig`, else `$KUBECONFIG`'s, else ~/.kube/config. */
export function kubeconfigFiles(flags: ConnectionFlags, env: NodeJS.ProcessEnv, cwd: string): string[] {
  const flag = flags.get('kubeconfig');
  if (flag) return [resolve(cwd, flag)];
  const list = (env.KUBECONFIG ?? '').split(':').filter((p) => p !== '');
  if (list.length > 0) return list.map((p) => resolve(cwd, p));
  return [resolve(env.HOME ?? '/', '.kube', 'config')];
}

interface Named {
  name: string;
  [kind: string]: unknown;
}

interface Config {
  clusters?: Named[];
  contexts?: Named[];
  users?: Named[];
  'current-context'?: string;
}

type Fields = Record<string, unknown>;

/** The entry `name` of `list`'s `kind` fields (`cluster`, `context`, `user`), first file first. */
function entry(configs: Array<{ config: Config; dir: string }>, list: keyof Config, name: string | undefined) {
  if (!name) return undefined;
  for (const { config, dir } of configs) {
    const found = (config[list] as Named[] | undefined)?.find((e) => e.name === name);
    if (found) return { fields: (found[list.slice(0, -1)] ?? {}) as Fields, dir };
  }
  return undefined;
}

/** A file's bytes or an inline base64 `-data` field's, paths relative to the kubeconfig's folder. */
function bytes(fields: Fields | undefined, field: string, dir: string, override?: string): Buffer | undefined {
  if (override) return readFileSync(override);
  if (!fields) return undefined;
  const data = fields[`${field}-data`];
  if (typeof data === 'string' && data !== '') return Buffer.from(data, 'base64');
  const path = fields[field];
  if (typeof path === 'string' && path !== '') return readFileSync(isAbsolute(path) ? path : resolve(dir, path));
  return undefined;
}

/** Resolves the connection from the kubeconfig files and flags; without any, `http://localhost:8080` as kubectl. */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv, cwd: string): Connection {
  const configs: Array<{ config: Config; dir: string }> = [];
  for (const file of kubeconfigFiles(flags, env, cwd)) {
    if (!existsSync(file)) continue;
    const config = (parse(readFileSync(file, 'utf8')) ?? {}) as Config;
    configs.push({ config, dir: dirname(file) });
  }
  const contextName =
    flags.get('context') ?? configs.find((c) => c.config['current-context'])?.config['current-context'];
  const context = entry(configs, 'contexts', contextName)?.fields ?? {};
  const cluster = entry(configs, 'clusters', flags.get('cluster') ?? (context.cluster as string | undefined));
  const user = entry(configs, 'users', flags.get('user') ?? (context.user as string | undefined));
  const clusterFields = cluster?.fields;
  const userFields = user?.fields;
  const tokenFile = userFields?.tokenFile;
  let token = flags.get('token') ?? (userFields?.token as string | undefined);
  if (!token && typeof tokenFile === 'string')
    token = readFileSync(resolve(user?.dir ?? cwd, tokenFile), 'utf8').trim();
  const username = flags.get('username') ?? (userFields?.username as string | undefined);
  const password = flags.get('password') ?? (userFields?.password as string | undefined);
  return {
    server: flags.get('server') ?? (clusterFields?.server as string | undefined) ?? 'http://localhost:8080',
    ca: bytes(clusterFields, 'certificate-authority', cluster?.dir ?? cwd, flags.get('certificate-authority')),
    insecure: flags.has('insecure-skip-tls-verify') || clusterFields?.['insecure-skip-tls-verify'] === true,
    cert: bytes(userFields, 'client-certificate', user?.dir ?? cwd, flags.get('client-certificate')),
    key: bytes(userFields, 'client-key', user?.dir ?? cwd, flags.get('client-key')),
    token: token || undefined,
    basic: username ? { username, password: password ?? '' } : undefined,
    tlsServerName: flags.get('tls-server-name') ?? (clusterFields?.['tls-server-name'] as string | undefined),
    timeoutMs: requestTimeout(flags.get('request-timeout')),
  };
}

/** `--request-timeout` in ms (a bare number is seconds, as kubectl reads it); 0 or none is no limit. */
function requestTimeout(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : parseGoDuration(text);
  return ms ? ms : undefined;
}
