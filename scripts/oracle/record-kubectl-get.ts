// Re-records tests/fixtures/kubectl/get.json: the real kubectl v1.34.5 against the scenario of
// tests/kubectl-scenario.ts (served over HTTP on 127.0.0.1); tests replay each case through
// kubeplay's kubectl on the same scenario and require the same stdout, stderr and exit code.
//   npx tsx scripts/oracle/record-kubectl-get.ts
import { writeFile } from 'node:fs/promises';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { serveForKubectl } from './kubectl-server';

/** Each case is one kubectl argument list. */
const CASES: string[][] = [
  ['get', 'pods'],
  ['get', 'po', '-o', 'wide'],
  ['get', 'pods', '-A'],
  ['get', 'pods', '--all-namespaces', '-o', 'wide'],
  ['get', 'pods', '--show-labels'],
  ['get', 'pods', '-L', 'app,tier'],
  ['get', 'pods', '-L', 'app', '-L', 'run', '--show-labels'],
  ['get', 'pods', '--show-kind'],
  ['get', 'pods', '--no-headers'],
  ['get', 'pods,svc'],
  ['get', 'pods,svc', '--no-headers'],
  ['get', 'all'],
  ['get', 'all', '-A'],
  ['get', 'deploy'],
  ['get', 'deployments.apps', '-o', 'wide'],
  ['get', 'rs'],
  ['get', 'rs', '-A', '-o', 'wide'],
  ['get', 'svc'],
  ['get', 'svc', '-o', 'wide'],
  ['get', 'service', 'web'],
  ['get', 'nodes'],
  ['get', 'no', '-o', 'wide'],
  ['get', 'ns'],
  ['get', 'namespaces', '--show-labels'],
  ['get', 'pods', '-l', 'app=web'],
  ['get', 'pods', '-l', 'app=nothing'],
  ['get', 'pods', '--selector', 'app!=web'],
  ['get', 'pods', '--field-selector', 'status.phase=Running'],
  ['get', 'pod', 'bb'],
  ['get', 'pod/bb'],
  ['get', 'pod/bb', 'svc/web'],
  ['get', 'pods', 'bb', '-o', 'name'],
  ['get', 'pods', '-o', 'name'],
  ['get', 'pods,svc', '-o', 'name'],
  ['get', 'pod', 'bb', '-o', 'yaml'],
  ['get', 'pod', 'bb', '-o', 'json'],
  ['get', 'svc', 'web', '-o', 'yaml'],
  ['get', 'ns', 'dev', '-o', 'json'],
  ['get', 'cm', '-n', 'dev', '-o', 'yaml'],
  ['get', 'foo'],
  ['get', 'pods', 'nope'],
  ['get', 'pods', 'bb', 'nope'],
  ['get', 'pods', 'nope', '--ignore-not-found'],
  ['get', 'pods', '-n', 'dev'],
  ['get', 'pods', '-n', 'nowhere'],
  ['get', 'cm', '-n', 'dev'],
  ['get', 'cm', '-A'],
  ['get'],
  ['get', '-o', 'bogus', 'pods'],
  ['get', 'pods,svc', 'bb'],
  ['get', 'pods', 'pod/bb'],
  ['get', 'pod/bb/x'],
  ['get', 'pods', '--chunk-size=1'],
  ['get', 'endpoints'],
  ['get', 'sa'],
  ['get', 'sc'],
  ['get', 'pv'],
  ['get', 'ds', '-A'],
  ['get', 'deploy', '-n', 'kube-system'],
  ['get', 'Pod'],
  ['get', 'deployment.v1.apps'],
  ['get', 'pods', '--bogus'],
  ['get', 'pods', '-A', 'bb'],
  ['get', 'svc', 'nope', '-o', 'jsonpath={.metadata.name}'],
  ['get', 'pods', 'nope', '-o', 'yaml'],
  ['get', 'pods', 'bb', 'nope', '-o', 'name'],
  ['get', 'pods', '--sort-by=.metadata.name', '-o', 'name'],
  ['get', 'pods', '-A', '--sort-by=.metadata.name'],
  ['get', 'pods', '-A', '--sort-by=.status.podIP', '-o', 'wide'],
  ['get', 'pods', '--sort-by', '{.metadata.labels.app}', '--show-labels'],
  ['get', 'svc', '-A', '--sort-by=.spec.clusterIP'],
  ['get', 'cm', '-A', '--sort-by=.metadata.namespace'],
  // Watches last till --request-timeout; they come last, as kubeplay's clock moves while they wait.
  ['--request-timeout=2s', 'get', 'pod', 'bb', '-w'],
  ['--request-timeout=2s', 'get', 'pods', '-w'],
  ['--request-timeout=2s', 'get', 'pods', '--watch-only'],
  ['--request-timeout=2s', 'get', 'pods', '-w', '--output-watch-events'],
  ['--request-timeout=2s', 'get', 'pod', 'bb', '-w', '--output-watch-events'],
  ['--request-timeout=2s', 'get', 'deploy', '-A', '-w', '--no-headers'],
  ['--request-timeout=2s', 'get', 'pods,svc', '-w'],
  ['get', 'pods', '--output-watch-events'],
];

const harness = await kubectlScenario();
const oracle = await serveForKubectl(harness.playground.cluster.api);
const results = [];
for (const args of CASES) results.push(await oracle.run(args));
await writeFile(
  new URL('../../tests/fixtures/kubectl/get.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(`get: ${results.length} cases recorded`);
oracle.close();
await harness.playground.stop();
