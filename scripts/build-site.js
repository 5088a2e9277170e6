// Builds the static site into build/ (vite build), unless SKIP_BUILD=1 says it is already there.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILD_DIR = fileURLToPath(new URL('../build', import.meta.url));

/** Runs the build, exiting the process with the build's status if it fails. */
export function buildSite() {
  if (process.env.SKIP_BUILD === '1') return;
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
