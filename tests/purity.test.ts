// runtime/ gets its clock, randomness and storage injected: the linter refuses the globals that
// would let it reach for them (the compiler, without DOM types, refuses the rest).
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function violations(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.message.includes('runtime/ gets its clock')).length;
}

it.each([
  'export const t = Date.now();',
  'export const d = new Date();',
  'export const d = Date();',
  'export const r = Math.random();',
  'setTimeout(() => {}, 1);',
  'setInterval(() => {}, 1);',
  'export const u = crypto.randomUUID();',
  'export const db = indexedDB;',
  'export const g = globalThis.setTimeout;',
])(
  'runtime/ may not use: %s',
  async (code) => {
    expect(await violations(code, 'runtime/example.ts')).toBeGreaterThan(0);
    expect(await violations(code, 'worker/example.ts')).toBe(0);
  },
  // The first lint loads ESLint's configuration and parsers: seconds on a busy machine.
  60_000,
);

it('allows what does not reach outside: fixed dates and the injected clock', async () => {
  expect(await violations('export const d = new Date(0); export const u = Date.UTC(2026, 0, 1);', 'runtime/x.ts')).toBe(
    0,
  );
});
