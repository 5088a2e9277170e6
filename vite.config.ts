import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
  server: { fs: { allow: ['worker', 'runtime'] } },
  test: {
    include: ['runtime/**/*.test.ts', 'worker/**/*.test.ts', 'cli/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Tests run on virtual time, so a timeout only catches a hang: the first test of a file also
    // boots a playground and compiles the modules it loads, seconds on a busy two-core machine.
    testTimeout: 30_000,
  },
});
