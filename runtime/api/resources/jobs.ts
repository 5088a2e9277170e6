import type { KubeObject } from '../object';
import { defaultWorkloadTemplate } from './workload-rules';
import { resourceType, type PrintContext, type ResourceType, STATUS_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { humanDuration } from '../../util/duration';
import { parseTime } from '../../util/time';
import { workloadWideCells } from './workload-table';

type Condition = { type?: string; status?: string };
type Spec = { completions?: number; parallelism?: number };
type Status = {
  succeeded?: number;
  startTime?: string;
  completionTime?: string;
  conditions?: Condition[];
};

/** True when the first condition of this type has status True. */
function hasCondition(status: Status, type: string): boolean {
  return (status.conditions ?? []).find((c) => c.type === type)?.status === 'True';
}

/** The STATUS cell: the first of Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet; else Running. */
function jobStatus(job: KubeObject, status: Status): string {
  if (hasCondition(status, 'Complete')) return 'Complete';
  if (hasCondition(status, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(status, 'Suspended')) return 'Suspended';
  if (hasCondition(status, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(status, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** COMPLETIONS: `succeeded/completions`; without completions `succeeded/1`, plus ` of P` when parallelism > 1. */
function completions(spec: Spec, status: Status): string {
  const succeeded = status.succeeded ?? 0;
  if (spec.completions !== undefined && spec.completions !== null) return `${succeeded}/${spec.completions}`;
  const parallelism = spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: empty before the job starts, the time since its start while it runs, its run time once done. */
function duration(status: Status, context: PrintContext): string {
  const start = parseTime(status.startTime);
  if (start === undefined) return '';
  const end = parseTime(status.completionTime) ?? context.now;
  return humanDuration(end - start);
}

/** batch/v1 Job. */
export const jobs: ResourceType = resourceType('Job', 'jobs', 'batch/v1', {
  namespaced: true,
  // pkg/registry/batch/job/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  categories: ['all'],
  hasStatus: true,
  subresources: [STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Status', 'string', 'Status of the job.'),
      column('Completions', 'string', 'The number of pods which reached phase Succeeded.'),
      column('Duration', 'string', 'Time required to complete the job.'),
      AGE_COLUMN,
      column('Containers', 'string', 'Names of each container in the template.', 1),
      column('Images', 'string', 'Images referenced by each container in the template.', 1),
      column('Selector', 'string', 'A label query over pods that should match the pod count.', 1),
    ],
    row(job, context) {
      const spec = (job.spec ?? {}) as Spec;
      const status = (job.status ?? {}) as Status;
      return [
        job.metadata?.name ?? '',
        jobStatus(job, status),
        completions(spec, status),
        duration(status, context),
        age(job, context),
        ...workloadWideCells(spec as object),
      ];
    },
  },
  selectableFields: (job) => ({
    'status.successful': String((job.status as Status | undefined)?.succeeded ?? 0),
  }),
  defaults(job, context) {
    if (context.operation === 'create') generateSelector(job);
    const spec = (job.spec ??= {}) as Record<string, unknown>;
    // SetDefaults_Job: a job without labels shows its pods' labels.
    const templateLabels = (spec.template as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata
      ?.labels;
    const meta = (job.metadata ??= {});
    if (templateLabels && Object.keys(meta.labels ?? {}).length === 0) meta.labels = { ...templateLabels };
    if (spec.completions === undefined && spec.parallelism === undefined) {
      spec.completions = 1;
      spec.parallelism = 1;
    }
    spec.parallelism ??= 1;
    spec.backoffLimit ??= 6;
    spec.completionMode ??= 'NonIndexed';
    spec.suspend ??= false;
    spec.podReplacementPolicy ??= 'TerminatingOrFailed';
    defaultWorkloadTemplate(job, 'spec.template');
  },
});

/**
 * PrepareForCreate's generateSelectorIfNeeded: unless the selector is manual, the pods are
 * labelled with the job's name and UID (the legacy and the batch.kubernetes.io keys) and the
 * selector picks the UID.
 */
function generateSelector(job: KubeObject): void {
  const spec = (job.spec ??= {}) as {
    manualSelector?: boolean;
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> } };
  };
  if (spec.manualSelector === true) return;
  const meta = job.metadata ?? {};
  const template = (spec.template ??= {});
  const labels = ((template.metadata ??= {}).labels ??= {});
  for (const key of ['job-name', 'batch.kubernetes.io/job-name']) labels[key] ??= meta.name ?? '';
  for (const key of ['controller-uid', 'batch.kubernetes.io/controller-uid']) labels[key] ??= meta.uid ?? '';
  const matchLabels = ((spec.selector ??= {}).matchLabels ??= {});
  matchLabels['batch.kubernetes.io/controller-uid'] ??= meta.uid ?? '';
}
