import type { ApiHandler } from '../api/types';
import type { Clock } from '../clock';
import { RestClient } from '../client/rest-client';
import { componentUserAgent, controllerUserAgent, serviceAccountUser } from '../client/user-agent';
import type { Rng } from '../rng';
import { EventRecorder } from './events';
import { InformerFactory } from './informer';
import { DEFAULT_DEPLOYMENT_WORKERS, DeploymentController, type DeploymentControllerDeps } from './deployment';
import {
  DEFAULT_GC_WORKERS,
  GARBAGE_COLLECTOR_EVENT_SOURCE,
  GARBAGE_COLLECTOR_SERVICE_ACCOUNT,
  GarbageCollector,
} from './garbage-collector';
import { CRONJOB_CONTROLLER_NAME, CronJobController, DEFAULT_CRONJOB_WORKERS } from './cronjob';
import { DAEMONSET_CONTROLLER_SERVICE_ACCOUNT, DaemonSetController, DEFAULT_DAEMONSET_WORKERS } from './daemonset';
import {
  DEFAULT_STATEFULSET_WORKERS,
  STATEFULSET_CONTROLLER_SERVICE_ACCOUNT,
  StatefulSetController,
} from './statefulset';
import { DEFAULT_ENDPOINT_WORKERS, ENDPOINT_CONTROLLER_NAME, EndpointsController } from './endpoints';
import {
  DEFAULT_ENDPOINTSLICE_WORKERS,
  ENDPOINTSLICE_CONTROLLER_NAME,
  ENDPOINTSLICE_EVENT_SOURCE,
  EndpointSliceController,
} from './endpointslice';
import {
  DEFAULT_NODE_LIFECYCLE_WORKERS,
  NODE_LIFECYCLE_SERVICE_ACCOUNT,
  NodeLifecycleController,
} from './node-lifecycle';
import {
  DEFAULT_PERSISTENT_VOLUME_WORKERS,
  PERSISTENT_VOLUME_EVENT_SOURCE,
  PERSISTENT_VOLUME_SERVICE_ACCOUNT,
  PersistentVolumeController,
} from './persistentvolume';
import { DEFAULT_PV_PROTECTION_WORKERS, PV_PROTECTION_SERVICE_ACCOUNT, PvProtectionController } from './pv-protection';
import {
  DEFAULT_PVC_PROTECTION_WORKERS,
  PVC_PROTECTION_SERVICE_ACCOUNT,
  PvcProtectionController,
} from './pvc-protection';
import {
  DEFAULT_TAINT_EVICTION_WORKERS,
  TAINT_EVICTION_EVENT_SOURCE,
  TAINT_EVICTION_SERVICE_ACCOUNT,
  TaintEvictionController,
} from './taint-eviction';
import {
  DEFAULT_HPA_WORKERS,
  HPA_SERVICE_ACCOUNT,
  HorizontalPodAutoscalerController,
} from './horizontal-pod-autoscaler';
import { DEFAULT_JOB_WORKERS, JOB_CONTROLLER_NAME, JobController } from './job';
import {
  DEFAULT_TTL_AFTER_FINISHED_WORKERS,
  TTL_AFTER_FINISHED_CONTROLLER_NAME,
  TtlAfterFinishedController,
} from './ttl-after-finished';
import { DEFAULT_NAMESPACE_WORKERS, NAMESPACE_CONTROLLER_SERVICE_ACCOUNT, NamespaceController } from './namespace';
import { DEFAULT_WORKERS, ReplicaSetController, type ReplicaSetControllerDeps } from './replicaset';
import {
  DEFAULT_RESOURCE_QUOTA_WORKERS,
  RESOURCE_QUOTA_CONTROLLER_ACCOUNT,
  ResourceQuotaController,
} from './resourcequota';
import { DEFAULT_ROOT_CA_PUBLISHER_WORKERS, ROOT_CA_PUBLISHER_ACCOUNT, RootCAPublisher } from './root-ca-publisher';
import {
  DEFAULT_SERVICE_ACCOUNT_WORKERS,
  SERVICE_ACCOUNT_CONTROLLER_ACCOUNT,
  ServiceAccountsController,
} from './serviceaccounts';

/** The controllers kubeplay can run, by kube-controller-manager's names for them. */
export type ControllerName =
  | 'replicaset'
  | 'deployment'
  | 'garbage-collector'
  | 'namespace'
  | 'serviceaccount'
  | 'root-ca-cert-publisher'
  | 'resourcequota'
  | 'job'
  | 'cronjob'
  | 'ttl-after-finished'
  | 'daemonset'
  | 'statefulset'
  | 'endpoints'
  | 'endpointslice'
  | 'node-lifecycle'
  | 'taint-eviction'
  | 'persistentvolume-binder'
  | 'pvc-protection'
  | 'pv-protection'
  | 'horizontal-pod-autoscaler';

