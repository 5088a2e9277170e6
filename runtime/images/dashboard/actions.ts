// The actions of a detail page as HTML forms posted back to the page itself: Scale (Deployments,
// ReplicaSets, StatefulSets) through the scale subresource, and Delete, then 303 back.
import { ApiError, type Json } from './api';
import { card, escapeHtml } from './html';
import { type Kind, objectPath } from './kinds';
import { detailPath, listPath } from './links';
import type { View } from './page';

/** The Scale and Delete forms of an object's detail page. */
export function actionsCard(kind: Kind, object: Json, view: View): string {
  const meta = object.metadata ?? {};
  const action = escapeHtml(view.prefix + detailPath(kind, meta.namespace, meta.name));
  const forms: string[] = [];
  if (kind.scalable)
    forms.push(
      `<form class="inline" method="post" action="${action}"><input type="hidden" name="action" value="scale">` +
        `<label for="replicas">Replicas</label><input id="replicas" name="replicas" type="number" min="0" value="${escapeHtml(object.spec?.replicas ?? 1)}">` +
        `<button type="submit">Scale</button></form>`,
    );
  forms.push(
    `<form class="inline" method="post" action="${action}"><input type="hidden" name="action" value="delete">` +
      `<button class="danger" type="submit">Delete</button></form>`,
  );
  return card('Actions', forms.join(''));
}

/** Where to go after an action (relative to the root), or what went wrong. */
export type ActionResult = { location: string } | { error: string; status: number };

/** Runs the posted `form`'s action on the object. */
export async function runAction(
  kind: Kind,
  namespace: string | undefined,
  name: string,
  form: Record<string, string>,
  view: View,
): Promise<ActionResult> {
  const path = objectPath(kind, namespace, name);
  try {
    if (form.action === 'delete') {
      await view.api.delete(path);
      return { location: listPath(kind.plural, namespace ?? view.namespace) };
    }
    if (form.action === 'scale' && kind.scalable) {
      const text = (form.replicas ?? '').trim();
      if (!/^\d+$/.test(text)) return { error: 'Replicas must be a whole number of 0 or more.', status: 422 };
      await view.api.patch(`${path}/scale`, { spec: { replicas: Number(text) } });
      return { location: detailPath(kind, namespace, name) };
    }
    return { error: `Unknown action "${form.action ?? ''}".`, status: 400 };
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message, status: error.status };
    throw error;
  }
}
