// What `kubectl debug` sends (kubectl pkg/cmd/debug/debug.go): the ephemeral container it adds to
// a pod, the copy of a pod with a debug container, and the pod it starts on a node.
import { randomString, type Rng } from '../rng';
import { applyProfile, type KeepFlags, type ProfileName } from './debug-profiles';
import type { OutputStream } from '../shell/command';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** DebugOptions once completed: the flags as debug.go reads them. */
export interface DebugOptions {
  image: string;
  container: string;
  args: string[];
  argsOnly: boolean;
  env: Array<{ name: string; value: string }>;
  pullPolicy: string;
  interactive: boolean;
  tty: boolean;
  quiet: boolean;
  target: string;
  copyTo: string;
  sameNode: boolean;
  /** --share-processes, when given. */
  shareProcesses?: boolean;
  setImages: Map<string, string>;
  profile: ProfileName;
  keep: KeepFlags;
  /** The source of debug.go's nameSuffixFunc (utilrand.String). */
  rng: Rng;
  out: OutputStream;
}

/** Every container name of the pod (containerNameToRef). */
function containerNames(pod: Json): Set<string> {
  const spec = pod.spec ?? {};
  return new Set(
    [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].map(
      (c: Json) => c.name as string,
    ),
  );
}

/** computeDebugContainerName: -c, else a fresh `debugger-xxxxx`, announced unless --quiet. */
function debugContainerName(o: DebugOptions, pod: Json): string {
  if (o.container) return o.container;
  const taken = containerNames(pod);
  let name = '';
  while (!name || taken.has(name)) name = `debugger-${randomString(o.rng, 5)}`;
  if (!o.quiet) o.out.write(`Defaulting debug container name to ${name}.\n`);
  return name;
}

/** The container fields debug.go sets, in the order Go marshals them (omitempty ones left out). */
function containerFields(o: DebugOptions, name: string): Json {
  const c: Json = { name, image: o.image };
  if (o.args.length > 0) c[o.argsOnly ? 'args' : 'command'] = o.args;
  if (o.env.length > 0) c.env = o.env;
  c.resources = {};
  c.terminationMessagePolicy = 'File';
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  if (o.tty) c.tty = true;
  return c;
}

/** generateDebugContainer: the pod with its new ephemeral container, and that container. */
export function podWithEphemeralContainer(o: DebugOptions, pod: Json): { pod: Json; container: Json } {
  const name = debugContainerName(o, pod);
  const container = containerFields(o, name);
  if (o.target) container.targetContainerName = o.target;
  const copied = structuredCopy(pod);
  copied.spec.ephemeralContainers = [...(copied.spec.ephemeralContainers ?? []), container];
  applyProfile(o.profile, o.keep, copied, name, 'ephemeral');
  return { pod: copied, container: copied.spec.ephemeralContainers.at(-1) };
}

/** generatePodCopyWithDebugContainer: the copy, and the container to attach to ('' for none). */
export function podCopy(o: DebugOptions, pod: Json): { pod: Json; container: string } {
  const meta = pod.metadata ?? {};
  const spec = structuredCopy(pod.spec ?? {});
  delete spec.ephemeralContainers;
  if (o.shareProcesses !== undefined) spec.shareProcessNamespace = o.shareProcesses;
  if (!o.sameNode) delete spec.nodeName;
  for (const c of spec.containers ?? []) {
    const override = o.setImages.get(c.name) ?? o.setImages.get('*');
    if (override) c.image = override;
  }
  const copied: Json = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.copyTo, namespace: meta.namespace, labels: meta.labels, annotations: meta.annotations },
    spec,
  };
  let c: Json | undefined = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].find(
    (x: Json) => x.name === o.container,
  );
  let name = o.container;
  if (!c) {
    if (!o.image) {
      if (o.setImages.size > 0) return { pod: copied, container: '' };
      throw new Error('you must specify image when creating new container');
    }
    name ||= debugContainerName(o, copied);
    c = { name, terminationMessagePolicy: 'File' };
    spec.containers = [...(spec.containers ?? []), c];
  }
  if (o.args.length > 0) {
    if (o.argsOnly) c.args = o.args;
    else {
      c.command = o.args;
      delete c.args;
    }
  }
  if (o.env.length > 0) c.env = o.env;
  if (o.image) c.image = o.image;
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  else delete c.stdin;
  if (o.tty) c.tty = true;
  else delete c.tty;
  applyProfile(o.profile, o.keep, copied, c.name, 'podCopy');
  return { pod: copied, container: name };
}

/** generateNodeDebugPod: a pod on `node` in the namespace, its container `debugger` unless -c. */
export function nodeDebugPod(o: DebugOptions, node: string, namespace: string): Json {
  const name = o.container || 'debugger';
  const podName = `node-debugger-${node}-${randomString(o.rng, 5)}`;
  if (!o.quiet) o.out.write(`Creating debugging pod ${podName} with container ${name} on node ${node}.\n`);
  const container = containerFields(o, name);
  const pod: Json = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: podName, namespace, labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } },
    spec: { containers: [container], nodeName: node, restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] },
  };
  applyProfile(o.profile, o.keep, pod, name, 'node');
  return pod;
}

/**
 * displayWarning: a debug container given privileges in a pod that runs as a non-root user may
 * not have them.
 */
export function nonRootWarning(container: Json | undefined, pod: Json): string {
  const runAsUser = pod.spec?.securityContext?.runAsUser;
  const sc = container?.securityContext;
  if (!container || !runAsUser || !sc || sc.runAsUser === 0) return '';
  if (!sc.privileged && !(sc.capabilities?.add?.length > 0)) return '';
  return 'Warning: Non-root user is configured for the entire target Pod, and some capabilities granted by debug profile may not work. Please consider using "--custom" with a custom profile that specifies "securityContext.runAsUser: 0".\n';
}

const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
