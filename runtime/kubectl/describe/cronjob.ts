import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { rfc1123z } from './go-format';
import { describeJobTemplate, type JobSpec } from './job';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** batch/v1 CronJob. */
interface CronJob extends KubeObject {
  spec?: {
    schedule?: string;
    concurrencyPolicy?: string;
    suspend?: boolean;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    startingDeadlineSeconds?: number;
    jobTemplate?: { spec?: JobSpec };
  };
  status?: { lastScheduleTime?: string; active?: Array<{ name?: string }> };
}

/** CronJobDescriber: the CronJob, its job template, its active jobs and its events. */
export async function describeCronJob(ctx: DescribeContext): Promise<string> {
  const cj = await getDescribed<CronJob>(ctx);
  const events = await objectEvents(ctx, cj);
  const spec = cj.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(
      LEVEL_0,
      `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}\n`,
    );
    describeJobTemplate(spec.jobTemplate?.spec, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      w.write(LEVEL_0, active.map((j) => j.name ?? '').join(', '));
      w.writeLine('');
    }
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
