import type { KubeObject } from '../api/object';

/** core/v1 ServicePort, as the endpoint controllers read it. */
export interface ServicePort {
  name?: string;
  protocol?: string;
  appProtocol?: string;
  port: number;
  /** A number, or the name of a container port. */
  targetPort?: number | string;
}

/** core/v1 Service, the fields the endpoint controllers read. */
export interface Service extends KubeObject {
  spec?: {
    type?: string;
    /** Absent (nil): the Service selects nothing, and the controllers leave its endpoints alone. */
    selector?: Record<string, string> | null;
    ports?: ServicePort[];
    clusterIP?: string;
    ipFamilies?: string[];
    publishNotReadyAddresses?: boolean;
  };
}

/** core/v1 ObjectReference, as an endpoint's targetRef. */
export interface TargetRef {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** core/v1 EndpointAddress. */
export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: TargetRef;
}

/** core/v1 EndpointPort. */
export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: string;
  appProtocol?: string;
}

/** core/v1 EndpointSubset. */
export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** core/v1 Endpoints. */
export interface Endpoints extends KubeObject {
  subsets?: EndpointSubset[];
}

/** discovery/v1 EndpointPort: every field optional (a pointer in Go). */
export interface SlicePort {
  name?: string | null;
  protocol?: string | null;
  port?: number | null;
  appProtocol?: string;
}

/** discovery/v1 Endpoint. */
export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  targetRef?: TargetRef;
  nodeName?: string;
  zone?: string;
}

/** discovery/v1 EndpointSlice. */
export interface EndpointSlice extends KubeObject {
  addressType: string;
  endpoints: SliceEndpoint[] | null;
  ports: SlicePort[] | null;
}
