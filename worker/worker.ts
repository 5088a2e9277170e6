/// <reference lib="webworker" />
// The Web Worker that hosts the cluster: IndexedDB for storage, exposed to the page by comlink.
import { expose } from 'comlink';
import { MemoryBackend } from '../runtime/storage/backend';
import { IdbBackend } from './idb-backend';
import { createWorkerApi, type WorkerStorage } from './worker-api';

// Without IndexedDB (some private windows refuse it) kubeplay still runs, and says it forgets.
const storage: Promise<WorkerStorage> = IdbBackend.open().then(
  (backend) => ({ backend }),
  (error: unknown) => ({
    backend: new MemoryBackend(),
    warning: `this browser refused storage (${error instanceof Error ? error.message : String(error)}); nothing will be kept after this tab closes.`,
  }),
);

expose(createWorkerApi(storage));
