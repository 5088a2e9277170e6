// `npm start`: builds the static site and serves it, printing the address to open.
import { BUILD_DIR, buildSite } from './build-site.js';
import { serveStatic } from './serve.js';

buildSite();
const port = Number(process.env.PORT ?? 4173);
const { url } = await serveStatic(BUILD_DIR, port);
console.log(`\n  kubeplay is running at ${url}\n  (Ctrl-C stops it)\n`);
