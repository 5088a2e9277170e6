// Navigation to first prompt in headless Chromium, cold (empty profile) and warm (service worker
// and caches in place), and the gzipped JavaScript loaded before the first prompt.
import { gzipSync } from 'node:zlib';
import { launchFreshContext } from '../e2e/browser.js';
import { report } from './harness.js';

/** Milliseconds from navigation start to the page's `kubeplay:first-prompt` mark. */
async function firstPrompt(page) {
  await page.waitForFunction(() => performance.getEntriesByName('kubeplay:first-prompt').length > 0, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => performance.getEntriesByName('kubeplay:first-prompt')[0].startTime);
}

/** Runs the measurements against the site at `url`, `runs` times each. */
export async function benchFirstPrompt(url, runs = 7) {
  const cold = [];
  const jsKb = [];
  for (let i = 0; i < runs; i++) {
    const context = await launchFreshContext();
    // Scripts the page and its worker request before the prompt is out (by wall time: the worker
    // loads the cluster's components and the big commands right after it, and their responses
    // must not count however fast they arrive); the service worker's background precache is not
    // counted either.
    const requestedAt = new Map();
    const scripts = [];
    context.on('request', (request) => requestedAt.set(request, Date.now()));
    context.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    cold.push(await firstPrompt(page));
    const promptAt = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByName('kubeplay:first-prompt')[0].startTime,
    );
    const before = scripts.filter((r) => requestedAt.get(r.request()) <= promptAt);
    const unique = new Map(before.reverse().map((r) => [r.url(), r]));
    let bytes = 0;
    for (const response of unique.values()) bytes += gzipSync(await response.body(), { level: 9 }).length;
    jsKb.push(bytes / 1024);
    await context.close();
  }

  const warm = [];
  const context = await launchFreshContext();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await firstPrompt(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  for (let i = 0; i < runs; i++) {
    await page.reload();
    warm.push(await firstPrompt(page));
  }
  await context.close();

  return [
    report('first-prompt-cold', 'ms', cold),
    report('first-prompt-warm', 'ms', warm),
    report('js-gzip-before-first-prompt', 'KB', jsKb),
  ];
}
