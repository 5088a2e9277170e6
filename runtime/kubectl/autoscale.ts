import { createObject } from './create';
import { fetchNamedObjects, renamingCreated } from './named-objects';
import { withFieldManager } from './run';
import { kubectlSetup } from './setup';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

/** The resources with a scale subresource (what the scale kind resolver finds in discovery). */
const SCALABLE = ['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets'];

type Metric = Record<string, unknown>;

/** autoscale.go parseResourceInput: `70%` (utilization), `500m`/`500` (an average value). */
function parseTarget(input: string, resource: 'cpu' | 'memory'): Record<string, unknown> {
  const text = input.trim();
  if (!text) throw new Error('empty input');
  if (text.endsWith('%')) {
    const value = Number(text.slice(0, -1));
    if (!/^[+-]?\d+$/.test(text.slice(0, -1)) || value < 0 || value > 2 ** 31 - 1)
      throw new Error(`invalid percentage value: ${text.slice(0, -1)}`);
    return { type: 'Utilization', averageUtilization: value };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
    return { type: 'AverageValue', averageValue: `${Number(text)}${resource === 'cpu' ? 'm' : 'Mi'}` };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+)?$/.test(text))
    throw new Error(`invalid resource ${resource} value: ${text}`);
  return { type: 'AverageValue', averageValue: text };
}

const resourceMetric = (name: string, target: Record<string, unknown>): Metric => ({
  type: 'Resource',
  resource: { name, target },
});

/** The flag's int32 value, -1 when unset (autoscale's defaults). */
const int32 = (ctx: KubectlContext, name: string): number => (ctx.flags.has(name) ? Number(ctx.flags.get(name)) : -1);

/**
 * `kubectl autoscale TYPE NAME --max=N` (kubectl pkg/cmd/autoscale): creates an autoscaling/v2
 * HorizontalPodAutoscaler for the deployment, replica set, replication controller or stateful set
 * (`horizontalpodautoscaler.autoscaling/web autoscaled`).
 */
export const autoscale: KubectlSubcommand = {
  name: 'autoscale',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'cpu', type: 'string' },
    { name: 'cpu-percent', type: 'int' },
    { name: 'dry-run', type: 'string' },
    { name: 'field-manager', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'max', type: 'int' },
    { name: 'memory', type: 'string' },
    { name: 'min', type: 'int' },
    { name: 'name', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  async run(rawCtx) {
    if (rawCtx.flags.has('cpu-percent'))
      rawCtx.stderr.write(
        "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n",
      );
    if (!rawCtx.flags.has('max')) return fail(rawCtx.stderr, 'required flag(s) "max" not set');
    const ctx = renamingCreated(withFieldManager(rawCtx, 'kubectl-autoscale'), 'autoscaled');
    const min = int32(ctx, 'min');
    const max = int32(ctx, 'max');
    const cpuPercent = int32(ctx, 'cpu-percent');
    const cpu = String(ctx.flags.get('cpu') ?? '');
    const memory = String(ctx.flags.get('memory') ?? '');
    if (max < 1) return fail(ctx.stderr, `--max=MAXPODS is required and must be at least 1, max: ${max}`);
    if (max < min)
      return fail(ctx.stderr, `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
    if (cpuPercent > 0 && cpu) return fail(ctx.stderr, '--cpu-percent and --cpu are mutually exclusive');
    const metrics: Metric[] = [];
    try {
      if (cpuPercent > 0) metrics.push(resourceMetric('cpu', { type: 'Utilization', averageUtilization: cpuPercent }));
      if (cpu) metrics.push(resourceMetric('cpu', parseTarget(cpu, 'cpu')));
      if (memory) metrics.push(resourceMetric('memory', parseTarget(memory, 'memory')));
    } catch (error) {
      return fail(ctx.stderr, (error as Error).message);
    }
    const setup = await kubectlSetup(ctx);
    const objects = await fetchNamedObjects(ctx, setup);
    if (typeof objects === 'number') return objects;
    for (const { info, object } of objects) {
      if (!SCALABLE.includes(info.resource) || (info.group !== 'apps' && info.group !== ''))
        return fail(
          ctx.stderr,
          `cannot autoscale a ${info.kind}: could not find scale subresource for ${info.group}/${info.version}, Resource=${info.resource} in discovery information`,
        );
      const refName = object.metadata.name;
      const hpa = {
        kind: 'HorizontalPodAutoscaler',
        apiVersion: 'autoscaling/v2',
        metadata: { name: String(ctx.flags.get('name') ?? '') || refName },
        spec: {
          scaleTargetRef: {
            kind: info.kind,
            name: refName,
            apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
          },
          ...(min > 0 ? { minReplicas: min } : {}),
          maxReplicas: max,
          ...(metrics.length ? { metrics } : {}),
        },
        status: { currentMetrics: null, desiredReplicas: 0 },
      };
      // A failed v2 create falls back to autoscaling/v1 only when --cpu is a utilization; the
      // real kubectl checks that by parsing --cpu, so without it the fallback fails on "empty input".
      let failure = '';
      const captured = { ...ctx, stderr: { write: (text: string) => void (failure += text) } };
      if ((await createObject(captured, setup.resources, setup.client, hpa, setup.namespace)) === 0) continue;
      let v1: boolean | Error;
      try {
        v1 = (cpuPercent >= 0 && !memory) || (!memory && parseTarget(cpu, 'cpu').type === 'Utilization');
      } catch (error) {
        v1 = error as Error;
      }
      if (v1 !== true) {
        const why = v1 === false ? '%!w(<nil>)' : v1.message;
        return fail(
          ctx.stderr,
          `failed to create autoscaling/v2 HPA and the configuration is incompatible with autoscaling/v1: ${why}`,
        );
      }
      ctx.stderr.write(failure);
      return 1;
    }
    return 0;
  },
};
