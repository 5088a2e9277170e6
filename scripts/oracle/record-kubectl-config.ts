// Re-records tests/fixtures/kubectl/config.json: the real kubectl v1.34.5 running `kubectl config …`
// one after another on a copy of the kubeconfig minikube writes (runtime/kubectl/kubeconfig/
// minikube-kubeconfig.ts, HOME /home/learner); no server is needed. Tests replay the same
// sequence through kubeplay's kubectl on the same file.
//   npx tsx scripts/oracle/record-kubectl-config.ts
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minikubeKubeconfig } from '../../runtime/kubectl/kubeconfig/minikube-kubeconfig';
import { CONFIG_CASES, CONFIG_EPOCH, CONFIG_HOME } from '../../tests/kubectl-config-cases';
import { kubectlBinary } from './kubectl-binary.js';

const kubectl = await kubectlBinary();
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-config-'));
const kubeconfig = join(dir, 'config');
await writeFile(kubeconfig, minikubeKubeconfig(CONFIG_HOME, CONFIG_EPOCH));
const results = [];
for (const args of CONFIG_CASES) {
  results.push(
    await new Promise((resolve) => {
      const env = { HOME: CONFIG_HOME, KUBECONFIG: kubeconfig, PATH: process.env.PATH ?? '' };
      execFile(kubectl, args, { env, cwd: dir }, (error, stdout, stderr) => {
        resolve({ args, stdout, stderr, exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0 });
      });
    }),
  );
}
await writeFile('tests/fixtures/kubectl/config.json', `${JSON.stringify(results, null, 2)}\n`);
