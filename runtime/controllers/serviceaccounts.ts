import type { KubeObject } from '../api/object';
import { StatusError } from '../api/status';
import type { Clock } from '../clock';
import { hasStatusCause, type RestClient } from '../client/rest-client';
import { NAMESPACES, SERVICEACCOUNTS } from '../client/resources';
import { AggregateError } from './controller-ref';
import type { EventRecorder } from './events';
import { tombstoneObject, type Informer, type InformerFactory } from './informer';
import { processQueue, WorkQueue } from './workqueue';

/** The service account kube-controller-manager runs this controller as. */
export const SERVICE_ACCOUNT_CONTROLLER_ACCOUNT = 'service-account-controller';
/** Workers kube-controller-manager starts (startServiceAccountController runs one). */
export const DEFAULT_SERVICE_ACCOUNT_WORKERS = 1;
/** The service accounts every namespace gets (DefaultServiceAccountsControllerOptions). */
export const SERVICE_ACCOUNTS_TO_ENSURE: readonly string[] = ['default'];

/** core/v1 Namespace, the fields the namespace-scoped controllers read. */
export interface Namespace extends KubeObject {
  status?: { phase?: string };
}

/** What the controller needs (the recorder is unused: the real one records no events). */
export interface ServiceAccountsControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The ServiceAccounts controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
 * every Active namespace gets a ServiceAccount `default`. A namespace added or updated is
 * synced, and so is the namespace of a deleted service account, which brings `default` back.
 * The queue's keys are namespace names.
 */
export class ServiceAccountsController {
  readonly queue: WorkQueue<string>;
  private readonly namespaceInformer: Informer<Namespace>;
  private readonly serviceAccountInformer: Informer;
  private stopped = false;

  constructor(private readonly deps: ServiceAccountsControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.namespaceInformer = deps.informers.informerFor<Namespace>(NAMESPACES);
    this.serviceAccountInformer = deps.informers.informerFor(SERVICEACCOUNTS);
    this.serviceAccountInformer.addEventHandler({
      delete: (sa) => this.queue.add(tombstoneObject(sa).metadata?.namespace ?? ''),
    });
    this.namespaceInformer.addEventHandler({
      add: (ns) => this.queue.add(ns.metadata?.name ?? ''),
      update: (_old, ns) => this.queue.add(ns.metadata?.name ?? ''),
    });
  }

  /** Waits for both caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_SERVICE_ACCOUNT_WORKERS): Promise<void> {
    await Promise.all([this.namespaceInformer.waitForSync(), this.serviceAccountInformer.waitForSync()]);
    if (this.stopped) return;
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  /** syncNamespace: creates each missing service account in an Active namespace; throws to be retried. */
  async sync(namespace: string): Promise<void> {
    const ns = this.namespaceInformer.get(undefined, namespace);
    if (!ns || ns.status?.phase !== 'Active') return;
    const failures: Error[] = [];
    for (const name of SERVICE_ACCOUNTS_TO_ENSURE) {
      if (this.serviceAccountInformer.get(namespace, name)) continue;
      try {
        await this.deps.client.resource(SERVICEACCOUNTS, namespace).create({ metadata: { name, namespace } });
      } catch (error) {
        const exists = error instanceof StatusError && error.status.code === 409;
        // Nothing can be created in a terminating namespace: not worth a retry.
        if (!exists && !hasStatusCause(error, 'NamespaceTerminating')) failures.push(error as Error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures);
  }
}
