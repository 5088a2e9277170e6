import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** What runtime/ must never reach for: time, randomness, timers and storage are injected. */
const INJECTED = 'runtime/ gets its clock, randomness and storage injected (see runtime/README.md)';

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'static/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    // Tests read decoded JSON replies field by field.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['runtime/**/*.ts'],
    ignores: ['runtime/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: INJECTED },
        { name: 'setInterval', message: INJECTED },
        { name: 'clearTimeout', message: INJECTED },
        { name: 'clearInterval', message: INJECTED },
        { name: 'setImmediate', message: INJECTED },
        { name: 'queueMicrotask', message: INJECTED },
        { name: 'indexedDB', message: INJECTED },
        { name: 'localStorage', message: INJECTED },
        { name: 'performance', message: INJECTED },
        { name: 'crypto', message: INJECTED },
        { name: 'window', message: INJECTED },
        { name: 'document', message: INJECTED },
        { name: 'self', message: INJECTED },
        { name: 'fetch', message: INJECTED },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: INJECTED },
        { object: 'Math', property: 'random', message: INJECTED },
        { object: 'crypto', property: 'randomUUID', message: INJECTED },
        { object: 'crypto', property: 'getRandomValues', message: INJECTED },
        { object: 'globalThis', property: 'setTimeout', message: INJECTED },
        { object: 'globalThis', property: 'setInterval', message: INJECTED },
        { object: 'globalThis', property: 'indexedDB', message: INJECTED },
        { object: 'globalThis', property: 'crypto', message: INJECTED },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: INJECTED },
        { selector: "CallExpression[callee.name='Date']", message: INJECTED },
      ],
    },
  },
);
