// The dashboard's HTML: escaping, the page shell (header, namespace selector, left navigation,
// error banner) with its one stylesheet, and the small pieces pages are built of. No scripts:
// the page is shown in a sandboxed frame, and every link and form action is relative.
import { ALL_NAMESPACES } from './kinds';
import { query } from './http';
import type { Health } from './status';

/** `text` safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The navigation's sections: heading, then list pages (path, label). */
const NAV: Array<[string, Array<[string, string]>]> = [
  [
    'Workloads',
    [
      ['cronjobs', 'Cron Jobs'],
      ['daemonsets', 'Daemon Sets'],
      ['deployments', 'Deployments'],
      ['jobs', 'Jobs'],
      ['pods', 'Pods'],
      ['replicasets', 'Replica Sets'],
      ['statefulsets', 'Stateful Sets'],
    ],
  ],
  [
    'Service',
    [
      ['services', 'Services'],
      ['ingresses', 'Ingresses'],
    ],
  ],
  [
    'Config and Storage',
    [
      ['configmaps', 'Config Maps'],
      ['persistentvolumeclaims', 'Persistent Volume Claims'],
      ['secrets', 'Secrets'],
    ],
  ],
  [
    'Cluster',
    [
      ['namespaces', 'Namespaces'],
      ['nodes', 'Nodes'],
      ['persistentvolumes', 'Persistent Volumes'],
      ['events', 'Events'],
    ],
  ],
];

const STYLE = `
*{box-sizing:border-box}
button{font:inherit;padding:6px 14px;border:0;border-radius:3px;background:#326ce5;color:#fff;cursor:pointer}
button.danger{background:#d32f2f}
body{margin:0;font:14px/1.45 Roboto,"Helvetica Neue",Arial,sans-serif;color:rgba(0,0,0,.87);background:#edf0f4}
a{color:#326ce5;text-decoration:none}a:hover{text-decoration:underline}
header{display:flex;align-items:center;gap:16px;height:56px;padding:0 16px;background:#326ce5;color:#fff}
header .brand{color:#fff;font-size:20px;font-weight:500;letter-spacing:.5px}
header form{display:flex;gap:4px;margin:0}
header select,header button{font:inherit;padding:4px 6px;border:0;border-radius:3px}
header button{background:#fff;color:#326ce5}
header .create{margin-left:auto;color:#fff;font-weight:500;border:1px solid #fff;border-radius:3px;padding:4px 10px}
.layout{display:flex;align-items:flex-start}
nav{width:220px;flex:none;min-height:calc(100vh - 56px);background:#fff;border-right:1px solid #dde1e6;padding:8px 0}
nav h3{margin:12px 16px 4px;font-size:12px;text-transform:uppercase;color:rgba(0,0,0,.54)}
nav a{display:block;padding:5px 16px 5px 28px;color:rgba(0,0,0,.87)}
nav a.active{background:#e8effc;color:#326ce5;font-weight:500}
main{flex:1;min-width:0;padding:16px 24px}
h1{font-size:20px;font-weight:400;margin:4px 0 16px}
.card{background:#fff;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.2);margin-bottom:16px}
.card h2{font-size:16px;font-weight:500;margin:0;padding:12px 16px;border-bottom:1px solid #e6e6e6}
.card .content{padding:12px 16px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #eee;vertical-align:top}
th{font-size:12px;color:rgba(0,0,0,.54);font-weight:500}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 24px;margin:0}
dt{color:rgba(0,0,0,.54)}dd{margin:0;word-break:break-all}
.chip{display:inline-block;background:#e6e6e6;border-radius:12px;padding:1px 8px;margin:1px 2px;font-size:12px}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;background:#999}
.dot.ok{background:#00c752}.dot.pending{background:#ffad20}.dot.failed{background:#f00}.dot.done{background:#8a9099}
.error{background:#fdecea;color:#b71c1c;border-left:4px solid #f44336;padding:10px 14px;margin-bottom:16px;white-space:pre-wrap}
.notice{background:#e8f5e9;border-left:4px solid #00c752;padding:10px 14px;margin-bottom:16px}
.empty{padding:24px;text-align:center;color:rgba(0,0,0,.54)}
pre{margin:0;padding:12px;background:#263238;color:#eceff1;overflow:auto;white-space:pre-wrap;word-break:break-all}
form.inline{display:inline-flex;gap:6px;align-items:center;margin:0 12px 0 0}
label{display:block;margin:8px 0 2px;color:rgba(0,0,0,.54)}
input,select,textarea{font:inherit;padding:5px 7px;border:1px solid #c4c8cc;border-radius:3px}
textarea{width:100%;min-height:220px;font-family:monospace}
.hint{color:rgba(0,0,0,.54);font-size:12px}
`;

