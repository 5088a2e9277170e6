import { durationError } from './command-group';
import { errorsText } from './error-text';
import { ApiError } from './kubectl-client';
import type { FileContext } from './manifests';
import { fail, type KubectlSubcommand } from './subcommand';
import { kubectlSetup } from './setup';
import { parseGoDuration, untilWithSync } from './until-with-sync';
import { visitFlagged } from './visit-objects';

type Workload = {
  metadata?: { name?: string; generation?: number; annotations?: Record<string, string> };
  spec?: {
    replicas?: number;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  };
  status?: Record<string, number | string | undefined> & {
    conditions?: Array<{ type?: string; reason?: string }>;
  };
};

/** A rollout's state: the line to print and whether it is done (polymorphichelpers' StatusViewer). */
type StatusViewer = (object: Workload, revision: number) => { text: string; done: boolean };

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** DeploymentStatusViewer.Status. */
const deploymentStatus: StatusViewer = (d, revision) => {
  const name = JSON.stringify(d.metadata?.name ?? '');
  if (revision > 0) {
    const text = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
    const current = text === undefined ? 0 : Number(text);
    if (text !== undefined && !/^-?\d+$/.test(text))
      throw new Error(
        `cannot get the revision of deployment ${name}: strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`,
      );
    if (revision !== current)
      throw new Error(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const status = d.status ?? {};
  if (num(d.metadata?.generation) > num(status.observedGeneration))
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    throw new Error(`deployment ${name} exceeded its progress deadline`);
  const replicas = d.spec?.replicas;
  const updated = num(status.updatedReplicas);
  if (replicas !== undefined && updated < replicas)
    return {
      text: `Waiting for deployment ${name} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
      done: false,
    };
  if (num(status.replicas) > updated)
    return {
      text: `Waiting for deployment ${name} rollout to finish: ${num(status.replicas) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  if (num(status.availableReplicas) < updated)
    return {
      text: `Waiting for deployment ${name} rollout to finish: ${num(status.availableReplicas)} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  return { text: `deployment ${name} successfully rolled out\n`, done: true };
};

/** DaemonSetStatusViewer.Status (revisions are ignored: daemon sets have no history here). */
const daemonSetStatus: StatusViewer = (ds) => {
  const name = JSON.stringify(ds.metadata?.name ?? '');
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate')
    throw new Error('rollout status is only available for RollingUpdate strategy type');
  const status = ds.status ?? {};
  if (num(ds.metadata?.generation) > num(status.observedGeneration))
    return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = num(status.desiredNumberScheduled);
  if (num(status.updatedNumberScheduled) < desired)
    return {
      text: `Waiting for daemon set ${name} rollout to finish: ${num(status.updatedNumberScheduled)} out of ${desired} new pods have been updated...\n`,
      done: false,
    };
  if (num(status.numberAvailable) < desired)
    return {
      text: `Waiting for daemon set ${name} rollout to finish: ${num(status.numberAvailable)} of ${desired} updated pods are available...\n`,
      done: false,
    };
  return { text: `daemon set ${name} successfully rolled out\n`, done: true };
};

/** StatefulSetStatusViewer.Status. */
const statefulSetStatus: StatusViewer = (sts) => {
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate')
    throw new Error('rollout status is only available for RollingUpdate strategy type');
  const status = sts.status ?? {};
  if (num(status.observedGeneration) === 0 || num(sts.metadata?.generation) > num(status.observedGeneration))
    return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && num(status.readyReplicas) < replicas)
    return { text: `Waiting for ${replicas - num(status.readyReplicas)} pods to be ready...\n`, done: false };
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && num(status.updatedReplicas) < replicas - partition)
      return {
        text: `Waiting for partitioned roll out to finish: ${num(status.updatedReplicas)} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    return {
      text: `partitioned roll out complete: ${num(status.updatedReplicas)} new pods have been updated...\n`,
      done: true,
    };
  }
  if (status.updateRevision !== status.currentRevision)
    return {
      text: `waiting for statefulset rolling update to complete ${num(status.updatedReplicas)} pods at revision ${String(status.updateRevision ?? '')}...\n`,
      done: false,
    };
  return {
    text: `statefulset rolling update complete ${num(status.currentReplicas)} pods at revision ${String(status.currentRevision ?? '')}...\n`,
    done: true,
  };
};

const VIEWERS: Record<string, StatusViewer> = {
  'apps/Deployment': deploymentStatus,
  'apps/DaemonSet': daemonSetStatus,
  'apps/StatefulSet': statefulSetStatus,
};

/** `kubectl rollout status` (kubectl pkg/cmd/rollout/rollout_status.go): watches until the rollout is done. */
export const rolloutStatus: KubectlSubcommand = {
  name: 'status',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'revision', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'timeout', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
  ],
  async run(context) {
    const ctx = context as FileContext;
    const { flags, stdout, stderr } = ctx;
    const timeoutText = String(flags.get('timeout') ?? '0s');
    const timeoutMs = parseGoDuration(timeoutText);
    if (timeoutMs === undefined)
      return fail(stderr, `${durationError('timeout', timeoutText)}\nSee 'kubectl rollout status --help' for usage.`);
    const filenames = (flags.get('filename') as string[] | undefined) ?? [];
    if (ctx.args.length === 0 && filenames.length === 0) return fail(stderr, 'required resource not specified');
    const revision = Number(flags.get('revision') ?? 0);
    if (revision < 0) return fail(stderr, `revision must be a positive integer: ${revision}`);
    const watch = flags.get('watch') !== false;
    const setup = await kubectlSetup(ctx);
    const visited = await visitFlagged(ctx, setup, filenames);
    if (typeof visited === 'number') return visited;
    // Visit stops at the first error, in order: a failed GET comes before the objects after it.
    for (const { info, object } of visited.objects) {
      const viewer = VIEWERS[`${info.group}/${info.kind}`];
      if (!viewer) return fail(stderr, `no status viewer has been implemented for ${info.kind}`);
      let failure: Error | undefined;
      const result = await untilWithSync(
        {
          client: setup.client,
          info,
          namespace: object.metadata.namespace,
          name: object.metadata.name,
          clock: ctx.clock,
          signal: ctx.signal,
          timeoutMs,
        },
        (event) => {
          if (event.type === 'DELETED') {
            failure = new Error('object has been deleted');
            return true;
          }
          try {
            const status = viewer(event.object as Workload, revision);
            stdout.write(status.text);
            return status.done || !watch;
          } catch (error) {
            failure = error as Error;
            return true;
          }
        },
      ).catch((error: unknown) => {
        if (error instanceof ApiError) {
          stderr.write(errorsText([error]));
          return 'failed' as const;
        }
        throw error;
      });
      if (result === 'failed') return 1;
      if (failure) return fail(stderr, failure.message);
      if (result === 'timeout') return fail(stderr, 'timed out waiting for the condition');
      if (result === 'cancelled') return 130;
    }
    if (visited.errors.length > 0) {
      stderr.write(errorsText(visited.errors.slice(0, 1)));
      return 1;
    }
    if (visited.objects.length === 0) stderr.write(`No resources found in ${setup.namespace} namespace.\n`);
    return 0;
  },
};
