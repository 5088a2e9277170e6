import type { ApiHandler } from '../api/types';
import type { Clock } from '../clock';
import { RestClient } from '../client/rest-client';
import { componentUserAgent, controllerUserAgent, serviceAccountUser } from '../client/user-agent';
import type { Rng } from '../rng';
import { EventRecorder } from './events';
import { InformerFactory } from './informer';
import { DEFAULT_DEPLOYMENT_WORKERS, DeploymentController, type DeploymentControllerDeps } from './deployment';
import { DEFAULT_WORKERS, ReplicaSetController, type ReplicaSetControllerDeps } from './replicaset';

/** The controllers kubeplay can run, by kube-controller-manager's names for them. */
export type ControllerName = 'replicaset' | 'deployment';

/** Every controller, in the order they start. */
export const ALL_CONTROLLERS: readonly ControllerName[] = ['replicaset', 'deployment'];

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
  /** Workers per controller (kube-controller-manager's --concurrent-*-syncs; 5 for both). */
  workers?: number;
  /** Told of every failed sync. */
  onError?: (controller: ControllerName, key: string, error: unknown) => void;
}

/** What every controller is built from. */
type ControllerDeps = ReplicaSetControllerDeps & DeploymentControllerDeps;

/** Each controller: its service account (also its event source), how to build it, its workers. */
const CONTROLLERS: Record<
  ControllerName,
  {
    serviceAccount: string;
    create(deps: ControllerDeps): ReplicaSetController | DeploymentController;
    workers: number;
  }
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
  private readonly controllers = new Map<ControllerName, ReplicaSetController | DeploymentController>();

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
      const { serviceAccount, create, workers } = CONTROLLERS[name];
      const client = this.clientFor(serviceAccount);
      const recorder = new EventRecorder(client, this.clock, this.rng, { component: serviceAccount });
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
