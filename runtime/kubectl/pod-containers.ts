import type { ServedObject } from './served-object';
import type { OutputStream } from '../shell/command';

// Which container of a pod a command means (kubectl's podcmd): the one named, else the
// `kubectl.kubernetes.io/default-container` annotation's, else the first.

/** The annotation naming a pod's default container. */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** A container of a pod's spec. */
export interface PodContainer {
  name: string;
  tty?: boolean;
  stdin?: boolean;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
}

interface PodSpecShape {
  containers?: PodContainer[];
  initContainers?: PodContainer[];
  ephemeralContainers?: PodContainer[];
}

/** The pod's containers, init containers and ephemeral containers. */
export function podContainers(pod: ServedObject): Required<PodSpecShape> {
  const spec = (pod.spec ?? {}) as PodSpecShape;
  return {
    containers: spec.containers ?? [],
    initContainers: spec.initContainers ?? [],
    ephemeralContainers: spec.ephemeralContainers ?? [],
  };
}

/** The container called `name`, among all three kinds (FindContainerByName). */
export function findContainer(pod: ServedObject, name: string): PodContainer | undefined {
  const all = podContainers(pod);
  return [...all.containers, ...all.initContainers, ...all.ephemeralContainers].find((c) => c.name === name);
}

/** `a, b (ephem), c (init)` (AllContainerNames). */
export function allContainerNames(pod: ServedObject): string {
  const all = podContainers(pod);
  return [
    ...all.containers.map((c) => c.name),
    ...all.ephemeralContainers.map((c) => `${c.name} (ephem)`),
    ...all.initContainers.map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** Whether a pod has more than its one container (then a default is announced). */
export function hasSeveralContainers(pod: ServedObject): boolean {
  const all = podContainers(pod);
  return all.containers.length > 1 || all.initContainers.length > 0 || all.ephemeralContainers.length > 0;
}

/** The default container's name from the annotation, if it names one that exists. */
export function annotatedContainer(pod: ServedObject): string | undefined {
  const name = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  return name && findContainer(pod, name) ? name : undefined;
}

/**
 * FindOrDefaultContainerByName: the named container, else the default one (announcing it on
 * `warn` unless `quiet` when the pod has others). Throws the real error texts.
 */
export function findOrDefaultContainer(
  pod: ServedObject,
  name: string,
  quiet: boolean,
  warn: OutputStream,
): PodContainer {
  if (name) {
    const found = findContainer(pod, name);
    if (!found) throw new Error(`container ${name} not found in pod ${pod.metadata.name}`);
    return found;
  }
  const { containers } = podContainers(pod);
  if (containers.length === 0) {
    throw new Error(`pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name} does not have any containers`);
  }
  const annotated = annotatedContainer(pod);
  if (annotated) return findContainer(pod, annotated) as PodContainer;
  if (!quiet && hasSeveralContainers(pod)) {
    warn.write(`Defaulted container ${JSON.stringify(containers[0].name)} out of: ${allContainerNames(pod)}\n`);
  }
  return containers[0];
}
