import { shortId } from './docker-ps';
import type { NodeContainer } from './logs-containers';

// What the simulation keeps no record of, the node's journal and kernel ring buffer, told as a
// short excerpt in the real formats from what it does know: when the node booted and when each
// container started. Deterministic: the same cluster gives the same lines.

/** The control-plane node as the system logs see it. */
export interface NodeFacts {
  name: string;
  /** When the node registered (the kubelet and docker started just before). */
  booted: number;
  kernelVersion: string;
  osImage: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** journalctl's short format prefix: `Jan 01 00:00:00 minikube UNIT[PID]: `. */
function journalPrefix(ms: number, host: string, unit: string): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} ${host} ${unit}: `;
}

/** klog's header: `I0101 00:00:00.000000    1688 `. */
export function klogPrefix(ms: number, pid: number, severity = 'I'): string {
  const d = new Date(ms);
  const micros = pad(d.getUTCMilliseconds() * 1000, 6);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros}`;
  return `${severity}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${time} ${String(pid).padStart(7)} `;
}

/** The last `lines` of `all` (0: all of them), as `journalctl -n` and `tail -n` keep them. */
const tail = (all: string[], lines: number): string[] => (lines > 0 ? all.slice(-lines) : all);
const text = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');

/** PIDs inside the kicbase container: systemd starts docker, cri-docker, then the kubelet. */
const PID = { dockerd: 1037, criDockerd: 1342, kubelet: 1688 };

const podKey = (c: NodeContainer): string => `${c.namespace}/${c.pod}`;

/** `sudo journalctl -u kubelet -n N`: the kubelet's start, its registration, each pod it started. */
export function kubeletJournal(node: NodeFacts, containers: readonly NodeContainer[], lines: number): string {
  const at = (ms: number, message: string): string =>
    `${journalPrefix(ms, node.name, `kubelet[${PID.kubelet}]`)}${klogPrefix(ms, PID.kubelet)}${message}`;
  const boot = node.booted - 2000;
  const entries: Array<[number, string]> = [
    [boot, `${journalPrefix(boot, node.name, 'systemd[1]')}Started kubelet: The Kubernetes Node Agent.`],
    [boot + 150, at(boot + 150, 'server.go:529] "Kubelet version" kubeletVersion="v1.34.0"')],
    [boot + 900, at(boot + 900, 'kubelet_node_status.go:75] "Attempting to register node" node="minikube"')],
    [node.booted, at(node.booted, 'kubelet_node_status.go:78] "Successfully registered node" node="minikube"')],
  ];
  // PLEG reports each container it saw start (oldest first).
  for (const c of [...containers].reverse()) {
    if (!c.running) continue;
    const event = `{"ID":"${c.podUid}","Type":"ContainerStarted","Data":"${c.id}"}`;
    entries.push([
      c.created,
      at(c.created, `kubelet.go:2544] "SyncLoop (PLEG): event for pod" pod="${podKey(c)}" event=${event}`),
    ]);
  }
  return text(
    tail(
      entries.sort((a, b) => a[0] - b[0]).map(([, line]) => line),
      lines,
    ),
  );
}

