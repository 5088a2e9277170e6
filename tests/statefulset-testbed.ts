import {
  DEFAULT_STATEFULSET_WORKERS,
  STATEFULSET_CONTROLLER_SERVICE_ACCOUNT,
  StatefulSetController,
} from '../runtime/controllers/statefulset';
import { controllerTestbed, type ControllerTestbed } from './daemonset-testbed';

/** Decoded JSON that tests read freely. */
type Json = any;

/** A cluster with the StatefulSet controller running. */
export function statefulSetTestbed(): Promise<ControllerTestbed> {
  return controllerTestbed(
    STATEFULSET_CONTROLLER_SERVICE_ACCOUNT,
    DEFAULT_STATEFULSET_WORKERS,
    (deps) => new StatefulSetController(deps),
  );
}

/** The StatefulSet `web` of the Kubernetes tutorial: nginx behind service `nginx`, a 1Gi claim `www` per pod. */
export function webManifest(replicas: number, spec: Json = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.24',
              ports: [{ containerPort: 80, name: 'web' }],
              volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      ...spec,
    },
  };
}
