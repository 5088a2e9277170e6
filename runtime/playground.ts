import { ApiClient } from './api/client';
import { refusingWhile } from './api/connection-refused';
import type { Clock } from './clock';
import { createCluster, resetCluster, type Cluster } from './cluster';
import { kubectl } from './kubectl/kubectl-command';
import { loadLazyCommands } from './shell/commands/lazy';
import { minikube as minikubeCommand } from './minikube/cli/minikube-command';
import { createMinikubeMachine } from './minikube/machine';
import { createMetricsServer } from './minikube/metrics';
import type { MinikubeComponents } from './minikube/start';
import { PodNetwork } from './network/cluster-network';
import type { PageRequest, PageResponse } from './shell/host-browser';
import { createHostNetwork, OFFLINE_NETWORK } from './network/host-network';
import type { Rng } from './rng';
import type { ClockControls, ShellCommand } from './shell/command';
import { SHELL_COMMANDS } from './shell/commands';
import { History } from './shell/history';
import { createHostFilesystem } from './shell/host-filesystem';
import { ShellSession, type SessionServices, type TerminalOutput } from './shell/session';
import type { StorageBackend } from './storage/backend';

/** Everything the runtime takes from its host. */
export interface PlaygroundDeps {
  clock: Clock;
  /** The clock's controls, where the learner may move it (`minikube clock`, the page header). */
  clockControls?: ClockControls;
  rng: Rng;
  storage: StorageBackend;
  /**
   * Boot the cluster's components (controllers, scheduler, kubelets and minikube's addons) on
   * top of the API server; on by default. Off, the cluster is an API server alone.
   */
  components?: boolean;
}

/**
 * A whole kubeplay: the cluster, and the learner's host machine with its shell sessions.
 * The browser worker, the Node CLI and the tests all build one of these.
 */
export interface Playground {
  cluster: Cluster;
  /**
   * Boots the cluster's components (controllers, scheduler, kubelets, addons) once; later calls
   * return the same promise. Their code is a chunk of its own, so a host can show the first
   * prompt before loading it. Resolves undefined when the playground runs without components.
   */
  startComponents(): Promise<MinikubeComponents | undefined>;
  /** Loads the commands kept out of the first prompt's code (kubectl, jq, the editors …). */
  loadCommands(): Promise<void>;
  /** Stops the cluster's components (their timers), so a host process can exit. */
  stop(): Promise<void>;
  /** Loads a page as the browser on the learner's host does (the page's browser tabs). */
  loadPage(request: PageRequest): Promise<PageResponse>;
  /** Opens an interactive shell drawing on `terminal`, `cols` × `rows`; call start() to prompt. */
  openSession(terminal: TerminalOutput, cols: number, rows?: number): ShellSession;
}

/** Boots a playground: loads what the storage keeps, then assembles cluster and host. */
export async function createPlayground(deps: PlaygroundDeps): Promise<Playground> {
  const network = new PodNetwork();
  const metrics = createMetricsServer(deps.clock);
  const cluster = await createCluster({ ...deps, network, metrics: metrics.server });
  const machine = createMinikubeMachine(
    deps.components === false
      ? undefined
      : () =>
          import('./minikube/start').then((m) =>
            m.startMinikube(cluster.api, network, deps.clock, deps.rng, { metrics }),
          ),
    () => resetCluster(cluster),
  );
  const startComponents = (): Promise<MinikubeComponents | undefined> => machine.components();
  const history = await History.load(deps.storage, deps.clock, deps.rng);
  const hostFs = await createHostFilesystem({ storage: deps.storage, clock: deps.clock });
  const commands = new Map<string, ShellCommand>([...SHELL_COMMANDS, kubectl, minikubeCommand].map((c) => [c.name, c]));
  const services: SessionServices = {
    clock: deps.clock,
    clockControls: deps.clockControls,
    // A stopped minikube's API server is not listening: the host's clients are refused.
    api: new ApiClient(refusingWhile(cluster.api, () => machine.state === 'Stopped')),
    fs: hostFs,
    network: createHostNetwork({
      clock: deps.clock,
      rng: deps.rng,
      api: cluster.api,
      pods: network,
      hostsFile: () => (hostFs.exists('/etc/hosts') ? hostFs.readFile('/etc/hosts') : undefined),
    }),
    history,
    minikube: machine,
    commands,
  };
  return {
    cluster,
    startComponents,
    loadCommands: () => loadLazyCommands(commands.values()),
    stop: () => machine.stop(),
    // The browser's code loads with the first page a tab asks for.
    loadPage: (request) =>
      import('./shell/host-browser').then((m) => m.loadPage(services.network ?? OFFLINE_NETWORK, deps.clock, request)),
    openSession: (terminal, cols, rows) => new ShellSession(services, terminal, cols, rows),
  };
}
