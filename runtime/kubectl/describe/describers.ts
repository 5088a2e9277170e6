import { describeConfigMap } from './configmap';
import type { DescribeContext } from './context';
import { describeCronJob } from './cronjob';
import { describeDaemonSet } from './daemonset';
import { describeDeployment } from './deployment';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describeHorizontalPodAutoscaler } from './hpa';
import { describeIngress } from './ingress';
import { describeJob } from './job';
import { describeLimitRange, describeNamespace, describeQuota } from './namespace';
import { describeNetworkPolicy } from './network-policy';
import { describeNode } from './node';
import { describePersistentVolume, describePersistentVolumeClaim } from './persistent-volumes';
import { describePodObject } from './pod';
import { describePodDisruptionBudget, describePriorityClass } from './policy';
import { describeRole, describeRoleBinding } from './rbac';
import { describeReplicaSet } from './replicaset';
import { describeSecret } from './secret';
import { describeService } from './service';
import { describeServiceAccount } from './service-account';
import { describeStatefulSet } from './statefulset';
import { describeStorageClass } from './storage-class';

/** A describer: the text for the object `ctx` names. */
export type Describer = (ctx: DescribeContext) => Promise<string>;

/** kubectl's describerMap: `group/Kind` to its describer (kinds not here get the generic one). */
export const DESCRIBERS = new Map<string, Describer>([
  ['/Pod', describePodObject],
  ['/Service', describeService],
  ['networking.k8s.io/Ingress', describeIngress],
  ['autoscaling/HorizontalPodAutoscaler', describeHorizontalPodAutoscaler],
  ['/Node', describeNode],
  ['/Namespace', describeNamespace],
  ['/ResourceQuota', describeQuota],
  ['/LimitRange', describeLimitRange],
  ['/ConfigMap', describeConfigMap],
  ['/Secret', describeSecret],
  ['/ServiceAccount', describeServiceAccount],
  ['/Endpoints', describeEndpoints],
  ['discovery.k8s.io/EndpointSlice', describeEndpointSlice],
  ['apps/Deployment', describeDeployment],
  ['apps/ReplicaSet', describeReplicaSet],
  ['apps/DaemonSet', describeDaemonSet],
  ['apps/StatefulSet', describeStatefulSet],
  ['batch/Job', describeJob],
  ['batch/CronJob', describeCronJob],
  ['/PersistentVolume', describePersistentVolume],
  ['/PersistentVolumeClaim', describePersistentVolumeClaim],
  ['storage.k8s.io/StorageClass', describeStorageClass],
  ['rbac.authorization.k8s.io/Role', describeRole],
  ['rbac.authorization.k8s.io/ClusterRole', describeRole],
  ['rbac.authorization.k8s.io/RoleBinding', describeRoleBinding],
  ['rbac.authorization.k8s.io/ClusterRoleBinding', describeRoleBinding],
  ['policy/PodDisruptionBudget', describePodDisruptionBudget],
  ['scheduling.k8s.io/PriorityClass', describePriorityClass],
  ['networking.k8s.io/NetworkPolicy', describeNetworkPolicy],
]);
