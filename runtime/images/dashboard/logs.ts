// A pod's logs page: one container's log text, with a container select when there are several.
import { ApiError, type Json } from './api';
import { card, escapeHtml, link } from './html';
import { pagePath } from './http';
import type { Page, View } from './page';

/** The log of `container` (the pod's first by default) of pod `name` in `namespace`. */
export async function logsPage(namespace: string, name: string, view: View): Promise<Page> {
  const podPath = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
  const pod = await view.api.get(podPath);
  const containers = ((pod.spec?.containers ?? []) as Json[]).map((c) => String(c.name));
  const chosen = containers.includes(view.query.container ?? '') ? view.query.container : containers[0];
  const back = link(view.prefix + pagePath('pod', namespace, name), `Pod ${name}`);
  let log = '';
  let error: string | undefined;
  try {
    log = await view.api.text(`${podPath}/log?container=${encodeURIComponent(chosen ?? '')}`);
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    error = failure.message;
  }
  const select =
    containers.length > 1
      ? `<form class="inline" method="get" action="${escapeHtml(view.prefix + pagePath('log', namespace, name))}">` +
        `<label for="container">Container</label><select id="container" name="container">${containers
          .map((c) => `<option value="${escapeHtml(c)}"${c === chosen ? ' selected' : ''}>${escapeHtml(c)}</option>`)
          .join('')}</select><button type="submit">Show</button></form>`
      : '';
  const heading = `<p>Logs from ${escapeHtml(chosen ?? '')} in ${back}</p>${select}`;
  return {
    title: `Logs of ${name}`,
    body: card('Logs', `${heading}<pre>${escapeHtml(log) || 'There are no logs yet.'}</pre>`),
    active: 'pods',
    selectorPage: 'pods',
    error,
  };
}
