// Pieces the detail pages share: conditions, and tables of related objects.
import type { Json } from './api';
import { COLUMNS } from './columns';
import { ago } from './format';
import { escapeHtml, table } from './html';
import { byPlural, type Kind } from './kinds';
import { listTable } from './lists';
import type { View } from './page';

/** A table of conditions (Type, Status, times, Reason, Message). */
export function conditionsTable(conditions: Json[] | undefined, view: View): string {
  if (!conditions?.length) return '-';
  const rows = conditions.map((c) => [
    escapeHtml(c.type),
    escapeHtml(c.status),
    escapeHtml(ago(view.now, c.lastProbeTime ?? c.lastHeartbeatTime ?? c.lastUpdateTime)),
    escapeHtml(ago(view.now, c.lastTransitionTime)),
    escapeHtml(c.reason ?? '-'),
    escapeHtml(c.message ?? '-'),
  ]);
  return table(['Type', 'Status', 'Last probe time', 'Last transition time', 'Reason', 'Message'], rows);
}

/** A table of `items` of the list page `plural` (the list's own empty text when there are none). */
export const kindTable = (plural: string, items: Json[], view: View): string =>
  COLUMNS[plural] ? listTable(byPlural(plural) as Kind, items, view) : '';
