import type { PageResponse } from './worker-client';

// What a browser tab shows for a loaded page: HTML as the server sent it, other text as Chromium
// shows a text document (in a wrapped <pre>), and Chromium's error page for a failed load.

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The document the frame shows for `page`. */
export function pageDocument(page: PageResponse): string {
  if ('error' in page) {
    return (
      `<!DOCTYPE html><html><head><title>${escape(page.url)}</title><style>` +
      'body{font-family:system-ui,sans-serif;color:#202124;margin:14vh auto 0;max-width:600px;padding:0 24px}' +
      'h1{font-size:1.6em;font-weight:500}code{color:#5f6368;font-size:0.85em}</style></head><body>' +
      `<h1>This site can’t be reached</h1><p>${escape(page.detail)}</p><p><code>${escape(page.error)}</code></p>` +
      '</body></html>'
    );
  }
  if (/^text\/html\b/i.test(page.contentType)) return page.body;
  return (
    `<!DOCTYPE html><html><head><title>${escape(page.url)}</title></head><body style="margin:8px">` +
    `<pre style="word-wrap: break-word; white-space: pre-wrap;">${escape(page.body)}</pre></body></html>`
  );
}