/** `sudo journalctl -u docker -u cri-docker -n N`: dockerd's and cri-dockerd's start, then each sandbox's DNS. */
export function dockerJournal(node: NodeFacts, containers: readonly NodeContainer[], lines: number): string {
  const boot = node.booted - 6000;
  // logrus: RFC3339Nano (trailing zeros dropped) for dockerd, RFC3339 for cri-dockerd.
  const dockerd = (ms: number, msg: string, fields = ''): string =>
    `${journalPrefix(ms, node.name, `dockerd[${PID.dockerd}]`)}time="${new Date(ms).toISOString().replace(/\.?0*Z$/, 'Z')}" level=info msg="${msg}"${fields}`;
  const criDockerd = (ms: number, msg: string): string =>
    `${journalPrefix(ms, node.name, `cri-dockerd[${PID.criDockerd}]`)}time="${new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')}" level=info msg="${msg}"`;
  const all = [
    `${journalPrefix(boot, node.name, 'systemd[1]')}Starting Docker Application Container Engine...`,
    dockerd(boot + 40, 'Starting up'),
    dockerd(boot + 310, 'Loading containers: start.'),
    dockerd(boot + 820, 'Loading containers: done.'),
    dockerd(
      boot + 850,
      'Docker daemon',
      ' commit=249d679 containerd-snapshotter=false storage-driver=overlay2 version=28.4.0',
    ),
    dockerd(boot + 860, 'Daemon has completed initialization'),
    dockerd(boot + 890, 'API listen on /var/run/docker.sock'),
    dockerd(boot + 890, 'API listen on [::]:2376'),
    `${journalPrefix(boot + 900, node.name, 'systemd[1]')}Started Docker Application Container Engine.`,
    `${journalPrefix(boot + 1200, node.name, 'systemd[1]')}Starting CRI Interface for Docker Application Container Engine...`,
    criDockerd(boot + 1250, 'Starting cri-dockerd dev (HEAD)'),
    criDockerd(boot + 1260, 'Connecting to docker on the Endpoint unix:///var/run/docker.sock'),
    criDockerd(boot + 1300, 'Start docker client with request timeout 0s'),
    criDockerd(boot + 1400, 'Docker cri networking managed by kubernetes.io/no-op'),
    criDockerd(boot + 1500, 'Start cri-dockerd grpc backend'),
    `${journalPrefix(boot + 1500, node.name, 'systemd[1]')}Started CRI Interface for Docker Application Container Engine.`,
  ];
  // cri-dockerd rewrites each new sandbox's resolv.conf: the node's for kube-system, cluster DNS for the rest.
  const sandboxes = new Map<string, NodeContainer>();
  for (const c of [...containers].reverse()) if (!sandboxes.has(c.podUid)) sandboxes.set(c.podUid, c);
  const sandboxLines = [...sandboxes.values()].map((c) => {
    const dns =
      c.namespace === 'kube-system'
        ? 'nameserver 192.168.49.1 options edns0 trust-ad ndots:0'
        : `nameserver 10.96.0.10 search ${c.namespace}.svc.cluster.local svc.cluster.local cluster.local options ndots:5`;
    const dir = `/var/lib/docker/containers/${shortId(`sandbox/${c.podUid}`, 64)}`;
    return criDockerd(c.created - 500, `Will attempt to re-write config file ${dir}/resolv.conf as [${dns}]`);
  });
  return text(tail([...all, ...sandboxLines], lines));
}

/** `sudo dmesg -PH -L=never --level warn,err,crit,alert,emerg | tail -n N`: the host kernel's warnings. */
export function dmesgWarnings(node: NodeFacts, lines: number): string {
  const d = new Date(node.booted - 60_000);
  // dmesg -H: the first line's wall time (`%b%e %H:%M`), then each line's distance from the one before.
  const first = `[${MONTHS[d.getUTCMonth()]}${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}]`;
  const all = [
    `${first} overlayfs: idmapped layers are currently not supported`,
    '[  +0.000009] overlayfs: idmapped layers are currently not supported',
    '[  +5.271893] kauditd_printk_skb: 14 callbacks suppressed',
    '[  +0.412087] overlayfs: idmapped layers are currently not supported',
  ];
  return text(tail(all, lines));
}

/** procps' `uptime`: ` 00:02:00 up 2 min,  0 users,  load average: 0.52, 0.41, 0.33`. */
function uptime(now: number, booted: number): string {
  const d = new Date(now);
  const minutes = Math.floor(Math.max(0, now - booted) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const up = `${days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}, ` : ''}${hours > 0 ? `${String(hours).padStart(2)}:${pad(minutes % 60)}, ` : `${minutes % 60} min, `}`;
  return ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} up ${up} 0 users,  load average: 0.52, 0.41, 0.33`;
}

/** `uptime && uname -a && grep PRETTY /etc/os-release` on the node (the host's kernel, the kicbase OS). */
export function kernelSection(node: NodeFacts, now: number): string {
  return text([
    uptime(now, node.booted),
    `Linux ${node.name} ${node.kernelVersion} #50-Ubuntu SMP Wed Nov  5 18:28:30 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux`,
    `PRETTY_NAME="${node.osImage}"`,
  ]);
}
