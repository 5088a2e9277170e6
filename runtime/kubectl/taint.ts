import { labelValueErrors, qualifiedNameErrors } from '../api/validation';
import { resolveResource } from './discovery';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import { queryString } from './resource-url';
import { kubectlSetup } from './setup';
import { fail, type KubectlSubcommand } from './subcommand';

/** A node taint, in core/v1 field order. */
interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

type TaintedNode = { metadata: { name: string }; spec?: { taints?: Taint[] } };

class TaintError extends Error {}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** taint utils.go parseTaint: `key[=value]:effect`, or a bare key (for removals). */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new TaintError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new TaintError(`invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errors = labelValueErrors(value);
      if (errors.length) throw new TaintError(`invalid taint spec: ${spec}, ${errors.join('; ')}`);
    }
  } else throw new TaintError(`invalid taint spec: ${spec}`);
  const errors = qualifiedNameErrors(key);
  if (errors.length) throw new TaintError(`invalid taint spec: ${spec}, ${errors.join('; ')}`);
  return { key, ...(value ? { value } : {}), effect };
}

/** parseTaints: the taints to add (one per key and effect) and those to remove (`…-`). */
function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      remove.push(parseTaint(spec.slice(0, -1)));
      continue;
    }
    const taint = parseTaint(spec);
    if (!taint.effect) throw new TaintError(`invalid taint spec: ${spec}`);
    if (add.some((t) => t.key === taint.key && t.effect === taint.effect))
      // Go's %v of the Taint struct: {Key Value Effect TimeAdded}.
      throw new TaintError(
        `duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`,
      );
    add.push(taint);
  }
  return { add, remove };
}

const matches = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;
/** Taint.ToString: `key=value:effect`, parts omitted when empty. */
const taintText = (t: Taint): string => `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;

/** reorganizeTaints: the node's new taints and the operation the printer names. */
function reorganize(old: Taint[], add: Taint[], remove: Taint[], overwrite: boolean): [string, Taint[], string[]] {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matches(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matches(r, t) : t.key !== r.key));
    removed = before !== taints.length;
    if (!removed) errors.push(`taint ${JSON.stringify(taintText(r))} not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return [operation, taints, errors];
}

/** `kubectl taint NODE KEY=VAL:EFFECT … | KEY[:EFFECT]-` (kubectl pkg/cmd/taint): patches nodes' taints. */
export const taint: KubectlSubcommand = {
  name: 'taint',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'validate', type: 'string' },
  ],
  async run(ctx) {
    const { flags, stdout, stderr } = ctx;
    const resources: string[] = [];
    const specs: string[] = [];
    for (const arg of ctx.args) {
      const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
      if (isTaint) specs.push(arg);
      else if (specs.length) return fail(stderr, `all resources must be specified before taint changes: ${arg}`);
      else resources.push(arg);
    }
    if (resources.length < 1) return fail(stderr, 'one or more resources must be specified as <resource> <name>');
    if (specs.length < 1) return fail(stderr, 'at least one taint update is required');
    let parsed: { add: Taint[]; remove: Taint[] };
    try {
      parsed = parseTaints(specs);
    } catch (error) {
      if (!(error instanceof TaintError)) throw error;
      return fail(stderr, `${error.message}\nSee 'kubectl taint -h' for help and examples`);
    }
    const setup = await kubectlSetup(ctx);
    const info = resolveResource(setup.resources, resources[0]);
    if (!info) {
      stderr.write(`the server doesn't have a resource type ${JSON.stringify(resources[0].toLowerCase())}\n`);
      return 1;
    }
    if (info.kind !== 'Node')
      return fail(stderr, `invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
    const conflicts = parsed.remove
      .filter((r) => parsed.add.some((a) => a.key === r.key && (!r.effect || a.effect === r.effect)))
      .map((r) => `${r.key}=${r.effect}`);
    if (conflicts.length)
      return fail(
        stderr,
        `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
      );
    const all = flags.get('all') === true;
    const selector = String(flags.get('selector') ?? '');
    if (all && selector) return fail(stderr, "setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2)
      return fail(stderr, "at least one resource name must be specified since 'all' parameter is not set");
    const overwrite = flags.get('overwrite') === true;
    const dryRun = String(flags.get('dry-run') ?? 'none');
    const output = String(flags.get('output') ?? '');
    const errors: Array<ApiError | string> = [];
    let nodes: TaintedNode[] = [];
    try {
      if (all || selector) {
        const query = queryString({ labelSelector: selector || undefined });
        nodes =
          (await setup.client.json<{ items?: TaintedNode[] }>(`/api/v1/nodes${query}`, { target: 'nodes' })).items ??
          [];
      } else {
        for (const name of resources.slice(1)) {
          try {
            nodes.push(
              await setup.client.json<TaintedNode>(`/api/v1/nodes/${encodeURIComponent(name)}`, {
                target: `nodes ${name}`,
              }),
            );
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            errors.push(error);
          }
        }
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      errors.push(error);
    }
    for (const node of nodes) {
      const name = node.metadata.name;
      const old = node.spec?.taints ?? [];
      if (!overwrite) {
        const existing = parsed.add.flatMap((t) => old.filter((o) => matches(t, o)).map(() => t.key));
        if (existing.length) {
          errors.push(
            `node ${name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`,
          );
          continue;
        }
      }
      const [operation, taints, problems] = reorganize(old, parsed.add, parsed.remove, overwrite);
      if (problems.length) {
        errors.push(problems.join(', '));
        continue;
      }
      if (dryRun !== 'client') {
        const query = queryString({
          dryRun: dryRun === 'server' ? 'All' : undefined,
          fieldManager: String(flags.get('field-manager') ?? 'kubectl-taint'),
          fieldValidation: 'Strict',
        });
        try {
          await setup.client.json(`/api/v1/nodes/${encodeURIComponent(name)}${query}`, {
            method: 'PATCH',
            contentType: 'application/strategic-merge-patch+json',
            value: { spec: { taints: taints.length ? taints : null } },
            verb: 'patch',
            target: `nodes ${name}`,
          });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          errors.push(error);
          continue;
        }
      }
      const suffix = dryRun === 'server' ? ' (server dry run)' : '';
      stdout.write(output === 'name' ? `node/${name}\n` : `node/${name} ${operation}${suffix}\n`);
    }
    if (errors.length) {
      stderr.write(errorsText(errors));
      return 1;
    }
    return 0;
  },
};
