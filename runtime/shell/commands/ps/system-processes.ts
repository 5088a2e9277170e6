// Every process of the learner's host besides the learner's own session, as ps and top list
// them: the kernel's threads, a minimal Ubuntu 24.04 cloud VM (systemd and its daemons, sshd,
// containerd, Docker) and — the docker driver runs minikube in a container on the same kernel —
// everything inside the minikube container: its systemd, Docker, cri-dockerd, the kubelet, and
// each pod's pause and app containers with their containerd shims. Static and self-consistent:
// parents start before children, pids grow with start times, all below the login shell's 4242.

/** One process of the host (sizes in KiB, times in seconds after boot). */
export interface SystemProcess {
  pid: number;
  ppid: number;
  uid: number;
  /** The kernel's name for it (/proc/PID/comm, 15 characters at most for a program). */
  comm: string;
  /** Its command line; a kernel thread has none. */
  args?: string;
  /** When it started, seconds after boot, or 'login' for the learner's login (sshd, systemd --user). */
  start: number | 'login';
  /** Its average use of one CPU (0.06 is 6 %). */
  cpu: number;
  vsz: number;
  rss: number;
  shr: number;
  threads: number;
  /** S sleeping, I idle (kernel threads), R running. */
  state?: 'S' | 'I' | 'R';
  nice?: number;
  /** A SCHED_FIFO priority (the kernel's migration and watchdog threads, multipathd). */
  rtprio?: number;
  /** Its controlling terminal, for the gettys. */
  tty?: string;
  /** Its session, when it does not lead its own (a kernel thread's is 0). */
  sid?: number;
  /** Memory locked in RAM (multipathd): `L` in STAT. */
  locked?: boolean;
  /** Where it sleeps in the kernel (ps -l's WCHAN). */
  wchan?: string;
}

const SHIM = '/usr/bin/containerd-shim-runc-v2 -namespace moby -address /run/containerd/containerd.sock -id';

/** The kernel threads of Linux 6.8 on 2 CPUs: pid, name, state (nice or rt priority after). */
const KERNEL_THREADS = `
2 kthreadd S
3 pool_workqueue_ S
4 kworker/R-rcu_g I -20
5 kworker/R-rcu_p I -20
6 kworker/R-slub_ I -20
7 kworker/R-netns I -20
9 kworker/0:0H-events_highpri I -20
12 kworker/R-mm_pe I -20
13 rcu_tasks_kthre I
14 rcu_tasks_rude_ I
15 rcu_tasks_trace I
16 ksoftirqd/0 S
17 rcu_preempt I
18 migration/0 S rt99
19 idle_inject/0 S rt50
20 cpuhp/0 S
21 cpuhp/1 S
22 idle_inject/1 S rt50
23 migration/1 S rt99
24 ksoftirqd/1 S
26 kworker/1:0H-events_highpri I -20
27 kdevtmpfs S
28 kworker/R-inet_ I -20
29 kauditd S
30 khungtaskd S
31 oom_reaper S
33 kworker/R-write I -20
34 kcompactd0 S
35 ksmd S 5
36 khugepaged S 19
37 kworker/R-kinte I -20
38 kworker/R-kbloc I -20
39 kworker/R-blkcg I -20
40 irq/9-acpi S rt50
42 kworker/R-tpm_d I -20
43 kworker/R-ata_s I -20
44 kworker/R-md I -20
45 kworker/R-md_bi I -20
46 kworker/R-edac- I -20
47 kworker/R-devfr I -20
48 watchdogd S rt99
49 kworker/0:1H-kblockd I -20
50 kswapd0 S
51 ecryptfs-kthrea S
52 kworker/R-kthro I -20
53 kworker/R-acpi_ I -20
56 kworker/R-mld I -20
57 kworker/R-ipv6_ I -20
64 kworker/R-kstrp I -20
66 kworker/u5:0 I -20
79 kworker/R-charg I -20
104 kworker/1:1H-kblockd I -20
138 kworker/R-raid5 I -20
181 jbd2/sda1-8 S
182 kworker/R-ext4- I -20
3541 kworker/0:2-events I
3662 kworker/u4:2-events_unbound I
4012 kworker/1:0-mm_percpu_wq I
4105 kworker/0:0-events I
`;

