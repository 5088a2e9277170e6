// Relative links between the dashboard's pages.
import type { Json } from './api';
import { byKindName, type Kind } from './kinds';
import { escapeHtml } from './html';
import { pagePath, query } from './http';
import type { View } from './page';

/** The detail page's path of an object of `kind` (relative to the root). */
export const detailPath = (kind: Kind, namespace: string | undefined, name: string): string =>
  kind.namespaced && namespace ? pagePath(kind.singular, namespace, name) : pagePath(kind.singular, name);

/** A link to an object's detail page. */
export const objectLink = (view: View, kind: Kind, object: Json): string =>
  `<a href="${escapeHtml(view.prefix + detailPath(kind, object.metadata?.namespace, object.metadata?.name ?? ''))}">${escapeHtml(object.metadata?.name)}</a>`;

/** A link to what an object reference names (`{kind, name, namespace}`), or its name alone for kinds without pages. */
export function referenceLink(view: View, reference: Json, namespace?: string): string {
  const kind = byKindName(reference?.kind ?? '');
  const name = reference?.name ?? '';
  if (!kind?.pages || kind.plural === 'events') return escapeHtml(`${reference?.kind ?? ''} ${name}`.trim());
  const href = view.prefix + detailPath(kind, reference.namespace ?? namespace, name);
  return `<a href="${escapeHtml(href)}">${escapeHtml(`${kind.kind} ${name}`)}</a>`;
}

/** The list page of `plural` in `namespace`. */
export const listPath = (plural: string, namespace: string): string => `${plural}${query({ namespace })}`;
