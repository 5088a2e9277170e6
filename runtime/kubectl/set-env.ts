import { resolveResource } from './discovery';
import type { FileContext } from './manifests';
import { podSpecOf, resourcesAndPairs, SET_FLAGS, setSubcommand } from './set-update';
import type { KubectlSetup } from './setup';
import { getObject } from './visit-objects';

type EnvVar = { name: string; value?: string; valueFrom?: Record<string, { name?: string; key?: string } | undefined> };
type Container = { name?: string; env?: EnvVar[] };

/** `--from=configmap/x` or `secret/x`: one variable per key, its name made a valid env name (with a warning). */
async function envFrom(ctx: FileContext, setup: KubectlSetup, from: string): Promise<EnvVar[] | string> {
  const [type, name] = from.split('/');
  const info = resolveResource(setup.resources, type);
  if (!info || !name || !['ConfigMap', 'Secret'].includes(info.kind)) return 'unsupported resource specified in --from';
  const object = (await getObject(setup.client, info, setup.namespace, name)) as { data?: Record<string, string> };
  const prefix = String(ctx.flags.get('prefix') ?? '');
  const ref = info.kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  return Object.keys(object.data ?? {})
    .sort()
    .map((key) => {
      const envName = (prefix + key).replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (envName !== prefix + key) ctx.stderr.write(`Warning: key ${key} transferred to ${envName}\n`);
      return { name: envName, valueFrom: { [ref]: { key, name } } };
    });
}

/** `kubectl set env` (set_env.go): KEY=VALUE, KEY-, --from and --list on the containers -c selects (all by default). */
export const setEnv = setSubcommand({
  name: 'env',
  flags: [
    ...SET_FLAGS,
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'env', short: 'e', type: 'stringArray' },
    { name: 'from', type: 'string' },
    { name: 'keys', type: 'stringSlice' },
    { name: 'list', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'prefix', type: 'string' },
    { name: 'resolve', type: 'bool' },
  ],
  done: 'env updated',
  patchFailure: 'failed to patch env update to pod template: ',
  async prepare(ctx, setup) {
    const split = resourcesAndPairs(ctx.args, 'environment');
    if (typeof split === 'string') return split;
    const pairs = [...split.pairs, ...((ctx.flags.get('env') as string[] | undefined) ?? [])];
    if (split.resources.length === 0)
      return 'one or more resources must be specified as <resource> <name> or <resource>/<name>';
    const list = ctx.flags.get('list') === true;
    if (list && ctx.flags.has('output')) return '--list and --output may not be specified together';
    const set: EnvVar[] = pairs
      .filter((p) => p.includes('='))
      .map((p) => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1) }));
    if (ctx.flags.has('from')) {
      const from = await envFrom(ctx, setup, String(ctx.flags.get('from')));
      if (typeof from === 'string') return from;
      set.push(...from);
    }
    const remove = pairs.filter((p) => !p.includes('=')).map((p) => p.slice(0, -1));
    const selector = String(ctx.flags.get('containers') ?? '*');
    const pattern = new RegExp(`^${selector.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return {
      resources: split.resources,
      mutate(object) {
        const spec = podSpecOf(object);
        if (!spec) return [];
        const containers = [
          ...((spec.initContainers as Container[]) ?? []),
          ...((spec.containers as Container[]) ?? []),
        ];
        const chosen = containers.filter((c) => pattern.test(c.name ?? ''));
        if (chosen.length === 0) {
          ctx.stderr.write(
            `Warning: ${object.kind}/${object.metadata.name} does not have any containers matching ${JSON.stringify(selector)}\n`,
          );
          return [];
        }
        for (const c of chosen) {
          if (list) {
            ctx.stdout.write(`# ${object.kind} ${object.metadata.name}, container ${c.name}\n`);
            for (const e of c.env ?? []) {
              if (e.valueFrom === undefined) ctx.stdout.write(`${e.name}=${e.value ?? ''}\n`);
            }
            continue;
          }
          let env = [...(c.env ?? [])];
          for (const v of set) {
            const at = env.findIndex((e) => e.name === v.name);
            if (at >= 0) env[at] = v;
            else env.push(v);
          }
          env = env.filter((e) => !remove.includes(e.name));
          if (env.length > 0) c.env = env;
          else delete c.env;
        }
        return [];
      },
    };
  },
});
