import { PrinterError } from '../printers/jsonpath-error';
import { isTemplateOutput, templatePrinter } from '../printers/template-output';
import { toYaml } from '../printers/yaml';
import type { KubectlContext } from '../subcommand';
import { fail } from '../subcommand';
import { loadKubeconfig, type Kubeconfig, type NamedEntry } from './kubeconfig-file';

/** Go's field order of clientcmd/api/v1's structs, which -o json keeps. */
const FIELD_ORDER: Record<string, readonly string[]> = {
  cluster: [
    'server',
    'tls-server-name',
    'insecure-skip-tls-verify',
    'certificate-authority',
    'certificate-authority-data',
    'proxy-url',
    'disable-compression',
    'extensions',
  ],
  user: [
    'client-certificate',
    'client-certificate-data',
    'client-key',
    'client-key-data',
    'token',
    'tokenFile',
    'as',
    'as-uid',
    'as-groups',
    'as-user-extra',
    'username',
    'password',
    'auth-provider',
    'exec',
    'extensions',
  ],
  context: ['cluster', 'user', 'namespace', 'extensions'],
};

/** The printers `config view` accepts, as its error lists them. */
const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Orders `fields` as Go declares them, unknown ones after. */
function ordered(fields: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const keys = [...order.filter((k) => k in fields), ...Object.keys(fields).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, fields[k]]));
}

/** clientcmdapi's ShortenConfig and RedactSecrets: data as DATA+OMITTED, secrets as REDACTED. */
function redact(kind: string, fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  for (const key of ['certificate-authority-data', 'client-certificate-data', 'client-key-data'])
    if (key in out) out[key] = 'DATA+OMITTED';
  if (kind === 'user') for (const key of ['token', 'password']) if (out[key]) out[key] = 'REDACTED';
  return out;
}

/** One list of the config, each entry's fields redacted unless `raw` and ordered as Go's. */
function entries(list: NamedEntry[], kind: string, raw: boolean): NamedEntry[] {
  return list.map((entry) => {
    const fields = (entry[kind] ?? {}) as Record<string, unknown>;
    const shown = ordered(raw ? fields : redact(kind, fields), FIELD_ORDER[kind]);
    // NamedExtension's fields are `name`, then `extension`.
    if (Array.isArray(shown.extensions)) {
      shown.extensions = (shown.extensions as Array<Record<string, unknown>>).map((e) => ordered(e, ['name']));
    }
    return { name: entry.name, [kind]: shown };
  });
}

/** Only the current context and what it names (`--minify`), or its error. */
function minify(config: Kubeconfig): Kubeconfig | string {
  const current = config['current-context'];
  if (!current) return 'current-context must exist in order to minify';
  const context = config.contexts.find((c) => c.name === current);
  if (!context) return `cannot locate context ${current}`;
  const fields = (context.context ?? {}) as { cluster?: string; user?: string };
  return {
    ...config,
    contexts: [context],
    clusters: config.clusters.filter((c) => c.name === fields.cluster),
    users: config.users.filter((u) => u.name === fields.user),
  };
}

/** `kubectl config view` (kubectl pkg/cmd/config/view.go). */
export function configView(ctx: KubectlContext): number {
  const output = String(ctx.flags.get('output') ?? 'yaml');
  const format = output.split('=')[0];
  const templated = isTemplateOutput(output) && !format.startsWith('custom-columns');
  if (output !== 'yaml' && output !== 'json' && !templated) {
    return fail(
      ctx.stderr,
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`,
    );
  }
  let config = loadKubeconfig(ctx);
  if (ctx.flags.get('minify') === true) {
    const minified = minify(config);
    if (typeof minified === 'string') return fail(ctx.stderr, minified);
    config = minified;
  }
  const raw = ctx.flags.get('raw') === true;
  const list = (items: NamedEntry[], kind: string): NamedEntry[] | null =>
    items.length > 0 ? entries(items, kind, raw) : null;
  const view = {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: list(config.clusters, 'cluster'),
    users: list(config.users, 'user'),
    contexts: list(config.contexts, 'context'),
    'current-context': config['current-context'] ?? '',
  };
  if (templated) {
    try {
      ctx.stdout.write(templatePrinter(output, { fs: ctx.fs, cwd: ctx.cwd, noHeaders: false })(view));
    } catch (error) {
      if (!(error instanceof PrinterError)) throw error;
      ctx.stdout.write(error.output);
      return fail(ctx.stderr, error.message);
    }
    return 0;
  }
  ctx.stdout.write(output === 'json' ? `${JSON.stringify(view, null, 4)}\n` : toYaml(view));
  return 0;
}