/** The kernel's threads, children of kthreadd; the later kworkers come and go as work does. */
function kernelThreads(): SystemProcess[] {
  return KERNEL_THREADS.trim()
    .split('\n')
    .map((line) => {
      const [pid, comm, state, extra] = line.split(' ');
      const n = Number(pid);
      const busy = /^(rcu_preempt|ksoftirqd|kworker\/\d:\d-)/.test(comm);
      return {
        pid: n,
        ppid: n === 2 ? 0 : 2,
        uid: 0,
        comm,
        start: n < 200 ? n / 1000 : n / 4,
        cpu: busy ? 0.0004 : 0.00001,
        vsz: 0,
        rss: 0,
        shr: 0,
        threads: 1,
        state: state as 'S' | 'I',
        nice: extra && !extra.startsWith('rt') ? Number(extra) : undefined,
        rtprio: extra?.startsWith('rt') ? Number(extra.slice(2)) : undefined,
        sid: 0,
        wchan: comm === 'kthreadd' ? 'kthreadd' : state === 'I' ? 'worker_thread' : 'smpboot_thread_fn',
      };
    });
}

type Row = [pid: number, ppid: number, uid: number, start: number | 'login', cpu: number, vsz: number, rss: number];
type More = Partial<SystemProcess> & { shr: number; threads: number; comm: string; args: string };

const row = ([pid, ppid, uid, start, cpu, vsz, rss]: Row, more: More): SystemProcess => ({
  pid,
  ppid,
  uid,
  start,
  cpu,
  vsz,
  rss,
  wchan: more.threads > 1 ? 'futex_wait_queue' : 'ep_poll',
  ...more,
});

