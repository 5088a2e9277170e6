import type { LastStart } from '../machine';
import { klogPrefix } from './logs-journal';
import { KIC_VERSION, preparingLine } from './start';

// ~/.minikube/logs/lastStart.txt: klog's file of the last `minikube start`. kubeplay keeps what
// that start printed; each printed line went through out.String's klog.Info (out.go:179).

/** minikube v1.37.0's pid in these logs: any fixed number serves. */
const PID = 2417;

/** What the first `minikube start` printed when it created the cluster the page opened on. */
export function firstStartOutput(platform: string): string {
  return [
    `😄  minikube v1.37.0 on ${platform}`,
    '✨  Automatically selected the docker driver',
    '👍  Starting "minikube" primary control-plane node in "minikube" cluster',
    `🚜  Pulling base image ${KIC_VERSION} ...`,
    '🔥  Creating docker container (CPUs=2, Memory=3900MB) ...',
    `🐳  ${preparingLine()}`,
    '🔗  Configuring bridge CNI (Container Networking Interface) ...',
    '🔎  Verifying Kubernetes components...',
    '    ▪ Using image gcr.io/k8s-minikube/storage-provisioner:v5',
    '🌟  Enabled addons: storage-provisioner, default-storageclass',
    '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default',
    '',
  ].join('\n');
}

/** The file: klog's header, out.go's set-up lines, then each printed line. */
export function lastStartLog(start: LastStart): string {
  const d = new Date(start.time);
  const two = (n: number): string => String(n).padStart(2, '0');
  const created = `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  // Each line a little after the one before, as klog stamps them.
  let step = 0;
  const line = (where: string, message: string): string =>
    `${klogPrefix(start.time + 7 * step++, PID)}${where}] ${message}\n`;
  const setUp = [
    line('out.go:360', 'Setting OutFile to fd 1 ...'),
    line('out.go:413', 'isatty.IsTerminal(1) = true'),
    line('out.go:374', 'Setting ErrFile to fd 2...'),
    line('out.go:413', 'isatty.IsTerminal(2) = true'),
  ];
  const printed = start.output
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => line('out.go:179', l));
  return [
    `Log file created at: ${created}\n`,
    'Running on machine: kubeplay\n',
    'Binary: Built with gc go1.24.6 for linux/amd64\n',
    'Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg\n',
    ...setUp,
    ...printed,
  ].join('');
}
