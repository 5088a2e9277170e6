// Bundles a module for the browser (vite library build) and serves it on 127.0.0.1 with a blank
// page, so browser tests and benchmarks can call it: e2e/idb-entry.ts against Chromium's real
// IndexedDB, the cluster benchmark on Chromium's engine.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveStatic } from '../scripts/serve.js';

/** Builds and serves the harness; resolves to its page URL and a function that stops it. */
export function startIdbHarness() {
  return startModuleHarness(fileURLToPath(new URL('./idb-entry.ts', import.meta.url)));
}

/**
 * Bundles the module at `entry` for the browser and serves it under a blank page that sets
 * `window.harness` to its exports; resolves to the page URL and a function that stops serving.
 */
export async function startModuleHarness(entry) {
  const dir = await mkdtemp(join(tmpdir(), 'kubeplay-harness-'));
  await build({
    configFile: false,
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true, minify: false, lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><script type="module">import * as harness from './entry.js'; window.harness = harness; window.ready = true;</script>`,
  );
  const { server, url } = await serveStatic(dir);
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Opens the harness page in `context` and waits until its module is loaded. */
export async function openHarness(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true);
  return page;
}
