// The create page: the real dashboard's three tabs as three cards (from input, from file, from
// form), and what posting the input or the form does.
import { appForm, type AppForm, deployApp } from './deploy-app';
import { createFromInput } from './create-input';
import { card, errorBanner, escapeHtml } from './html';
import { query, redirect } from './http';
import { ALL_NAMESPACES } from './kinds';
import { listPath } from './links';
import type { Page, View } from './page';
import type { HttpResponse } from '../types';

const EXAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.29
`;

/** The namespace new objects go to: the selected one, `default` when all are shown. */
const targetNamespace = (view: View): string => (view.namespace === ALL_NAMESPACES ? 'default' : view.namespace);

/** What the page shows again after a failed post: the text and fields as typed, and the errors. */
interface Typed {
  input?: string;
  inputError?: string;
  app?: AppForm;
  appErrors?: string[];
}

/** The create page. */
export function createPage(view: View, namespaces: string[], typed: Typed = {}, status = 200): Page {
  const namespace = targetNamespace(view);
  const action = escapeHtml(view.prefix + 'create' + query({ namespace: view.namespace }));
  const input =
    (typed.inputError ? errorBanner(typed.inputError) : '') +
    `<form method="post" action="${action}"><input type="hidden" name="tab" value="input">` +
    `<p class="hint">Enter YAML or JSON specifying the resources to create in namespace ${escapeHtml(namespace)} (unless they name their own). Separate several with a line of <code>---</code>.</p>` +
    `<textarea name="manifest" aria-label="YAML or JSON" spellcheck="false" placeholder="${escapeHtml(EXAMPLE)}">\n${escapeHtml(typed.input ?? '')}</textarea>` +
    `<p><button type="submit">Upload</button></p></form>`;
  const file =
    '<p>Uploading a file needs your browser\'s file picker, which this page cannot open. Open the file, copy its YAML or JSON and paste it into "Create from input" above.</p>';
  const app = typed.app ?? appForm({}, namespace);
  const field = (label: string, name: keyof AppForm, type: string, extra = ''): string =>
    `<label for="app-${name}">${escapeHtml(label)}</label><input id="app-${name}" name="${name}" type="${type}" value="${escapeHtml(app[name])}"${extra}>`;
  const option = (value: string, label: string, selected: string): string =>
    `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const form =
    (typed.appErrors?.length ? errorBanner(typed.appErrors.join('\n')) : '') +
    `<form method="post" action="${action}"><input type="hidden" name="tab" value="app">` +
    field('App name', 'name', 'text', ' maxlength="24"') +
    '<div class="hint">An "app" label with this value will be added to the Deployment and Service that get deployed (k8s-app). Up to 24 characters.</div>' +
    field('Container image', 'image', 'text', ' placeholder="nginx:1.29"') +
    field('Number of pods', 'replicas', 'number', ' min="1"') +
    `<label for="app-service">Service</label><select id="app-service" name="service">${option('none', 'None', app.service)}${option('internal', 'Internal', app.service)}${option('external', 'External', app.service)}</select>` +
    field('Port', 'port', 'number', ' min="1" max="65535"') +
    field('Target port', 'targetPort', 'number', ' min="1" max="65535"') +
    '<div class="hint">Port and target port are used when a service is chosen (protocol TCP).</div>' +
    `<label for="app-namespace">Namespace</label><select id="app-namespace" name="namespace">${namespaces.map((ns) => option(ns, ns, app.namespace)).join('')}</select>` +
    '<p><button type="submit">Deploy</button></p></form>';
  return {
    title: 'Create new resource',
    body: [card('Create from input', input), card('Create from file', file), card('Create from form', form)].join('\n'),
    status,
    active: 'create',
    selectorPage: 'create',
  };
}

/** A posted create form: 303 to the overview of the namespace on success, else the page again with the errors. */
export async function postCreate(
  view: View,
  namespaces: string[],
  form: Record<string, string>,
): Promise<Page | HttpResponse> {
  const namespace = targetNamespace(view);
  if (form.tab === 'app') {
    const app = appForm(form, namespace);
    const errors = await deployApp(view.api, app);
    if (errors.length === 0) return redirect(view.prefix + listPath('workloads', app.namespace));
    return createPage(view, namespaces, { app, appErrors: errors }, 422);
  }
  const text = form.manifest ?? '';
  const result = await createFromInput(view.api, text, namespace);
  if (!result.error) return redirect(view.prefix + listPath('workloads', namespace));
  const done = result.created.length ? `\nCreated before the failure: ${result.created.join(', ')}` : '';
  return createPage(view, namespaces, { input: text, inputError: result.error + done }, 422);
}
