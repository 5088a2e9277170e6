// "Create from form": the dashboard's "Deploy a containerized app". It checks the form as the
// dashboard does, then creates a Deployment labelled `k8s-app: NAME` and, when a service is
// chosen, a Service of that name in front of it (ClusterIP when internal, LoadBalancer when
// external).
import { ApiError, type DashboardApi } from './api';

/** The form's fields, as typed. */
export interface AppForm {
  name: string;
  image: string;
  replicas: string;
  /** `none`, `internal` or `external`. */
  service: string;
  port: string;
  targetPort: string;
  namespace: string;
}

/** The form's values from a posted body, with the dashboard's defaults. */
export function appForm(fields: Record<string, string>, namespace: string): AppForm {
  return {
    name: (fields.name ?? '').trim(),
    image: (fields.image ?? '').trim(),
    replicas: (fields.replicas ?? '1').trim(),
    service: ['internal', 'external'].includes(fields.service ?? '') ? fields.service : 'none',
    port: (fields.port ?? '').trim(),
    targetPort: (fields.targetPort ?? '').trim(),
    namespace: (fields.namespace ?? namespace).trim() || 'default',
  };
}

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const portError = (label: string, text: string): string | undefined => {
  if (text === '') return `${label} is required.`;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) return `${label} must be between 1 and 65535.`;
  return undefined;
};

/** What is wrong with the form, as the dashboard's field messages say it (none: empty). */
export function validateApp(form: AppForm): string[] {
  const errors: string[] = [];
  if (form.name === '') errors.push('App name is required.');
  else if (form.name.length > 24) errors.push('App name must be up to 24 characters long.');
  else if (!DNS_LABEL.test(form.name))
    errors.push(
      'App name must start with a lowercase letter, contain only lowercase letters, numbers and "-", and end with a lowercase letter or number.',
    );
  if (form.image === '') errors.push('Container image is required.');
  if (!/^\d+$/.test(form.replicas) || Number(form.replicas) < 1)
    errors.push('Number of pods must be a whole number of 1 or more.');
  if (form.service !== 'none') {
    for (const [label, text] of [
      ['Port', form.port],
      ['Target port', form.targetPort],
    ] as const) {
      const error = portError(label, text);
      if (error) errors.push(error);
    }
  }
  return errors;
}

/** The Deployment and (when chosen) the Service the form makes. */
export function appObjects(form: AppForm): Array<{ path: string; object: Record<string, unknown> }> {
  const labels = { 'k8s-app': form.name };
  const ns = encodeURIComponent(form.namespace);
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: form.name, namespace: form.namespace, labels },
    spec: {
      replicas: Number(form.replicas),
      selector: { matchLabels: labels },
      template: {
        metadata: { name: form.name, labels },
        spec: { containers: [{ name: form.name, image: form.image }] },
      },
    },
  };
  const objects: Array<{ path: string; object: Record<string, unknown> }> = [
    { path: `/apis/apps/v1/namespaces/${ns}/deployments`, object: deployment },
  ];
  if (form.service !== 'none')
    objects.push({
      path: `/api/v1/namespaces/${ns}/services`,
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: form.name, namespace: form.namespace, labels },
        spec: {
          selector: labels,
          type: form.service === 'external' ? 'LoadBalancer' : 'ClusterIP',
          ports: [{ protocol: 'TCP', port: Number(form.port), targetPort: Number(form.targetPort) }],
        },
      },
    });
  return objects;
}

/** Checks and deploys the app; the errors to show (none when everything was created). */
export async function deployApp(api: DashboardApi, form: AppForm): Promise<string[]> {
  const errors = validateApp(form);
  if (errors.length) return errors;
  try {
    for (const { path, object } of appObjects(form)) await api.create(path, object);
    return [];
  } catch (error) {
    if (error instanceof ApiError) return [error.message];
    throw error;
  }
}