/** Every controller, in the order they start. */
export const ALL_CONTROLLERS: readonly ControllerName[] = [
  'replicaset',
  'deployment',
  'garbage-collector',
  'namespace',
  'serviceaccount',
  'root-ca-cert-publisher',
  'resourcequota',
  'job',
  'cronjob',
  'ttl-after-finished',
  'daemonset',
  'statefulset',
  'endpoints',
  'endpointslice',
  'node-lifecycle',
  'taint-eviction',
  'persistentvolume-binder',
  'pvc-protection',
  'pv-protection',
  'horizontal-pod-autoscaler',
];

/** How the controllers run. */
export interface ManagerOptions {
  /**
   * Send every request as the controller's own service account (the shared informers as
   * `system:kube-controller-manager`), so RBAC checks each call as in a real cluster. Off by
   * default: kubeplay's components are trusted, and the check costs time on every request.
   */
  impersonate?: boolean;
  /**
   * How often informers re-deliver their caches. kube-controller-manager picks 12 to 24 hours
   * (--min-resync-period · (1 + rand)); 0 turns resyncs off.
   */
  resyncPeriodMs?: number;
  /** Workers per controller (kube-controller-manager's --concurrent-*-syncs), overriding each default. */
  workers?: number;
  /** Told of every failed sync. */
  onError?: (controller: ControllerName, key: string, error: unknown) => void;
}

/** What every controller is built from. */
type ControllerDeps = ReplicaSetControllerDeps & DeploymentControllerDeps;

/** A running reconcile loop, as every controller exposes it. */
interface Controller {
  run(workers: number): Promise<void>;
  stop(): void;
}

/** Each controller: its service account, its event source when that differs, how to build it, its workers. */
const CONTROLLERS: Record<
  ControllerName,
  { serviceAccount: string; eventSource?: string; create(deps: ControllerDeps): Controller; workers: number }
> = {
  replicaset: {
    serviceAccount: 'replicaset-controller',
    create: (deps) => new ReplicaSetController(deps),
    workers: DEFAULT_WORKERS,
  },
  deployment: {
    serviceAccount: 'deployment-controller',
    create: (deps) => new DeploymentController(deps),
    workers: DEFAULT_DEPLOYMENT_WORKERS,
  },
  'garbage-collector': {
    serviceAccount: GARBAGE_COLLECTOR_SERVICE_ACCOUNT,
    eventSource: GARBAGE_COLLECTOR_EVENT_SOURCE,
    create: (deps) => new GarbageCollector(deps),
    workers: DEFAULT_GC_WORKERS,
  },
  namespace: {
    serviceAccount: NAMESPACE_CONTROLLER_SERVICE_ACCOUNT,
    create: (deps) => new NamespaceController(deps),
    workers: DEFAULT_NAMESPACE_WORKERS,
  },
  serviceaccount: {
    serviceAccount: SERVICE_ACCOUNT_CONTROLLER_ACCOUNT,
    create: (deps) => new ServiceAccountsController(deps),
    workers: DEFAULT_SERVICE_ACCOUNT_WORKERS,
  },
  'root-ca-cert-publisher': {
    serviceAccount: ROOT_CA_PUBLISHER_ACCOUNT,
    create: (deps) => new RootCAPublisher(deps),
    workers: DEFAULT_ROOT_CA_PUBLISHER_WORKERS,
  },
  resourcequota: {
    serviceAccount: RESOURCE_QUOTA_CONTROLLER_ACCOUNT,
    create: (deps) => new ResourceQuotaController(deps),
    workers: DEFAULT_RESOURCE_QUOTA_WORKERS,
  },
  job: { serviceAccount: JOB_CONTROLLER_NAME, create: (deps) => new JobController(deps), workers: DEFAULT_JOB_WORKERS },
  cronjob: {
    serviceAccount: CRONJOB_CONTROLLER_NAME,
    create: (deps) => new CronJobController(deps),
    workers: DEFAULT_CRONJOB_WORKERS,
  },
  'ttl-after-finished': {
    serviceAccount: TTL_AFTER_FINISHED_CONTROLLER_NAME,
    create: (deps) => new TtlAfterFinishedController(deps),
    workers: DEFAULT_TTL_AFTER_FINISHED_WORKERS,
  },
  daemonset: {
    serviceAccount: DAEMONSET_CONTROLLER_SERVICE_ACCOUNT,
    create: (deps) => new DaemonSetController(deps),
    workers: DEFAULT_DAEMONSET_WORKERS,
  },
  statefulset: {
    serviceAccount: STATEFULSET_CONTROLLER_SERVICE_ACCOUNT,
    create: (deps) => new StatefulSetController(deps),
    workers: DEFAULT_STATEFULSET_WORKERS,
  },
  endpoints: {
    serviceAccount: ENDPOINT_CONTROLLER_NAME,
    create: (deps) => new EndpointsController(deps),
    workers: DEFAULT_ENDPOINT_WORKERS,
  },
  endpointslice: {
    serviceAccount: ENDPOINTSLICE_CONTROLLER_NAME,
    eventSource: ENDPOINTSLICE_EVENT_SOURCE,
    create: (deps) => new EndpointSliceController(deps),
    workers: DEFAULT_ENDPOINTSLICE_WORKERS,
  },
  'node-lifecycle': {
    serviceAccount: NODE_LIFECYCLE_SERVICE_ACCOUNT,
    create: (deps) => new NodeLifecycleController(deps),
    workers: DEFAULT_NODE_LIFECYCLE_WORKERS,
  },
  'taint-eviction': {
    serviceAccount: TAINT_EVICTION_SERVICE_ACCOUNT,
    eventSource: TAINT_EVICTION_EVENT_SOURCE,
    create: (deps) => new TaintEvictionController(deps),
    workers: DEFAULT_TAINT_EVICTION_WORKERS,
  },
  'persistentvolume-binder': {
    serviceAccount: PERSISTENT_VOLUME_SERVICE_ACCOUNT,
    eventSource: PERSISTENT_VOLUME_EVENT_SOURCE,
    create: (deps) => new PersistentVolumeController(deps),
    workers: DEFAULT_PERSISTENT_VOLUME_WORKERS,
  },
  'pvc-protection': {
    serviceAccount: PVC_PROTECTION_SERVICE_ACCOUNT,
    create: (deps) => new PvcProtectionController(deps),
    workers: DEFAULT_PVC_PROTECTION_WORKERS,
  },
  'pv-protection': {
    serviceAccount: PV_PROTECTION_SERVICE_ACCOUNT,
    create: (deps) => new PvProtectionController(deps),
    workers: DEFAULT_PV_PROTECTION_WORKERS,
  },
  'horizontal-pod-autoscaler': {
    serviceAccount: HPA_SERVICE_ACCOUNT,
    create: (deps) => new HorizontalPodAutoscalerController(deps),
    workers: DEFAULT_HPA_WORKERS,
  },
};

