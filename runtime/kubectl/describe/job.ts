import { humanDuration } from '../../util/duration';
import { parseTime } from '../../util/time';
import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { rfc1123z, selectorString, type LabelSelectorSpec } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { controllerOf } from './pod';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer';
import type { KubeObject, PodTemplate } from './types';

/** batch/v1 JobSpec. */
export interface JobSpec {
  selector?: LabelSelectorSpec;
  parallelism?: number;
  completions?: number;
  completionMode?: string;
  suspend?: boolean;
  backoffLimit?: number;
  ttlSecondsAfterFinished?: number;
  activeDeadlineSeconds?: number;
  template?: PodTemplate;
}

/** batch/v1 Job. */
interface Job extends KubeObject {
  spec?: JobSpec;
  status?: {
    startTime?: string;
    completionTime?: string;
    active?: number;
    ready?: number;
    succeeded?: number;
    failed?: number;
    completedIndexes?: string;
  };
}

/** capIndexesListOrNone: the indexes cut after the first comma past 50 characters, `<none>` for none. */
function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  return comma === -1 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

const optional = (v: number | boolean | undefined): string => (v === undefined || v === null ? '' : String(v));

/** describeJobTemplate's fields before the pod template (also a CronJob's). */
export function describeJobTemplate(spec: JobSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, spec?.selector ? `Selector:\t${selectorString(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.activeDeadlineSeconds !== undefined)
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template, w);
}

/** JobDescriber: the Job, its pods' statuses, its template and its events. */
export async function describeJob(ctx: DescribeContext): Promise<string> {
  const job = await getDescribed<Job>(ctx);
  const events = await objectEvents(ctx, job);
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const controlledBy = controllerOf(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
    if (spec.completionMode !== undefined) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${optional(spec.suspend)}\n`);
    if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined)
      w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    const start = parseTime(status.startTime);
    const end = parseTime(status.completionTime);
    if (start !== undefined && end !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(end - start)}\n`);
    if (spec.activeDeadlineSeconds !== undefined)
      w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const counts = `${status.active ?? 0} Active${status.ready === undefined ? '' : ` (${status.ready} Ready)`}`;
    w.write(LEVEL_0, `Pods Statuses:\t${counts} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    if (spec.completionMode === 'Indexed')
      w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes)}\n`);
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
