import { GeneratorError, list, nameFromArgs, namespaceOf, str, type Generator } from './generator';
import { sortKeys } from './go-json';
import { intOrString } from './validation';

/** create_ingress.go ruleRegex (Go's MatchString: unanchored at the end). */
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** An IngressBackend for `service:port` (the port a number or a name). */
function backend(service: string): unknown {
  const [name, portText] = service.split(':');
  const port = intOrString(portText);
  return { service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } };
}

/** buildHTTPIngressPath: a trailing `*` makes the path a Prefix. */
function httpPath(pathService: string): unknown {
  const [rawPath, service] = pathService.split('=');
  let path = `/${rawPath}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(service) };
}

/** buildTLSRules: hosts grouped by secret, each host once. */
function tlsRules(rules: string[]): Array<{ hosts?: string[]; secretName?: string }> {
  const seen = new Set<string>();
  const out: Array<{ hosts?: string[]; secretName?: string }> = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretName = parts[1].split('=')[1] ?? '';
    const existing = out.find((t) => (t.secretName ?? '') === secretName);
    if (seen.has(host)) continue;
    seen.add(host);
    if (existing) {
      existing.hosts = [...(existing.hosts ?? []), host];
      continue;
    }
    const tls = { ...(host ? { hosts: [host] } : {}), ...(secretName ? { secretName } : {}) };
    if (tls.hosts || tls.secretName) out.push(tls);
  }
  return out;
}

/** buildIngressRules: one rule per host, paths appended in order. */
function ingressRules(rules: string[]): Array<{ host?: string; http: { paths: unknown[] } }> {
  const out: Array<{ host?: string; http: { paths: unknown[] } }> = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0];
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else out.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

/** `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class] [--default-backend] [--annotation]`. */
export const ingressGenerator: Generator = {
  name: 'ingress',
  aliases: ['ing'],
  commandPath: 'kubectl create ingress',
  flags: [
    { name: 'class', type: 'string' },
    { name: 'rule', type: 'stringArray' },
    { name: 'default-backend', type: 'string' },
    { name: 'annotation', type: 'stringArray' },
  ],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const rules = list(input, 'rule');
    const defaultBackend = str(input, 'default-backend');
    const annotationList = list(input, 'annotation');
    if (!defaultBackend && !rules.length) {
      throw new GeneratorError(
        'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
      );
    }
    for (const rule of rules) {
      if (!RULE.test(rule)) {
        throw new GeneratorError(
          `rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`,
        );
      }
    }
    const annotations: Record<string, string> = {};
    for (const annotation of annotationList) {
      const eq = annotation.indexOf('=');
      if (eq < 0) throw new GeneratorError(`annotation ${annotation} is invalid and should be in format key=[value]`);
      annotations[annotation.slice(0, eq)] = annotation.slice(eq + 1);
    }
    if (defaultBackend && defaultBackend.split(':').length !== 2) {
      throw new GeneratorError('default-backend should be in format servicename:serviceport');
    }
    const className = str(input, 'class');
    const tls = tlsRules(rules);
    const ingressRuleList = ingressRules(rules);
    return {
      kind: 'Ingress',
      apiVersion: 'networking.k8s.io/v1',
      metadata: {
        name,
        ...namespaceOf(input),
        ...(annotationList.length ? { annotations: sortKeys(annotations) } : {}),
      },
      spec: {
        ...(className ? { ingressClassName: className } : {}),
        ...(defaultBackend ? { defaultBackend: backend(defaultBackend) } : {}),
        ...(tls.length ? { tls } : {}),
        ...(ingressRuleList.length ? { rules: ingressRuleList } : {}),
      },
      status: { loadBalancer: {} },
    };
  },
};
