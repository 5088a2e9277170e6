import type { KubeObject } from '../api/object';

/** Decoded pod fields the kubelet reads; the API server has validated them. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A v1 Pod as the kubelet sees it. */
export interface Pod extends KubeObject {
  spec: Json;
  status?: Json;
}

/** A container of the pod spec (or an init container). */
export interface ContainerSpecJson {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: Json[];
  envFrom?: Json[];
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean; subPath?: string }>;
  ports?: Array<{ containerPort: number; protocol?: string; name?: string }>;
  readinessProbe?: Json;
  livenessProbe?: Json;
  startupProbe?: Json;
  lifecycle?: Json;
  restartPolicy?: string;
  imagePullPolicy?: string;
  stdin?: boolean;
  tty?: boolean;
  resources?: Json;
}

/** The pod's `namespace/name`. */
export const podKeyOf = (pod: KubeObject): string => `${pod.metadata?.namespace}/${pod.metadata?.name}`;