/** The VM's own daemons: systemd's units on a minimal Ubuntu 24.04 server image, and Docker. */
const HOST: SystemProcess[] = [
  row([1, 0, 0, 0, 0.0008, 22568, 13476], { shr: 9380, threads: 1, comm: 'systemd', args: '/sbin/init' }),
  row([312, 1, 0, 1.6, 0.0003, 50356, 17148], {
    shr: 16120,
    threads: 1,
    comm: 'systemd-journal',
    args: '/usr/lib/systemd/systemd-journald',
  }),
  row([356, 1, 0, 1.9, 0.0002, 288968, 27008], {
    shr: 8192,
    threads: 7,
    rtprio: 99,
    locked: true,
    comm: 'multipathd',
    args: '/sbin/multipathd -d -s',
  }),
  row([370, 1, 0, 2.1, 0.0001, 25872, 6656], {
    shr: 4224,
    threads: 1,
    comm: 'systemd-udevd',
    args: '/usr/lib/systemd/systemd-udevd',
  }),
  row([512, 1, 998, 3.2, 0.0001, 19008, 9472], {
    shr: 8320,
    threads: 1,
    comm: 'systemd-network',
    args: '/usr/lib/systemd/systemd-networkd',
  }),
  row([540, 1, 991, 3.4, 0.0002, 21452, 12800], {
    shr: 10496,
    threads: 1,
    comm: 'systemd-resolve',
    args: '/usr/lib/systemd/systemd-resolved',
  }),
  row([541, 1, 996, 3.4, 0.00005, 91020, 7680], {
    shr: 6784,
    threads: 2,
    comm: 'systemd-timesyn',
    args: '/usr/lib/systemd/systemd-timesyncd',
  }),
  row([598, 1, 0, 4.1, 0.00002, 7192, 2816], { shr: 2560, threads: 1, comm: 'cron', args: '/usr/sbin/cron -f -P' }),
  row([599, 1, 100, 4.1, 0.0002, 9712, 4992], {
    shr: 4096,
    threads: 1,
    comm: 'dbus-daemon',
    args: '@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only',
  }),
  row([607, 1, 0, 4.2, 0.0001, 32380, 19968], {
    shr: 10496,
    threads: 1,
    comm: 'networkd-dispat',
    args: '/usr/bin/python3 /usr/bin/networkd-dispatcher --run-startup-triggers',
  }),
  row([610, 1, 102, 4.2, 0.00005, 222508, 5248], {
    shr: 3712,
    threads: 4,
    comm: 'rsyslogd',
    args: '/usr/sbin/rsyslogd -n -iNONE',
  }),
  row([614, 1, 0, 4.3, 0.0001, 18000, 8448], {
    shr: 7424,
    threads: 1,
    comm: 'systemd-logind',
    args: '/usr/lib/systemd/systemd-logind',
  }),
  row([620, 1, 989, 4.3, 0.00005, 308164, 7936], {
    shr: 6144,
    threads: 3,
    comm: 'polkitd',
    args: '/usr/lib/polkit-1/polkitd --no-debug',
  }),
  row([651, 1, 0, 5.1, 0.003, 1875584, 46592], {
    shr: 31488,
    threads: 9,
    comm: 'containerd',
    args: '/usr/bin/containerd',
  }),
  row([668, 1, 0, 5.2, 0.00002, 109664, 22272], {
    shr: 13312,
    threads: 2,
    comm: 'unattended-upgr',
    args: '/usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal',
  }),
  row([674, 1, 0, 5.3, 0, 6176, 2048], {
    shr: 1920,
    threads: 1,
    tty: 'ttyS0',
    wchan: 'do_select',
    comm: 'agetty',
    args: '/sbin/agetty -o -p -- \\u --keep-baud 115200,57600,38400,9600 - vt220',
  }),
  row([680, 1, 0, 5.3, 0, 6220, 1920], {
    shr: 1792,
    threads: 1,
    tty: 'tty1',
    wchan: 'do_select',
    comm: 'agetty',
    args: '/sbin/agetty -o -p -- \\u --noclear - linux',
  }),
  row([702, 1, 0, 5.4, 0.00005, 12020, 7936], {
    shr: 6912,
    threads: 1,
    wchan: 'do_sys_poll',
    comm: 'sshd',
    args: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
  }),
  row([745, 1, 0, 6.5, 0.002, 2510952, 82688], {
    shr: 49664,
    threads: 11,
    comm: 'dockerd',
    args: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
  }),
  ...[22, 2376, 5000, 8443, 32443].map((port, i) =>
    row([1402 + 2 * i, 745, 0, 24.6 + i / 20, 0.00002, 1745276, 3840], {
      shr: 3328,
      threads: 5,
      sid: 745,
      comm: 'docker-proxy',
      args: `/usr/bin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port ${32768 + i} -container-ip 192.168.49.2 -container-port ${port}`,
    }),
  ),
  row([1425, 1, 0, 24.9, 0.001, 1238548, 13824], {
    shr: 9984,
    threads: 10,
    comm: 'containerd-shim',
    args: `${SHIM} edd3e1a073de25b026e1b186550769e0e34f376dc8cfdef151073f456ce4ff01`,
  }),
];

