import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
  server: { fs: { allow: ['worker', 'runtime'] } },
  test: {
    include: ['runtime/**/*.test.ts', 'worker/**/*.test.ts', 'cli/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
  },
});
