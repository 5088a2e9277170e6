// The debugging profiles of `kubectl debug --profile` (kubectl pkg/cmd/debug/profiles.go): what
// each changes in the debug pod, for each way of debugging.

/** The pod JSON the profiles edit (a copy kubectl sends). */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How the debug container runs: added to the pod, in a copy of it, or in a pod on a node. */
export type DebugStyle = 'ephemeral' | 'podCopy' | 'node';

/** The --keep-* flags: what a copy of the pod keeps of the original. */
export interface KeepFlags {
  labels: boolean;
  annotations: boolean;
  liveness: boolean;
  readiness: boolean;
  startup: boolean;
  initContainers: boolean;
}

/** The profile names --profile accepts. */
export const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'] as const;
export type ProfileName = (typeof PROFILES)[number];

/** Every container of the spec with `name` (VisitContainers over all kinds). */
function containerNamed(pod: Json, name: string): Json | undefined {
  const spec = pod.spec ?? {};
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].find(
    (c: Json) => c.name === name,
  );
}

const securityContext = (c: Json): Json => (c.securityContext ??= {});

function addCapability(c: Json, capability: string): void {
  const caps = (securityContext(c).capabilities ??= {});
  caps.add = [...(caps.add ?? []), capability];
}

function mountRootPartition(pod: Json, name: string): void {
  pod.spec.volumes = [...(pod.spec.volumes ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  // podutils.Containers: init and regular containers only.
  const c = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].find((x: Json) => x.name === name);
  if (c) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: '/host', name: 'host-root' }];
}

function useHostNamespaces(pod: Json): void {
  Object.assign(pod.spec, { hostNetwork: true, hostPID: true, hostIPC: true });
}

function shareProcessNamespace(pod: Json): void {
  pod.spec.shareProcessNamespace ??= true;
}

/** The edits a copy of the pod gets from the --keep-* flags. */
function removeForCopy(pod: Json, keep: KeepFlags): void {
  if (!keep.labels) delete pod.metadata.labels;
  if (!keep.annotations) delete pod.metadata.annotations;
  for (const c of pod.spec.containers ?? []) {
    if (!keep.liveness) delete c.livenessProbe;
    if (!keep.readiness) delete c.readinessProbe;
    if (!keep.startup) delete c.startupProbe;
  }
  if (!keep.initContainers) delete pod.spec.initContainers;
}

/** Applies `profile` to `pod` for its container `name` (ProfileApplier.Apply). */
export function applyProfile(profile: ProfileName, keep: KeepFlags, pod: Json, name: string, style: DebugStyle): void {
  const c = containerNamed(pod, name) ?? {};
  switch (profile) {
    case 'legacy':
      if (style === 'node') {
        mountRootPartition(pod, name);
        useHostNamespaces(pod);
      } else if (style === 'podCopy') delete pod.metadata.labels; // whatever --keep-labels says

      return;
    case 'general':
      if (style === 'node') {
        mountRootPartition(pod, name);
        delete c.securityContext;
        useHostNamespaces(pod);
      } else {
        if (style === 'podCopy') removeForCopy(pod, keep);
        addCapability(c, 'SYS_PTRACE');
        if (style === 'podCopy') shareProcessNamespace(pod);
      }
      return;
    case 'baseline':
    case 'restricted':
      delete c.securityContext;
      if (profile === 'restricted') {
        securityContext(c).runAsNonRoot = true;
        const caps = (securityContext(c).capabilities ??= {});
        caps.drop = ['ALL'];
        delete caps.add;
        securityContext(c).allowPrivilegeEscalation = false;
        securityContext(c).seccompProfile = { type: 'RuntimeDefault' };
      }
      break;
    case 'netadmin':
      addCapability(c, 'NET_ADMIN');
      addCapability(c, 'NET_RAW');
      if (style === 'node') useHostNamespaces(pod);
      break;
    case 'sysadmin':
      securityContext(c).privileged = true;
      if (style === 'node') {
        useHostNamespaces(pod);
        mountRootPartition(pod, name);
      }
      break;
  }
  if (style === 'podCopy') {
    removeForCopy(pod, keep);
    shareProcessNamespace(pod);
  }
}
