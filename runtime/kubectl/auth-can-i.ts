import { accessTable, type RulesReviewStatus } from './access-rules';
import { resolveResource, type ApiResourceInfo } from './discovery';
import { kubectlSetup } from './setup';
import { fail, type KubectlSubcommand } from './subcommand';

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);
for (const verb of ['use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'])
  RESOURCE_VERBS.add(verb);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
/** Resources the server knows that discovery does not list (impersonating users and groups). */
const NON_STANDARD_RESOURCES = new Set(['users', 'groups']);

const REVIEWS = '/apis/authorization.k8s.io/v1';

interface AccessReviewStatus {
  allowed?: boolean;
  reason?: string;
  evaluationError?: string;
}

/** `kubectl auth can-i` (kubectl pkg/cmd/auth/cani.go): a SelfSubjectAccessReview, or the rules review with --list. */
export const authCanI: KubectlSubcommand = {
  name: 'can-i',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'list', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
  ],
  async run(ctx) {
    const { args, flags, stdout, stderr } = ctx;
    // WarningPrinter.Print: the message (which ends in a newline) and a newline.
    const warn = (message: string): void => void stderr.write(`Warning: ${message}\n`);
    const list = flags.get('list') === true;
    const quiet = flags.get('quiet') === true;
    const allNamespaces = flags.get('all-namespaces') === true;
    const subresource = String(flags.get('subresource') ?? '');
    if (list && args.length !== 0) return fail(stderr, 'list option must be specified with no arguments');
    if (!list && args.length !== 2)
      return fail(
        stderr,
        "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
      );
    const setup = await kubectlSetup(ctx);
    const namespace = allNamespaces ? '' : setup.namespace;
    if (list) {
      if (quiet || allNamespaces || subresource)
        return fail(
          stderr,
          "list option can't be specified with neither quiet, all-namespaces nor subresource options",
        );
      const review = await setup.client.json<{ status?: RulesReviewStatus }>(`${REVIEWS}/selfsubjectrulesreviews`, {
        method: 'POST',
        contentType: 'application/json',
        value: { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', spec: { namespace } },
      });
      const status = review.status ?? {};
      if (status.incomplete) warn(`the list may be incomplete: ${status.evaluationError ?? ''}`);
      stdout.write(accessTable(status, flags.get('no-headers') === true));
      return 0;
    }
    const [verb, target] = args;
    let spec: Record<string, unknown>;
    if (target.startsWith('/')) {
      if (subresource) return fail(stderr, '--subresource can not be used with NonResourceURL');
      if (!NON_RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`);
      spec = { nonResourceAttributes: { path: target, verb } };
    } else {
      const [type, name] = target.split(/\/(.*)/s);
      const resource = resourceFor(setup.resources, type, warn);
      if (!allNamespaces) {
        if (resource.info && !resource.info.namespaced)
          warn(
            resource.group
              ? `resource '${resource.resource}' is not namespace scoped in group '${resource.group}'\n`
              : `resource '${resource.resource}' is not namespace scoped\n`,
          );
        if (!RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`);
      }
      const attributes = { namespace, verb, group: resource.group, resource: resource.resource, subresource, name };
      spec = { resourceAttributes: Object.fromEntries(Object.entries(attributes).filter(([, v]) => v)) };
    }
    if (flags.get('no-headers') === true) return fail(stderr, '--no-headers cannot be set without --list specified');
    const review = await setup.client.json<{ status?: AccessReviewStatus }>(`${REVIEWS}/selfsubjectaccessreviews`, {
      method: 'POST',
      contentType: 'application/json',
      value: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', spec },
    });
    const status = review.status ?? {};
    if (!quiet) {
      if (status.allowed) stdout.write('yes\n');
      else {
        const reason = status.reason ? ` - ${status.reason}` : '';
        const error = status.evaluationError ? ` - ${status.evaluationError}` : '';
        stdout.write(`no${reason}${error}\n`);
      }
    }
    return status.allowed ? 0 : 1;
  },
};

/** can-i's resourceFor: the resource the argument names, or the argument itself with a warning. */
function resourceFor(
  resources: readonly ApiResourceInfo[],
  type: string,
  warn: (message: string) => void,
): { resource: string; group: string; info?: ApiResourceInfo } {
  if (type === '*') return { resource: type, group: '' };
  const info = resolveResource(resources, type.toLowerCase());
  if (info) return { resource: info.resource, group: info.group, info };
  const lower = type.toLowerCase();
  const dot = lower.indexOf('.');
  const [resource, group] = dot < 0 ? [lower, ''] : [lower.slice(0, dot), lower.slice(dot + 1)];
  if (!NON_STANDARD_RESOURCES.has(group ? `${resource}.${group}` : resource))
    warn(
      group
        ? `the server doesn't have a resource type '${resource}' in group '${group}'\n`
        : `the server doesn't have a resource type '${resource}'\n`,
    );
  return { resource: type, group: '' };
}
