// `npm run bench`: every benchmark, one JSON line per measurement. Builds the site first unless
// SKIP_BUILD=1. Speed is measured here, never asserted in tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/serve.js';
import { benchFirstPrompt } from './first-prompt.js';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.env.SKIP_BUILD !== '1') {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { server, url } = await serveStatic(fileURLToPath(new URL('../build', import.meta.url)));
await benchFirstPrompt(url);
server.closeAllConnections();
server.close();
