// Requests to pages: `/` and `workloads` → the overview, a list page per kind (`pods`), detail
// pages (`pod/NAMESPACE/NAME`, `node/NAME`) and their posted actions, `log/NAMESPACE/POD`,
// `create`; anything else is a 404 page in the same shell.
import type { ApiHandler } from '../../api/types';
import type { Clock } from '../../clock';
import type { HttpRequest, HttpResponse } from '../types';
import { runAction } from './actions';
import { ApiError, DashboardApi } from './api';
import { createPage, postCreate } from './create';
import { detailPage } from './details';
import { escapeHtml, shell } from './html';
import { htmlResponse, parseForm, parseTarget, redirect, textResponse } from './http';
import { bySingular, byPlural } from './kinds';
import { listPage, overviewPage } from './lists';
import { logsPage } from './logs';
import type { Page, View } from './page';

/** The dashboard's HTTP handler over the cluster's API (503 without one), on the cluster clock. */
export function dashboardHandler(kubernetes: ApiHandler | undefined, clock: Clock) {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    if (!kubernetes)
      return textResponse(
        503,
        'The dashboard cannot reach the Kubernetes API: this pod has no connection to the cluster.\n',
      );
    const target = parseTarget(request.path);
    // The kubelet's liveness probe of `/` wants a status, not a page: spare the API its lists.
    if (target.segments.length === 0 && request.headers['user-agent']?.startsWith('kube-probe/'))
      return textResponse(200, 'OK\n');
    const view: View = {
      api: new DashboardApi(kubernetes),
      now: clock.now(),
      prefix: target.prefix,
      namespace: target.query.namespace || 'default',
      query: target.query,
    };
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
      return withHeader(textResponse(405, 'Method Not Allowed\n'), 'Allow', 'GET, HEAD, POST');
    const form = method === 'POST' ? parseForm(request.body) : undefined;
    let result: Page | HttpResponse;
    let pageView = view;
    try {
      const [first = '', ...rest] = target.segments;
      const kind = bySingular(first);
      if ((kind?.namespaced || first === 'log') && rest.length === 2) pageView = { ...view, namespace: rest[0] };
      result = await route(pageView, target.segments, form);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result = {
        title: error.status === 404 ? 'Not found' : 'Error',
        body: '',
        status: error.status,
        error: error.message,
      };
    }
    if (!('title' in result)) return result;
    const response = htmlResponse(result.status ?? 200, await render(pageView, result));
    return method === 'HEAD' ? { ...response, body: '' } : response;
  };
}

async function route(
  view: View,
  segments: string[],
  form: Record<string, string> | undefined,
): Promise<Page | HttpResponse> {
  const [first, ...rest] = segments;
  // The real dashboard answers its root with 200 (its app's page): minikube's proxy health check
  // and the addon's liveness probe both want that, so the root shows the overview itself.
  if (first === undefined) return overviewPage(view);
  if (first === 'create' && rest.length === 0) {
    const namespaces = await namespaceNames(view);
    return form ? postCreate(view, namespaces, form) : createPage(view, namespaces);
  }
  if (form) return postAction(view, segments, form);
  if (first === 'workloads' && rest.length === 0) return overviewPage(view);
  if (first === 'log' && rest.length === 2) return logsPage(rest[0], rest[1], view);
  const listed = byPlural(first);
  if (listed && rest.length === 0) return listPage(listed, view);
  const kind = bySingular(first);
  if (kind && rest.length === (kind.namespaced ? 2 : 1))
    return kind.namespaced ? detailPage(kind, rest[0], rest[1], view) : detailPage(kind, undefined, rest[0], view);
  return notFound(segments);
}

/** A posted Scale or Delete: 303 on, or the detail page again with the API's message. */
async function postAction(view: View, segments: string[], form: Record<string, string>): Promise<Page | HttpResponse> {
  const [first, ...rest] = segments;
  const kind = bySingular(first);
  if (!kind || rest.length !== (kind.namespaced ? 2 : 1)) return notFound(segments);
  const [namespace, name] = kind.namespaced ? [rest[0], rest[1]] : [undefined, rest[0]];
  const done = await runAction(kind, namespace, name, form, view);
  if ('location' in done) return redirect(view.prefix + done.location);
  const page = await detailPage(kind, namespace, name, view);
  return { ...page, status: done.status, error: done.error };
}

const withHeader = (response: HttpResponse, name: string, value: string): HttpResponse => ({
  ...response,
  headers: { ...response.headers, [name]: value },
});

const notFound = (segments: string[]): Page => ({
  title: 'Not found',
  status: 404,
  body: `<section class="card"><div class="content">There is no page at ${escapeHtml(`/${segments.join('/')}`)}. Pick a resource on the left.</div></section>`,
});

async function namespaceNames(view: View): Promise<string[]> {
  try {
    const items = await view.api.list('/api/v1/namespaces');
    return items.map((ns) => String(ns.metadata?.name)).sort();
  } catch {
    return ['default'];
  }
}

async function render(view: View, page: Page): Promise<string> {
  return shell({
    prefix: view.prefix,
    title: page.title,
    namespace: view.namespace,
    namespaces: await namespaceNames(view),
    active: page.active,
    selectorPage: page.selectorPage ?? 'workloads',
    error: page.error,
    body: page.body,
  });
}
