// IndexedDB in Chromium: 10,000 object writes through the Store (group commit) against a raw idb
// bulk put of the same records, side by side in the same run, and the Store's reload time.
import { launchFreshContext } from '../e2e/browser.js';
import { openHarness, startIdbHarness } from '../e2e/idb-harness.js';
import { report } from './harness.js';

/** Runs the IndexedDB measurements `runs` times, each on fresh databases. */
export async function benchIndexedDb(runs = 3, count = 10_000) {
  const harness = await startIdbHarness();
  const samples = { store: [], raw: [], ratio: [], reload: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const context = await launchFreshContext();
      const page = await openHarness(context, harness.url);
      const result = await page.evaluate((n) => window.harness.benchIndexedDb(n), count);
      samples.store.push(result.store);
      samples.raw.push(result.raw);
      samples.ratio.push(result.store / result.raw);
      samples.reload.push(result.reload);
      await context.close();
    }
  } finally {
    await harness.close();
  }
  report('idb-store-10000-writes', 'ms', samples.store);
  report('idb-raw-10000-puts', 'ms', samples.raw);
  report('idb-store-to-raw-ratio', 'x', samples.ratio);
  report('idb-reload-10000-objects', 'ms', samples.reload);
}
