import type { KubeObject } from '../api/object';
import { StatusError } from '../api/status';
import type { Clock } from '../clock';
import { hasStatusCause, type RestClient } from '../client/rest-client';
import { CONFIGMAPS, NAMESPACES } from '../client/resources';
import type { EventRecorder } from './events';
import { tombstoneObject, type DeletedFinalStateUnknown, type Informer, type InformerFactory } from './informer';
import { MINIKUBE_CA_CERT } from './minikube-ca';
import type { Namespace } from './serviceaccounts';
import { processQueue, WorkQueue } from './workqueue';

/** The service account kube-controller-manager runs this controller as. */
export const ROOT_CA_PUBLISHER_ACCOUNT = 'root-ca-cert-publisher';
/** Workers kube-controller-manager starts (startRootCACertPublisher runs one). */
export const DEFAULT_ROOT_CA_PUBLISHER_WORKERS = 1;
/** The ConfigMap every namespace gets (RootCACertConfigMapName). */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
/** The annotation that says what the ConfigMap is for (DescriptionAnnotation). */
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
/** Its text (Description). */
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints ' +
  'such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** core/v1 ConfigMap, the fields the publisher reads and writes. */
export interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

/** What the publisher needs (the recorder is unused: the real one records no events). */
export interface RootCAPublisherDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** The PEM bundle to publish (default: minikube's CA). */
  rootCA?: string;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher): every
 * namespace gets the ConfigMap `kube-root-ca.crt` holding the cluster's CA as `ca.crt`, with
 * the description annotation. A namespace added (or updated while Active) is synced; so is the
 * namespace of that ConfigMap when it is updated or deleted, which restores its data or
 * recreates it. The queue's keys are namespace names.
 */
export class RootCAPublisher {
  readonly queue: WorkQueue<string>;
  private readonly configMapInformer: Informer<ConfigMap>;
  private readonly namespaceInformer: Informer<Namespace>;
  private readonly rootCA: string;
  private stopped = false;

  constructor(private readonly deps: RootCAPublisherDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.rootCA = deps.rootCA ?? MINIKUBE_CA_CERT;
    this.configMapInformer = deps.informers.informerFor<ConfigMap>(CONFIGMAPS);
    this.namespaceInformer = deps.informers.informerFor<Namespace>(NAMESPACES);
    this.configMapInformer.addEventHandler({
      update: (_old, cm) => this.configMapChanged(cm),
      delete: (cm) => this.configMapChanged(cm),
    });
    this.namespaceInformer.addEventHandler({
      add: (ns) => this.queue.add(ns.metadata?.name ?? ''),
      update: (_old, ns) => {
        if (ns.status?.phase === 'Active') this.queue.add(ns.metadata?.name ?? '');
      },
    });
  }

  /** Waits for the ConfigMap cache (as upstream, only that one), then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_ROOT_CA_PUBLISHER_WORKERS): Promise<void> {
    await this.configMapInformer.waitForSync();
    if (this.stopped) return;
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private configMapChanged(object: ConfigMap | DeletedFinalStateUnknown<ConfigMap>): void {
    const cm = tombstoneObject(object);
    if (cm.metadata?.name !== ROOT_CA_CONFIGMAP || !cm.metadata.namespace) return;
    this.queue.add(cm.metadata.namespace);
  }

  /** syncNamespace: creates the ConfigMap, or puts back its data and annotation; throws to be retried. */
  async sync(namespace: string): Promise<void> {
    const client = this.deps.client.resource<ConfigMap>(CONFIGMAPS, namespace);
    const cm = this.configMapInformer.get(namespace, ROOT_CA_CONFIGMAP);
    const data = { 'ca.crt': this.rootCA };
    if (!cm) {
      try {
        await client.create({
          metadata: { name: ROOT_CA_CONFIGMAP, annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } },
          data,
        });
      } catch (error) {
        // A namespace that is gone or terminating needs no ConfigMap: not worth a retry.
        const gone = error instanceof StatusError && error.status.code === 404;
        if (!gone && !hasStatusCause(error, 'NamespaceTerminating')) throw error;
      }
      return;
    }
    const sameData = Object.keys(cm.data ?? {}).length === 1 && cm.data?.['ca.crt'] === this.rootCA;
    if (sameData && cm.metadata?.annotations?.[DESCRIPTION_ANNOTATION]) return;
    await client.update({
      ...cm,
      metadata: {
        ...cm.metadata,
        annotations: { ...cm.metadata?.annotations, [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION },
      },
      data,
    });
  }
}
