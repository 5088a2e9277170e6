import type { PageRequest } from './worker-client';

// Where a page's links and forms lead, as the browser resolves them against the page's address.

/** The request a link to `href` makes from the page at `base`. */
export function linkRequest(href: string, base: string): PageRequest {
  return { method: 'GET', url: new URL(href, base).toString() };
}

/** The request `form` sends (as `submitter` submitted it) from the page at `base`, urlencoded. */
export function formRequest(form: HTMLFormElement, submitter: HTMLElement | null, base: string): PageRequest {
  const fields = new URLSearchParams();
  for (const [name, value] of new FormData(form, submitter)) if (typeof value === 'string') fields.append(name, value);
  const target = new URL(form.getAttribute('action') ?? '', base);
  if (form.method.toLowerCase() === 'post') return { method: 'POST', url: target.toString(), body: fields.toString() };
  target.search = fields.toString();
  return { method: 'GET', url: target.toString() };
}
