import type { ApiHandler } from '../../api/types';

/** What describe needs to know about the resource being described (from discovery). */
export interface DescribedResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

/** DescriberSettings, plus the client's clock. */
export interface DescribeOptions {
  /** --show-events (default true). */
  showEvents: boolean;
  /** --chunk-size: the limit of every list request (0: no limit). */
  chunkSize: number;
  /** The client's clock, epoch ms: ages are computed from it. */
  now: number;
}

/** One describe call: the object, where it lives, and how to describe it. */
export interface DescribeContext {
  api: ApiHandler;
  resource: DescribedResource;
  /** Undefined (or empty) for cluster-scoped objects. */
  namespace: string | undefined;
  name: string;
  options: DescribeOptions;
}