/** What a page puts into the shell. */
export interface ShellOptions {
  prefix: string;
  title: string;
  /** The selected namespace (`_all` for every one). */
  namespace: string;
  namespaces: string[];
  /** The navigation entry to highlight (a list page's path). */
  active?: string;
  /** The page the namespace selector opens (`pods`, `workloads`). */
  selectorPage: string;
  error?: string;
  body: string;
}

/** A whole page: header with the namespace selector and "+ Create", navigation, content. */
export function shell(options: ShellOptions): string {
  const { prefix, namespace } = options;
  const ns = query({ namespace });
  const choices = [...options.namespaces, ALL_NAMESPACES].map((name) => {
    const label = name === ALL_NAMESPACES ? 'All namespaces' : name;
    return `<option value="${escapeHtml(name)}"${name === namespace ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  });
  const nav = NAV.map(([heading, links]) => {
    const items = links.map(
      ([path, label]) =>
        `<a href="${escapeHtml(prefix + path + ns)}"${path === options.active ? ' class="active"' : ''}>${escapeHtml(label)}</a>`,
    );
    return `<h3>${escapeHtml(heading)}</h3>${items.join('')}`;
  });
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title)} - Kubernetes Dashboard</title>
<style>${STYLE}</style></head>
<body><header><a class="brand" href="${escapeHtml(prefix + 'workloads' + ns)}">kubernetes</a>
<form method="get" action="${escapeHtml(prefix + options.selectorPage)}"><select name="namespace" aria-label="Namespace">${choices.join('')}</select><button type="submit">Go</button></form>
<a class="create" href="${escapeHtml(prefix + 'create' + ns)}">+ Create</a></header>
<div class="layout"><nav><a href="${escapeHtml(prefix + 'workloads' + ns)}"${options.active === 'workloads' ? ' class="active"' : ''}>Workloads</a>${nav.join('')}</nav>
<main><h1>${escapeHtml(options.title)}</h1>${options.error ? errorBanner(options.error) : ''}${options.body}</main></div>
</body></html>
`;
}

/** The red banner an API failure shows in. */
export const errorBanner = (message: string): string => `<div class="error" role="alert">${escapeHtml(message)}</div>`;

/** A white card with a heading. */
export const card = (title: string, content: string): string =>
  `<section class="card"><h2>${escapeHtml(title)}</h2><div class="content">${content}</div></section>`;

/** A table: headings, then rows of cells already in HTML. */
export function table(headings: string[], rows: string[][]): string {
  const head = headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Term and description pairs; descriptions are HTML. */
export const fields = (pairs: Array<[string, string]>): string =>
  `<dl>${pairs.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;

/** Labels, annotations or a selector as chips (`-` when there are none). */
export function chips(map: Record<string, string> | undefined): string {
  const entries = Object.entries(map ?? {});
  if (entries.length === 0) return '-';
  return entries
    .map(([key, value]) => `<span class="chip">${escapeHtml(value ? `${key}: ${value}` : key)}</span>`)
    .join('');
}

/** A status dot before `text`. */
export const dot = (health: Health, text = ''): string =>
  `<span class="dot ${health}" title="${escapeHtml(health)}"></span>${escapeHtml(text)}`;

/** A link to `href` (relative, the prefix included). */
export const link = (href: string, text: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/** What an empty list or overview says. */
export const EMPTY = '<div class="empty">There is nothing to display here</div>';
