// `npm run bench`: every benchmark, one JSON line per measurement. Builds the site first unless
// SKIP_BUILD=1. Speed is measured here, never asserted in tests.
import { BUILD_DIR, buildSite } from '../scripts/build-site.js';
import { serveStatic } from '../scripts/serve.js';
import { benchFirstPrompt } from './first-prompt.js';
import { benchIndexedDb } from './indexeddb.js';
import { benchClusterInChromium } from './cluster-browser.js';
import { register } from 'tsx/esm/api';

buildSite();

// Node-side benchmarks first, while the process is quiet.
register();
await import('./node-benches.ts');
const { server, url } = await serveStatic(BUILD_DIR);
await benchFirstPrompt(url);
await benchIndexedDb();
await benchClusterInChromium();
server.closeAllConnections();
server.close();
