// The benchmarks that run in Node (through tsx, like the CLI).
import { benchApi } from './api-bench';

await benchApi();
