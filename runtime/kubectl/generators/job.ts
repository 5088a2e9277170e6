import {
  checkRequired,
  GeneratorError,
  nameFromArgs,
  namespaceOf,
  str,
  type Generator,
  type GeneratorInput,
} from './generator';
import { goOrder } from './go-order';

/** The Job `create job --from=cronjob/NAME` makes from the fetched CronJob. */
function jobFromCronJob(input: GeneratorInput, name: string, cronJob: Record<string, unknown>): unknown {
  const meta = (cronJob.metadata ?? {}) as { name?: string; uid?: string };
  const spec = (cronJob.spec ?? {}) as {
    jobTemplate?: { metadata?: { labels?: object; annotations?: object }; spec?: unknown };
  };
  const template = spec.jobTemplate ?? {};
  const annotations = goOrder('map[string]string', {
    'cronjob.kubernetes.io/instantiate': 'manual',
    ...template.metadata?.annotations,
  });
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: {
      name,
      ...namespaceOf(input),
      ...(template.metadata?.labels ? { labels: goOrder('map[string]string', template.metadata.labels) } : {}),
      annotations,
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: meta.name ?? '', uid: meta.uid ?? '', controller: true },
      ],
    },
    spec: goOrder('v1.JobSpec', template.spec ?? {}),
    status: {},
  };
}

/** `kubectl create job NAME --image=… [-- command…]` or `--from=cronjob/NAME` (input.fromObject). */
export const jobGenerator: Generator = {
  name: 'job',
  aliases: [],
  commandPath: 'kubectl create job',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'from', type: 'string' },
  ],
  required: [],
  build(input) {
    const name = nameFromArgs(input, this.commandPath);
    const command = input.args.length > 1 ? input.args.slice(1) : undefined;
    const image = str(input, 'image');
    const from = str(input, 'from');
    if (!image === !from) throw new GeneratorError('either --image or --from must be specified');
    if (command && from) throw new GeneratorError('cannot specify --from and command');
    if (from) {
      const object = input.fromObject;
      if (!object) throw new GeneratorError('from must be an existing cronjob');
      if (object.kind !== 'CronJob') throw new GeneratorError(`unknown object type *v1.${String(object.kind)}`);
      return jobFromCronJob(input, name, object);
    }
    return {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name, ...namespaceOf(input) },
      spec: {
        template: {
          metadata: {},
          spec: {
            containers: [{ name, image, ...(command ? { command } : {}), resources: {} }],
            restartPolicy: 'Never',
          },
        },
      },
      status: {},
    };
  },
};

/** `kubectl create cronjob NAME --image=… --schedule=… [--restart] [-- command…]`. */
export const cronJobGenerator: Generator = {
  name: 'cronjob',
  aliases: ['cj'],
  commandPath: 'kubectl create cronjob',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'schedule', type: 'string' },
    { name: 'restart', type: 'string' },
  ],
  required: ['image', 'schedule'],
  build(input) {
    checkRequired(input, this.required);
    const name = nameFromArgs(input, this.commandPath);
    const command = input.args.length > 1 ? input.args.slice(1) : undefined;
    const container = { name, image: str(input, 'image'), ...(command ? { command } : {}), resources: {} };
    return {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name, ...namespaceOf(input) },
      spec: {
        schedule: str(input, 'schedule'),
        jobTemplate: {
          metadata: { name },
          spec: {
            template: {
              metadata: {},
              spec: { containers: [container], restartPolicy: str(input, 'restart') || 'OnFailure' },
            },
          },
        },
      },
      status: {},
    };
  },
};
