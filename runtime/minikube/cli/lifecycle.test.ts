import { describe, expect, it } from 'vitest';
import { createHarness } from '../../../tests/harness';

const MAINTAINER = (addon: string): string =>
  `💡  ${addon} is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.\n` +
  'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n';
const DASHBOARD_TIP =
  '💡  Some dashboard features require the metrics-server addon. To enable all features please run:\n\n\tminikube addons enable metrics-server\n\n';

describe('minikube addons, dashboard, node, start, stop, pause (as minikube v1.37.0 prints them)', () => {
  it('addons enable and disable create and delete the objects (enable.go, disable.go, addons.go)', async () => {
    const h = await createHarness();
    expect(await h.run('minikube addons enable dashboard')).toEqual({
      stdout:
        MAINTAINER('dashboard') +
        '    ▪ Using image docker.io/kubernetesui/dashboard:v2.7.0\n' +
        '    ▪ Using image docker.io/kubernetesui/metrics-scraper:v1.0.8\n' +
        DASHBOARD_TIP +
        "🌟  The 'dashboard' addon is enabled\n",
      stderr: '',
      exitCode: 0,
    });
    expect((await h.run('kubectl get deploy -n kubernetes-dashboard -o name')).stdout).toBe(
      'deployment.apps/dashboard-metrics-scraper\ndeployment.apps/kubernetes-dashboard\n',
    );
    expect((await h.run('minikube addons enable metrics-server')).stdout).toBe(
      MAINTAINER('metrics-server') +
        '    ▪ Using image registry.k8s.io/metrics-server/metrics-server:v0.8.0\n' +
        "🌟  The 'metrics-server' addon is enabled\n",
    );
    expect((await h.run('minikube addons list | grep metrics-server')).stdout).toContain('enabled ✅');
    // disable.go's message keeps its stray leading quote.
    expect((await h.run('minikube addons disable metrics-server')).stdout).toBe(
      "🌑  \"The 'metrics-server' addon is disabled\n",
    );
    expect((await h.run('kubectl get deploy metrics-server -n kube-system')).exitCode).toBe(1);
    expect(await h.run('minikube addons enable foo')).toEqual({
      stdout: '\n\n',
      stderr: '❌  Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: foo is not a valid addon\n',
      exitCode: 10,
    });
    expect((await h.run('minikube addons enable kong')).stdout).toBe(
      '❗  kong is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.\n' +
        '💡  kong is maintained by 3rd party (Kong HQ) for any concerns contact @gAmUssA on GitHub.\n',
    );
    await h.playground.stop();
  });

  it('dashboard --url prints only the URL on stdout and serves it until killed (dashboard.go)', async () => {
    const h = await createHarness();
    await h.run('minikube dashboard --url > /tmp/url 2> /tmp/err &');
    await h.run('sleep 90');
    expect((await h.run('cat /tmp/err')).stdout).toBe(
      '🔌  Enabling dashboard ...\n🤔  Verifying dashboard health ...\n🚀  Launching proxy ...\n🤔  Verifying proxy health ...\n',
    );
    const url = (await h.run('tail -n 1 /tmp/url')).stdout.trim();
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/kubernetes-dashboard\/services\/http:kubernetes-dashboard:\/proxy\/$/,
    );
    expect((await h.run(`curl -s -o /dev/null -w '%{http_code}' ${url}`)).stdout).toBe('200');
    await h.run('kill %1');
    await h.playground.stop();
  });

  it('node add joins a Ready worker, node delete removes it (node_add.go, node_delete.go)', async () => {
    const h = await createHarness();
    expect(await h.run('minikube node add')).toEqual({
      stdout:
        '😄  Adding node m02 to cluster minikube as [worker]\n' +
        '👍  Starting "minikube-m02" worker node in "minikube" cluster\n' +
        '🚜  Pulling base image v0.0.48 ...\n' +
        '🔥  Creating docker container (CPUs=2, Memory=2200MB) ...\n' +
        '🐳  Preparing Kubernetes v1.34.0 on Docker 28.4.0 ...\n' +
        '🔎  Verifying Kubernetes components...\n' +
        '🏄  Successfully added m02 to minikube!\n',
      stderr: '❗  Cluster was created without any CNI, adding a node to it might cause broken networking.\n',
      exitCode: 0,
    });
    expect((await h.run('kubectl get nodes --no-headers')).stdout).toMatch(/^minikube-m02\s+Ready\s/m);
    expect((await h.run('minikube node delete m02')).stdout).toBe(
      '🔥  Deleting node m02 from cluster minikube\n' +
        '✋  Stopping node "minikube-m02"  ...\n' +
        '🛑  Powering off "minikube-m02" via SSH ...\n' +
        '🔥  Deleting "minikube-m02" in docker ...\n' +
        '💀  Node m02 was successfully deleted.\n',
    );
    expect((await h.run('kubectl get nodes -o name')).stdout).toBe('node/minikube\n');
    await h.playground.stop();
  });

  it('start on the running profile, stop, start again (start.go, stop.go, fix.go)', async () => {
    const h = await createHarness();
    const head = [
      '😄  minikube v1.37.0 on Ubuntu 24.04',
      '✨  Using the docker driver based on existing profile',
      '👍  Starting "minikube" primary control-plane node in "minikube" cluster',
      '🚜  Pulling base image v0.0.48 ...',
    ];
    const tail = [
      '🐳  Preparing Kubernetes v1.34.0 on Docker 28.4.0 ...',
      '🔎  Verifying Kubernetes components...',
      '    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5',
      '🌟  Enabled addons: storage-provisioner, default-storageclass',
      '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default',
      '',
    ];
    expect((await h.run('minikube start')).stdout).toBe(
      [...head, '🏃  Updating the running docker "minikube" container ...', ...tail].join('\n'),
    );
    expect(await h.run('minikube stop')).toEqual({
      stdout: '✋  Stopping node "minikube"  ...\n🛑  Powering off "minikube" via SSH ...\n🛑  1 node stopped.\n',
      stderr: '',
      exitCode: 0,
    });
    expect(await h.run('minikube status')).toEqual({
      stdout:
        'minikube\ntype: Control Plane\nhost: Stopped\nkubelet: Stopped\napiserver: Stopped\nkubeconfig: Stopped\n\n',
      stderr: '',
      exitCode: 7,
    });
    expect(await h.run('minikube node add')).toEqual({
      stdout:
        '🤷  The control-plane node minikube host is not running: state=Stopped\n👉  To start a cluster, run: "minikube start"\n',
      stderr: '',
      exitCode: 83,
    });
    expect((await h.run('minikube start')).stdout).toBe(
      [...head, '🔄  Restarting existing docker container for "minikube" ...', ...tail].join('\n'),
    );
    expect((await h.run('minikube status')).exitCode).toBe(0);
    await h.playground.stop();
  });

  it('pause and unpause (pause.go, unpause.go)', async () => {
    const h = await createHarness();
    const pause = await h.run('minikube pause');
    expect(pause.stdout).toMatch(
      /^⏸️ {2}Pausing node minikube ... \n⏯️ {2}Paused \d+ containers in: kube-system, kubernetes-dashboard, storage-gluster, istio-operator\n$/,
    );
    expect((await h.run('minikube status')).stdout).toContain('kubelet: Stopped\napiserver: Paused\n');
    expect((await h.run('minikube addons enable dashboard')).stdout).toBe(
      "🤷  Can't enable addon on a paused cluster, please unpause the cluster first.\n\n\n",
    );
    expect((await h.run('minikube unpause')).stdout).toMatch(
      /^⏸️ {2}Unpausing node minikube ... \n⏸️ {2}Unpaused \d+ containers in: /,
    );
    expect((await h.run('minikube status')).exitCode).toBe(0);
    await h.playground.stop();
  });
});
