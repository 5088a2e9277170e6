/// <reference lib="webworker" />
// The Web Worker that hosts the cluster: IndexedDB for storage, exposed to the page by comlink.
import { expose } from 'comlink';
import { MemoryBackend } from '../runtime/storage/backend';
import { IdbBackend } from './idb-backend';
import { createWorkerApi, type WorkerStorage } from './worker-api';
import { acquireWriterLock } from './writer-lock';

const lock = acquireWriterLock();
const WAITING = 'kubeplay is open in another tab of this browser; this tab takes over when that one closes.';

// Without IndexedDB (some private windows refuse it) kubeplay still runs, and says it forgets.
const storage: Promise<WorkerStorage> = lock.acquired
  .then(() => IdbBackend.open())
  .then(
    (backend) => ({ backend }),
    (error: unknown) => ({
      backend: new MemoryBackend(),
      warning: `this browser refused storage (${error instanceof Error ? error.message : String(error)}); nothing will be kept after this tab closes.`,
    }),
  );

expose(createWorkerApi(storage, () => lock.heldElsewhere.then((held) => (held ? WAITING : ''))));
