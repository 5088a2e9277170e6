import { describe, expect, it } from 'vitest';
import { describeBackendContract } from '../../tests/storage-backend-contract';
import { MemoryBackend } from './backend';

describeBackendContract('MemoryBackend', async () => new MemoryBackend());

describe('MemoryBackend with frozen values', () => {
  it('keeps a frozen value as it is and still hands out copies', async () => {
    const backend = new MemoryBackend();
    const value = Object.freeze({ spec: Object.freeze({ replicas: 3 }) });
    await backend.commit([{ key: 'a', value }]);
    const [[key, scanned]] = await backend.scan('a');
    expect(key).toBe('a');
    expect(scanned).toEqual({ spec: { replicas: 3 } });
    expect(scanned).not.toBe(value);
    expect(Object.isFrozen(scanned)).toBe(false);
  });
});
