import { describe, it } from 'vitest';
import type { StorageBackend } from '../runtime/storage/backend';
import { BACKEND_CONTRACT } from './storage-backend-cases';

/** Runs the StorageBackend contract (storage-backend-cases.ts) under vitest, a fresh backend each case. */
export function describeBackendContract(name: string, open: () => Promise<StorageBackend>): void {
  describe(`${name} keeps the StorageBackend contract`, () => {
    for (const contractCase of BACKEND_CONTRACT) {
      it(contractCase.name, async () => contractCase.run(await open()));
    }
  });
}
