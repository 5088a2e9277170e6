/// <reference lib="webworker" />
// The Web Worker that hosts the cluster: IndexedDB for storage, exposed to the page by comlink.
import { expose } from 'comlink';
import { IdbBackend } from './idb-backend';
import { createWorkerApi } from './worker-api';

expose(createWorkerApi(IdbBackend.open()));
