import type { Container } from './container';
import type { ContainerSpecJson } from './pod-types';

/** The kubelet's view of one container of a pod, across its restarts. */
export interface ContainerRecord {
  spec: ContainerSpecJson;
  init: boolean;
  /** An ephemeral container (`kubectl debug`): started once the pod runs, never restarted. */
  ephemeral?: boolean;
  /** The instance running now or last (it may have exited). */
  current?: Container;
  /** The instance before it (`kubectl logs --previous`). */
  previous?: Container;
  restartCount: number;
  /** Why it is not running, when it is waiting. */
  waiting?: { reason: string; message?: string };
  /** Crash-loop back-off: the current delay and when it ends. */
  backoffDelayMs: number;
  backoffUntil: number;
  /** Set by the probes (true without a readiness/startup probe once running). */
  ready: boolean;
  started: boolean;
  /** The image as resolved for the running instance (`nginx:latest`, `docker-pullable://nginx@sha256:…`). */
  imageName?: string;
  imageID?: string;
  /** The last failed pull's error, which ImagePullBackOff's message repeats. */
  pullError?: string;
}

export function newRecord(spec: ContainerSpecJson, init: boolean): ContainerRecord {
  return { spec, init, restartCount: 0, backoffDelayMs: 0, backoffUntil: 0, ready: false, started: false };
}