/** minikube's node: the kicbase container's systemd units and the kubelet. */
const NODE: SystemProcess[] = [
  row([1448, 1425, 0, 25.2, 0.004, 22172, 12544], { shr: 8576, threads: 1, comm: 'systemd', args: '/sbin/init' }),
  row([1620, 1448, 0, 26.0, 0.002, 27468, 11520], {
    shr: 10496,
    threads: 1,
    comm: 'systemd-journal',
    args: '/lib/systemd/systemd-journald',
  }),
  row([1638, 1448, 0, 26.3, 0, 15436, 8704], {
    shr: 7680,
    threads: 1,
    wchan: 'do_sys_poll',
    comm: 'sshd',
    args: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
  }),
  row([1671, 1448, 0, 26.9, 0.004, 1948292, 52224], {
    shr: 33280,
    threads: 10,
    comm: 'containerd',
    args: '/usr/bin/containerd',
  }),
  row([1702, 1448, 0, 28.1, 0.012, 2672540, 97792], {
    shr: 52480,
    threads: 13,
    comm: 'dockerd',
    args:
      '/usr/bin/dockerd -H tcp://0.0.0.0:2376 -H unix:///var/run/docker.sock --default-ulimit=nofile=1048576:1048576 ' +
      '--tlsverify --tlscacert /etc/docker/ca.pem --tlscert /etc/docker/server.pem --tlskey /etc/docker/server-key.pem ' +
      '--label provider=docker --insecure-registry 10.96.0.0/12',
  }),
  row([1873, 1448, 0, 30.4, 0.008, 1893036, 41728], {
    shr: 28416,
    threads: 11,
    comm: 'cri-dockerd',
    args:
      '/usr/bin/cri-dockerd --container-runtime-endpoint fd:// --pod-infra-container-image=registry.k8s.io/pause:3.10.1 ' +
      '--network-plugin=cni --hairpin-mode=hairpin-veth',
  }),
  row([2161, 1448, 0, 33.7, 0.035, 2353464, 98560], {
    shr: 63488,
    threads: 15,
    comm: 'kubelet',
    args:
      '/var/lib/minikube/binaries/v1.34.0/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf ' +
      '--config=/var/lib/kubelet/config.yaml --hostname-override=minikube --kubeconfig=/etc/kubernetes/kubelet.conf ' +
      '--node-ip=192.168.49.2',
  }),
];

/** The learner's login: sshd's privileged monitor and session, and the learner's systemd. */
const LOGIN: SystemProcess[] = [
  row([4178, 702, 0, 'login', 0.00002, 14644, 9344], {
    shr: 8064,
    threads: 1,
    wchan: 'do_sys_poll',
    comm: 'sshd',
    args: 'sshd: learner [priv]',
  }),
  row([4183, 1, 1000, 'login', 0.0001, 20208, 11392], {
    shr: 9728,
    threads: 1,
    comm: 'systemd',
    args: '/usr/lib/systemd/systemd --user',
  }),
  row([4184, 4183, 1000, 'login', 0, 21412, 3420], {
    shr: 1536,
    threads: 1,
    sid: 4183,
    wchan: 'do_sigtimedwait',
    comm: '(sd-pam)',
    args: '(sd-pam)',
  }),
  row([4241, 4178, 1000, 'login', 0.00005, 14904, 6864], {
    shr: 4864,
    threads: 1,
    sid: 4178,
    wchan: 'do_sys_poll',
    comm: 'sshd',
    args: 'sshd: learner@pts/0',
  }),
];

/** One pod container on the node: its shim (a child of the node's init) and its process. */
function container(
  shimPid: number,
  id: string,
  start: number,
  proc: Omit<SystemProcess, 'pid' | 'ppid' | 'start' | 'state'> & { pid: number },
): SystemProcess[] {
  return [
    row([shimPid, 1448, 0, start, 0.0015, 1238292, 14592], {
      shr: 10240,
      threads: 11,
      comm: 'containerd-shim',
      args: `${SHIM} ${id}`,
    }),
    { ...proc, ppid: shimPid, start: start + 0.3, wchan: proc.threads > 1 ? 'futex_wait_queue' : 'do_sys_poll' },
  ];
}

const pause = (pid: number): Omit<SystemProcess, 'ppid' | 'start' | 'state'> & { pid: number } => ({
  pid,
  uid: 65535,
  comm: 'pause',
  args: '/pause',
  cpu: 0,
  vsz: 996,
  rss: 512,
  shr: 512,
  threads: 1,
});

