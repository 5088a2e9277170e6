import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { describeBackendContract } from '../tests/storage-backend-contract';
import { IdbBackend } from './idb-backend';

let databases = 0;
const fresh = (): Promise<IdbBackend> => IdbBackend.open(`test-${++databases}`);

describeBackendContract('IdbBackend (fake-indexeddb)', fresh);

describe('IdbBackend', () => {
  it('keeps committed records across a close and reopen', async () => {
    const name = `reopen-${++databases}`;
    const first = await IdbBackend.open(name);
    await first.commit([{ key: 'history/1', value: 'kubectl version' }]);
    first.close();
    const second = await IdbBackend.open(name);
    expect(await second.scan('history/')).toEqual([['history/1', 'kubectl version']]);
  });
});
