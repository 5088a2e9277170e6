// `npm start`: builds the static site and serves it, printing the address to open.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './serve.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = Number(process.env.PORT ?? 4173);
const { url } = await serveStatic(fileURLToPath(new URL('../build', import.meta.url)), port);
console.log(`\n  kubeplay is running at ${url}\n  (Ctrl-C stops it)\n`);
