import { describeBackendContract } from '../../tests/storage-backend-contract';
import { MemoryBackend } from './backend';

describeBackendContract('MemoryBackend', async () => new MemoryBackend());
