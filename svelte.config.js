import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
    files: { src: 'app' },
    typescript: {
      // svelte-check type-checks the tests beside the runtime and worker sources too.
      config(config) {
        config.include.push(
          '../runtime/**/*.test.ts',
          '../worker/**/*.ts',
          '../cli/**/*.test.ts',
          '../e2e/**/*.ts',
          '../bench/**/*.ts',
        );
      },
    },
  },
};
