// The list pages (one kind in the selected namespace, or in all) and the workloads overview.
import type { Json } from './api';
import { COLUMNS, lastSeen } from './columns';
import { card, EMPTY, escapeHtml, table } from './html';
import { ALL_NAMESPACES, byPlural, collectionPath, type Kind, WORKLOADS } from './kinds';
import type { Page, View } from './page';

/** A table of `items` of `kind`, with a Namespace column when every namespace is shown. */
export function listTable(kind: Kind, items: Json[], view: View): string {
  if (items.length === 0) return EMPTY;
  const columns = [...COLUMNS[kind.plural]];
  if (kind.namespaced && view.namespace === ALL_NAMESPACES)
    columns.splice(kind.plural === 'events' ? 0 : 1, 0, {
      heading: 'Namespace',
      cell: (object) => escapeHtml(object.metadata?.namespace),
    });
  const rows = sorted(kind, items).map((object) => columns.map((c) => c.cell(object, view)));
  return table(
    columns.map((c) => c.heading),
    rows,
  );
}

/** Newest first, as the dashboard sorts by default (events by when they were last seen). */
function sorted(kind: Kind, items: Json[]): Json[] {
  const when = (object: Json): string =>
    (kind.plural === 'events' ? lastSeen(object) : object.metadata?.creationTimestamp) ?? '';
  return [...items].sort(
    (a, b) => when(b).localeCompare(when(a)) || String(a.metadata?.name).localeCompare(String(b.metadata?.name)),
  );
}

/** The list page of `kind`. */
export async function listPage(kind: Kind, view: View): Promise<Page> {
  const items = await view.api.list(collectionPath(kind, view.namespace));
  return {
    title: kind.title,
    body: card(kind.title, listTable(kind, items, view)),
    active: kind.plural,
    selectorPage: kind.plural,
  };
}

/** The overview: each workload's table that has something, one after another. */
export async function overviewPage(view: View): Promise<Page> {
  const kinds = WORKLOADS.map((plural) => byPlural(plural) as Kind);
  const lists = await Promise.all(kinds.map((kind) => view.api.list(collectionPath(kind, view.namespace))));
  const cards = kinds
    .map((kind, index) => (lists[index].length ? card(kind.title, listTable(kind, lists[index], view)) : ''))
    .filter(Boolean);
  return {
    title: 'Workloads',
    body: cards.length ? cards.join('\n') : card('Workloads', EMPTY),
    active: 'workloads',
    selectorPage: 'workloads',
  };
}
