// The detail page of one object: its metadata, the sections of its kind, the actions it offers
// (Scale, Delete) and the events that involve it.
import type { Json } from './api';
import { actionsCard } from './actions';
import { DETAIL_SECTIONS } from './detail-sections';
import { ago, time } from './format';
import { card, chips, escapeHtml, fields } from './html';
import { byPlural, collectionPath, type Kind, objectPath } from './kinds';
import { referenceLink } from './links';
import { listTable } from './lists';
import type { Page, View } from './page';

/** The detail page of `name` of `kind` (in `namespace` when it is namespaced). */
export async function detailPage(kind: Kind, namespace: string | undefined, name: string, view: View): Promise<Page> {
  const object = await view.api.get(objectPath(kind, namespace, name));
  const sections = DETAIL_SECTIONS[kind.plural];
  const parts = [
    card('Metadata', metadata(object, view)),
    ...(sections ? await sections(object, view) : []),
    actionsCard(kind, object, view),
    card('Events', await eventsOf(kind, object, view)),
  ];
  return {
    title: `${kind.kind} ${name}`,
    body: parts.join('\n'),
    active: kind.plural,
    selectorPage: kind.plural,
  };
}

/** Name, namespace, times, UID, labels, annotations and owner of an object. */
function metadata(object: Json, view: View): string {
  const meta = object.metadata ?? {};
  const pairs: Array<[string, string]> = [['Name', escapeHtml(meta.name)]];
  if (meta.namespace) pairs.push(['Namespace', escapeHtml(meta.namespace)]);
  pairs.push(
    ['Created', escapeHtml(time(meta.creationTimestamp))],
    ['Age', escapeHtml(ago(view.now, meta.creationTimestamp))],
    ['UID', escapeHtml(meta.uid ?? '-')],
    ['Labels', chips(meta.labels)],
    ['Annotations', chips(meta.annotations)],
  );
  const owners: Json[] = meta.ownerReferences ?? [];
  if (owners.length)
    pairs.push(['Controlled by', owners.map((owner) => referenceLink(view, owner, meta.namespace)).join(', ')]);
  return fields(pairs);
}

/** The events whose involved object is `object`, newest first. */
async function eventsOf(kind: Kind, object: Json, view: View): Promise<string> {
  const events = byPlural('events') as Kind;
  const meta = object.metadata ?? {};
  const all = await view.api.list(collectionPath(events, meta.namespace));
  const involving = all.filter((event) => {
    const involved = event.involvedObject ?? event.regarding ?? {};
    if (involved.uid && involved.uid === meta.uid) return true;
    // Node events name the node as their uid; match those by kind and name.
    return (
      involved.kind === kind.kind &&
      involved.name === meta.name &&
      (involved.namespace ?? '') === (meta.namespace ?? '')
    );
  });
  return listTable(events, involving, { ...view, namespace: meta.namespace ?? 'default' });
}
