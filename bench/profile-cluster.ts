// A CPU profile of the cluster benchmark's measured window (from the Deployment's create until
// it is ready), for finding where the time goes:
//   node --import tsx bench/profile-cluster.ts 1000 10 /tmp/cluster.cpuprofile
// Open the file in Chromium's DevTools (Performance panel) or any .cpuprofile viewer.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { benchDeployment, onMeasureStart } from './cluster-bench';

const [replicas = 1000, nodes = 10] = process.argv.slice(2, 4).map(Number);
const out = process.argv[4] ?? 'cluster.cpuprofile';
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
onMeasureStart(() => session.post('Profiler.start'));
const result = await benchDeployment(replicas, nodes);
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
console.log(JSON.stringify({ ...result, profile: out }));