const main = (pid: number, comm: string, args: string, cpu: number, vsz: number, rss: number, threads: number) => ({
  pid,
  uid: 0,
  comm,
  args,
  cpu,
  vsz,
  rss,
  shr: Math.round(rss / 3 / 4) * 4,
  threads,
});

const CERTS = '/var/lib/minikube/certs';

/** The control plane's static pods and the default addons, as kubeadm and minikube start them. */
const PODS: SystemProcess[] = [
  ...container(2290, '9668387752919d393d0b24c11157b9c03955a0e453b99e9ad0ef57dc2c324c82', 35.8, pause(2362)),
  ...container(2291, 'cd30130ab1dc3eada7058a63b0b6cbaf4abdee1d4e8fa617adf4b281309fca0c', 35.8, pause(2371)),
  ...container(2296, 'd60c70f4f42c9b9367f116775501d42e92772aeaf4f4c4df7dd3d75918a83c15', 35.9, pause(2372)),
  ...container(2303, '3142a8d2246eb3b8e70ee69e95df7aa2c54b3b1e9acbdc6726108ada6e460b8e', 35.9, pause(2380)),
  ...container(
    2463,
    '38eb0dcded44ab68834d2404f34433724a7c8271795cb6b03d41f24ee91a4afb',
    37.1,
    main(
      2510,
      'etcd',
      `etcd --advertise-client-urls=https://192.168.49.2:2379 --cert-file=${CERTS}/etcd/server.crt ` +
        '--client-cert-auth=true --data-dir=/var/lib/minikube/etcd --feature-gates=InitialCorruptCheck=true ' +
        '--initial-advertise-peer-urls=https://192.168.49.2:2380 --initial-cluster=minikube=https://192.168.49.2:2380 ' +
        `--key-file=${CERTS}/etcd/server.key --listen-client-urls=https://127.0.0.1:2379,https://192.168.49.2:2379 ` +
        '--listen-metrics-urls=http://127.0.0.1:2381 --listen-peer-urls=https://192.168.49.2:2380 --name=minikube ' +
        `--peer-cert-file=${CERTS}/etcd/peer.crt --peer-client-cert-auth=true --peer-key-file=${CERTS}/etcd/peer.key ` +
        `--peer-trusted-ca-file=${CERTS}/etcd/ca.crt --proxy-refresh-interval=70000 --snapshot-count=10000 ` +
        `--trusted-ca-file=${CERTS}/etcd/ca.crt --watch-progress-notify-interval=5s`,
      0.025,
      11741912,
      61440,
      10,
    ),
  ),
  ...container(
    2470,
    '0f2f872ffa2bec7f6eaccf90a0a35b7168a12224e1beb5205bb1e3fdf35039e1',
    37.2,
    main(
      2517,
      'kube-apiserver',
      'kube-apiserver --advertise-address=192.168.49.2 --allow-privileged=true --authorization-mode=Node,RBAC ' +
        `--client-ca-file=${CERTS}/ca.crt --enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,` +
        'DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,' +
        `ResourceQuota --enable-bootstrap-token-auth=true --etcd-cafile=${CERTS}/etcd/ca.crt ` +
        `--etcd-certfile=${CERTS}/apiserver-etcd-client.crt --etcd-keyfile=${CERTS}/apiserver-etcd-client.key ` +
        `--etcd-servers=https://127.0.0.1:2379 --kubelet-client-certificate=${CERTS}/apiserver-kubelet-client.crt ` +
        `--kubelet-client-key=${CERTS}/apiserver-kubelet-client.key ` +
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname ' +
        `--proxy-client-cert-file=${CERTS}/front-proxy-client.crt --proxy-client-key-file=${CERTS}/front-proxy-client.key ` +
        `--requestheader-allowed-names=front-proxy-client --requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt ` +
        '--requestheader-extra-headers-prefix=X-Remote-Extra- --requestheader-group-headers=X-Remote-Group ' +
        '--requestheader-username-headers=X-Remote-User --secure-port=8443 ' +
        `--service-account-issuer=https://kubernetes.default.svc.cluster.local --service-account-key-file=${CERTS}/sa.pub ` +
        `--service-account-signing-key-file=${CERTS}/sa.key --service-cluster-ip-range=10.96.0.0/12 ` +
        `--tls-cert-file=${CERTS}/apiserver.crt --tls-private-key-file=${CERTS}/apiserver.key`,
      0.06,
      1637632,
      276480,
      11,
    ),
  ),
  ...container(
    2488,
    '30b7748f6d2b94ef32cdad14120d7733df637d470a8806bcf15eeec19882e6c5',
    37.3,
    main(
      2540,
      'kube-controller',
      'kube-controller-manager --allocate-node-cidrs=true --authentication-kubeconfig=/etc/kubernetes/controller-manager.conf ' +
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf --bind-address=127.0.0.1 ' +
        `--client-ca-file=${CERTS}/ca.crt --cluster-cidr=10.244.0.0/16 --cluster-name=mk ` +
        `--cluster-signing-cert-file=${CERTS}/ca.crt --cluster-signing-key-file=${CERTS}/ca.key ` +
        '--controllers=*,bootstrapsigner,tokencleaner --kubeconfig=/etc/kubernetes/controller-manager.conf ' +
        `--leader-elect=false --requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt --root-ca-file=${CERTS}/ca.crt ` +
        `--service-account-private-key-file=${CERTS}/sa.key --service-cluster-ip-range=10.96.0.0/12 ` +
        '--use-service-account-credentials=true',
      0.018,
      1320836,
      107520,
      8,
    ),
  ),
  ...container(
    2495,
    'd02bb90580ccb5cdbb2f3b134ed289347386445e79177f0f6da57706ea72b73d',
    37.3,
    main(
      2546,
      'kube-scheduler',
      'kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf ' +
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf --bind-address=127.0.0.1 ' +
        '--kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=false',
      0.005,
      1295380,
      61696,
      9,
    ),
  ),
  ...container(2930, '567024030771514702b0eb4f8f2c5cdd7b370eb3b1405047487eab33c210eded', 51.6, pause(2952)),
  ...container(
    2998,
    '4af4498b054fafc03539ff3b112ee7e582444cab85371ffecac1142c03bc6163',
    52.4,
    main(
      3015,
      'kube-proxy',
      '/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=minikube',
      0.001,
      1296012,
      52224,
      7,
    ),
  ),
  ...container(3061, 'f74f2388a0b765219c65dd373eba18ba7484ed2857478ebb654f4b91de751c73', 53.0, pause(3083)),
  ...container(
    3140,
    '048c349625617c494e4a2a3339b2061cb09b62ea3752c707d7ec38bdb21962d7',
    53.6,
    main(3158, 'storage-provisi', '/storage-provisioner', 0.001, 1283240, 28416, 8),
  ),
  ...container(3190, '88e1a54c9139e5ce608e180b17c214f279674b8fde977cb930333909b012dba5', 54.1, pause(3212)),
  ...container(3285, 'a98460e958233c41dfe612e28e73c8e34984d5716896aa09b2a05f094c1e6130', 54.8, {
    ...main(3303, 'coredns', '/coredns -conf /etc/coredns/Corefile', 0.003, 1285872, 38144, 9),
    uid: 65532,
  }),
];

/** Every process of the host but the session's, by pid. */
export const SYSTEM_PROCESSES: readonly SystemProcess[] = [
  ...kernelThreads(),
  ...HOST,
  ...NODE,
  ...PODS,
  ...LOGIN,
].sort((a, b) => a.pid - b.pid);
