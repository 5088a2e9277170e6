// The tutorial kubeplay grew from (../shared/seed), as content/lessons/seed-walkthrough.sh types
// it into `kubeplay run`: every behaviour the document shows, with today's output formats.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTranscript } from '../cli/run-file';

/** Each command of the transcript and what it printed, in order. */
interface Step {
  command: string;
  output: string;
}

function steps(transcript: string): Step[] {
  const out: Step[] = [];
  for (const line of transcript.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) out.push({ command: line.slice(2), output: '' });
    else if (!line.startsWith('> ') && out.length > 0) out[out.length - 1].output += `${line}\n`;
  }
  return out;
}

describe('the seed tutorial, end to end', () => {
  let all: Step[];
  /** The output of the `n`th (from 0) run of `command`. */
  const output = (command: string, n = 0): string => {
    const found = all.filter((s) => s.command === command)[n];
    if (!found) throw new Error(`no run ${n} of ${command}`);
    return found.output;
  };
  /** The output of the first run of `command` after the first run of `after`. */
  const after = (after: string, command: string): string => {
    const start = all.findIndex((s) => s.command === after);
    const found = all.slice(start + 1).find((s) => s.command === command);
    if (start < 0 || !found) throw new Error(`no ${command} after ${after}`);
    return found.output;
  };

  beforeAll(async () => {
    let text = '';
    const script = readFileSync(new URL('../content/lessons/seed-walkthrough.sh', import.meta.url), 'utf8');
    await runTranscript(script, { write: (t) => void (text += t) });
    all = steps(text);
  }, 120_000);

  it('creates the redis app and shows its pod, deployment, replicaset and node', () => {
    expect(output('kubectl create deployment redis --image=redis')).toBe('deployment.apps/redis created\n');
    expect(output('kubectl get pods')).toMatch(
      /^NAME {21}READY {3}STATUS {4}RESTARTS {3}AGE\nredis-[a-z0-9]{10}-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}30s\n$/,
    );
    expect(output('kubectl get deployment')).toBe(
      'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nredis   1/1     1            1           30s\n',
    );
    expect(output('kubectl get replicaset')).toMatch(/^redis-[a-z0-9]{10} {3}1 {9}1 {9}1 {7}30s$/m);
    expect(output('kubectl get nodes')).toMatch(/^minikube {3}Ready {4}control-plane {3}30s {3}v1\.34\.0$/m);
    expect(output('kubectl logs deployment/redis')).toMatch(/Ready to accept connections\n$/);
  });

  it('sets and gets a key with redis-cli inside the redis pod', () => {
    expect(output('kubectl exec deployment/redis -- redis-cli set foo bar')).toBe('OK\n');
    expect(output('kubectl exec deployment/redis -- redis-cli get foo')).toBe('bar\n');
  });

  it('creates a pod from YAML: ContainerCreating, then Running', () => {
    expect(output('kubectl create -f pod.yaml')).toBe('pod/qingge created\n');
    expect(after('kubectl create -f pod.yaml', 'kubectl get pods')).toMatch(/^qingge {19}0\/1 {5}ContainerCreating /m);
    expect(output('kubectl get pods', 2)).toMatch(/^qingge {19}1\/1 {5}Running {3}0 {10}30s$/m);
  });

  it('serves the API on localhost:8001 through kubectl proxy', () => {
    expect(output('kubectl proxy &')).toMatch(/Starting to serve on 127\.0\.0\.1:8001\n$/);
    expect(output('curl -s localhost:8001 | head -6')).toBe(
      '{\n  "paths": [\n    "/api",\n    "/api/v1",\n    "/apis",\n    "/apis/",\n',
    );
    expect(output('curl -s localhost:8001/api/v1 | head -8')).toMatch(
      /"kind": "APIResourceList",\n {2}"groupVersion": "v1",/,
    );
  });

  it('deletes a pod and lists namespaces and every pod', () => {
    expect(output('kubectl delete pods qingge')).toBe('pod "qingge" deleted from default namespace\n');
    expect(output('kubectl get ns')).toMatch(/^default {11}Active /m);
    expect(output('kubectl get pods --all-namespaces')).toMatch(/^kube-system {3}coredns-[a-z0-9]{10}-[a-z0-9]{5} /m);
  });

  it('forbids a second pod under a pods=1 quota until the quota is edited to 2', () => {
    expect(output('kubectl create quota qingge --hard=pods=1')).toBe('resourcequota/qingge created\n');
    expect(output('kubectl get quota qingge -o yaml')).toMatch(
      /spec:\n {2}hard:\n {4}pods: "1"\nstatus:\n {2}hard:\n {4}pods: "1"\n {2}used:\n {4}pods: "1"\n$/,
    );
    expect(output('kubectl create -f pod.yaml', 1)).toBe(
      'Error from server (Forbidden): error when creating "pod.yaml": pods "qingge" is forbidden: exceeded quota: qingge, requested: pods=1, used: pods=1, limited: pods=1\n',
    );
    expect(output('KUBE_EDITOR=./raise-quota.sh kubectl edit resourcequota qingge')).toBe(
      'resourcequota/qingge edited\n',
    );
    expect(output('kubectl create -f pod.yaml', 2)).toBe('pod/qingge created\n');
  });

  it('replaces a deleted ReplicaSet pod (self-healing)', () => {
    const deleted = /pod "(redis-[a-z0-9-]+)" deleted/.exec(
      output('kubectl delete pods -l app=redis --wait=false'),
    )?.[1];
    expect(deleted).toBeDefined();
    const listed = after('kubectl delete pods -l app=redis --wait=false', 'kubectl get pods');
    expect(listed).toMatch(/^redis-[a-z0-9]{10}-[a-z0-9]{5} {3}0\/1 {5}ContainerCreating {3}0 {10}2s$/m);
    expect(listed).not.toContain(deleted);
  });

  it('runs the nginx ReplicaSet (apps/v1 today) and heals it when a pod is deleted', () => {
    // The document's extensions/v1beta1 is gone: kubectl says so as it does against a real cluster.
    expect(output('kubectl create -f rs.yaml')).toBe(
      'error: resource mapping not found for name: "nginx" namespace: "" from "rs.yaml": no matches for kind "ReplicaSet" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
    );
    expect(output('kubectl create -f rs.yaml', 1)).toBe('replicaset.apps/nginx created\n');
    expect(output('kubectl get replicaset', 1)).toMatch(/^nginx {14}2 {9}2 {9}2 {7}20s$/m);
    const deleted = /pod "(nginx-[a-z0-9]{5})" deleted/.exec(
      output('kubectl delete $(kubectl get pods -l app=nginx -o name | head -1)'),
    )?.[1];
    const listed = after('kubectl delete $(kubectl get pods -l app=nginx -o name | head -1)', 'kubectl get pods');
    expect(listed).not.toContain(deleted);
    expect(listed).toMatch(/^nginx-[a-z0-9]{5} {14}0\/1 {5}ContainerCreating /m);
    expect(output('kubectl get pods -l app=nginx').match(/^nginx-\w{5} +1\/1 +Running/gm)).toHaveLength(2);
  });

  it('selects by label, shows label columns, and relabelling makes the ReplicaSet start another pod', () => {
    expect(output('kubectl get pods -Lapp')).toMatch(/^redis-\S+ +1\/1 +Running +0 +\d+s +redis$/m);
    expect(output('kubectl label pods -l app=redis tier=cache')).toMatch(/^pod\/redis-\S+ labeled\n$/);
    const before = output('kubectl get pods --show-labels');
    expect(before).toMatch(/ app=nginx,foo=bar\n/);
    const relabelled = output('kubectl get pods --show-labels', 1);
    expect(relabelled.match(/ app=nginx\n/g)).toHaveLength(2);
    expect(relabelled).toMatch(/^nginx-\w{5} +1\/1 +Running +0 +\d+s +app=foobar,foo=bar$/m);
  });

  it('exposes nginx on a NodePort that minikube service gives as a URL, with its endpoints', () => {
    expect(output('kubectl create -f svc.yaml')).toBe('service/nginx created\n');
    const port = /^nginx +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:(3\d{4})\/TCP +0s$/m.exec(
      output('kubectl get svc'),
    )?.[1];
    expect(port).toBeDefined();
    expect(output('minikube service nginx --url')).toBe(`http://192.168.49.2:${port}\n`);
    expect(output('curl -s $(minikube service nginx --url) | head -4')).toBe(
      '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n',
    );
    expect(output('kubectl get endpoints')).toMatch(/^nginx {8}10\.244\.0\.\d+:80,10\.244\.0\.\d+:80 +0s$/m);
  });

  it('scales the ReplicaSet to five running pods', () => {
    expect(output('kubectl scale rs nginx --replicas=5')).toBe('replicaset.apps/nginx scaled\n');
    expect(output('kubectl get rs')).toMatch(/^nginx {14}5 {9}5 {9}5 /m);
    const pods = output('kubectl get pods', all.filter((s) => s.command === 'kubectl get pods').length - 1);
    expect(pods.match(/^nginx-\w{5} +1\/1 +Running/gm)).toHaveLength(6);
  });

  it('resolves the nginx Service by name from a busybox pod and fetches its page by cluster IP', () => {
    const clusterIp = /^nginx +NodePort +(10\.\d+\.\d+\.\d+) /m.exec(output('kubectl get svc'))?.[1];
    // busybox 1.36's nslookup asks A and AAAA for each search domain and exits 1 on any NXDOMAIN.
    const notFound =
      "** server can't find nginx.svc.cluster.local: NXDOMAIN\n\n** server can't find nginx.cluster.local: NXDOMAIN\n\n";
    expect(output('kubectl exec deployment/busybox -- nslookup nginx')).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx.default.svc.cluster.local\nAddress: ${clusterIp}\n\n` +
        `${notFound}\n${notFound}command terminated with exit code 1\n`,
    );
    expect(
      output(`kubectl exec deployment/busybox -- wget $(kubectl get svc nginx -o jsonpath='{.spec.clusterIP}')`),
    ).toBe(
      `Connecting to ${clusterIp} (${clusterIp}:80)\nsaving to 'index.html'\n` +
        "index.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n",
    );
    expect(output('kubectl exec deployment/busybox -- head -4 index.html')).toBe(
      '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n',
    );
  });
});
