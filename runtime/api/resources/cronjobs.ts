import { resourceType, type ResourceType, STATUS_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { defaultWorkloadTemplate } from './workload-rules';
import { AGE_COLUMN, age, column, NAME_COLUMN, translateTimestampSince } from '../table';
import { boolPointerText } from './printer-cells';
import { workloadWideCells } from './workload-table';

type Spec = {
  schedule?: string;
  timeZone?: string | null;
  suspend?: boolean | null;
  jobTemplate?: { spec?: object };
};
type Status = { active?: unknown[]; lastScheduleTime?: string | null };

/** batch/v1 CronJob. */
export const cronjobs: ResourceType = resourceType('CronJob', 'cronjobs', 'batch/v1', {
  namespaced: true,
  // pkg/registry/batch/cronjob/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  shortNames: ['cj'],
  categories: ['all'],
  hasStatus: true,
  subresources: [STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Schedule', 'string', 'The schedule in Cron format.'),
      column('Timezone', 'string', 'The time zone name for the given schedule.'),
      column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions.'),
      column('Active', 'integer', 'A list of pointers to currently running jobs.'),
      column('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
      AGE_COLUMN,
      column('Containers', 'string', 'Names of each container in the template.', 1),
      column('Images', 'string', 'Images referenced by each container in the template.', 1),
      column('Selector', 'string', 'A label query over pods that should match the pod count.', 1),
    ],
    row(cj, context) {
      const spec = (cj.spec ?? {}) as Spec;
      const status = (cj.status ?? {}) as Status;
      return [
        cj.metadata?.name ?? '',
        spec.schedule ?? '',
        spec.timeZone ?? '<none>',
        boolPointerText(spec.suspend),
        (status.active ?? []).length,
        status.lastScheduleTime ? translateTimestampSince(status.lastScheduleTime, context) : '<none>',
        age(cj, context),
        ...workloadWideCells(spec.jobTemplate?.spec ?? {}),
      ];
    },
  },
  defaults(cronjob) {
    const spec = (cronjob.spec ??= {}) as Record<string, unknown>;
    spec.concurrencyPolicy ??= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    defaultWorkloadTemplate(cronjob, 'spec.jobTemplate.spec.template');
  },
});