interface Running {
  stop(): void;
  done: Promise<void>;
  recorder: EventRecorder;
}

/**
 * kube-controller-manager in miniature: one set of shared informers (a client with the agent
 * `…/shared-informers`), and per controller a client with its own service account's agent and an
 * event recorder reporting as that controller.
 */
export class ControllerManager {
  readonly informers: InformerFactory;
  private readonly running = new Map<ControllerName, Running>();
  private readonly controllers = new Map<ControllerName, Controller>();

  constructor(
    private readonly api: ApiHandler,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly options: ManagerOptions = {},
  ) {
    const resyncPeriodMs = options.resyncPeriodMs ?? 12 * 3600_000 * (1 + rng.next());
    this.informers = new InformerFactory(
      new RestClient(api, {
        userAgent: componentUserAgent('kube-controller-manager', 'shared-informers'),
        impersonate: options.impersonate ? { user: 'system:kube-controller-manager' } : undefined,
      }),
      clock,
      rng,
      { resyncPeriodMs },
    );
  }

  /** A client as the controller's service account `kube-system/<serviceAccount>`. */
  private clientFor(serviceAccount: string): RestClient {
    return new RestClient(this.api, {
      userAgent: controllerUserAgent(serviceAccount),
      fieldValidation: 'Ignore',
      impersonate: this.options.impersonate ? { user: serviceAccountUser('kube-system', serviceAccount) } : undefined,
    });
  }

  /** Starts the named controllers (each once) and the informers they use. */
  start(names: readonly ControllerName[] = ALL_CONTROLLERS): void {
    for (const name of names) {
      if (this.running.has(name)) continue;
      const { serviceAccount, eventSource, create, workers } = CONTROLLERS[name];
      const client = this.clientFor(serviceAccount);
      const recorder = new EventRecorder(client, this.clock, this.rng, { component: eventSource ?? serviceAccount });
      const controller = create({
        client,
        informers: this.informers,
        clock: this.clock,
        recorder,
        onError: (key, error) => this.options.onError?.(name, key, error),
      });
      this.controllers.set(name, controller);
      const done = controller.run(this.options.workers ?? workers);
      this.running.set(name, { stop: () => controller.stop(), done, recorder });
    }
    this.informers.start();
  }

  /** The running ReplicaSet controller, if started. */
  replicaSetController(): ReplicaSetController | undefined {
    return this.controllers.get('replicaset') as ReplicaSetController | undefined;
  }

  /** The running Deployment controller, if started. */
  deploymentController(): DeploymentController | undefined {
    return this.controllers.get('deployment') as DeploymentController | undefined;
  }

  /** Resolves once every controller's queued events are written. */
  async flushEvents(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.recorder.flush()));
  }

  /** Stops every controller and informer; resolves when their workers have exited. */
  async stop(): Promise<void> {
    for (const running of this.running.values()) running.stop();
    this.informers.shutdown();
    for (const running of this.running.values()) running.recorder.shutdown();
    await Promise.all([...this.running.values()].map((r) => r.done));
    this.running.clear();
  }
}

/**
 * Runs the named controllers against `api` on `clock` (all of them by default) and returns the
 * function that stops them. Not part of createCluster yet: the scheduler and kubelets come first.
 */
export function startControllers(
  api: ApiHandler,
  clock: Clock,
  rng: Rng,
  names: readonly ControllerName[] = ALL_CONTROLLERS,
  options: ManagerOptions = {},
): () => Promise<void> {
  const manager = new ControllerManager(api, clock, rng, options);
  manager.start(names);
  return () => manager.stop();
}
