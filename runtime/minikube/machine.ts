import type { MinikubeComponents } from './start';

/** The minikube machine's state as its driver reports it (`minikube status`'s host line). */
export type MachineState = 'Running' | 'Stopped' | 'Paused';

/** One row of minikube's audit log (~/.minikube/logs/audit.json): a command and when it ran. */
export interface AuditRecord {
  command: string;
  /** The arguments after the command, space-joined as os.Args[2:] are. */
  args: string;
  user: string;
  /** On the cluster clock, in ms; endTime stays unset while the command runs. */
  startTime: number;
  endTime?: number;
}

/** What the last `minikube start` printed, for `minikube logs`' Last Start section. */
export interface LastStart {
  time: number;
  output: string;
}

/**
 * The minikube machine a shell's `minikube` drives: its components (controllers, scheduler,
 * kubelets) and whether they run, are stopped (`minikube stop`) or paused (`minikube pause`).
 * One per playground; every session shares it, as every terminal on a host shares the profile.
 */
export interface MinikubeMachine {
  readonly state: MachineState;
  /** The running components, booting them once; undefined when the playground has none. */
  components(): Promise<MinikubeComponents | undefined>;
  /** Stops the components (`minikube stop`); components() boots them again. */
  stop(): Promise<void>;
  /** Marks the machine paused or running again (`minikube pause`, `minikube unpause`). */
  setPaused(paused: boolean): void;
  /** Stops the components and empties the cluster (`minikube delete`); components() boots a fresh one. */
  delete(): Promise<void>;
  /** The audit log of this page's minikube commands, oldest first (kept in memory only). */
  readonly audit: AuditRecord[];
  /** The last `minikube start` run on this page, if any. */
  lastStart?: LastStart;
}

/**
 * A machine over `boot`, which starts the components (undefined: a playground without them), and
 * `wipe`, which empties the cluster.
 */
export function createMinikubeMachine(
  boot: (() => Promise<MinikubeComponents>) | undefined,
  wipe: () => Promise<void> = () => Promise.resolve(),
): MinikubeMachine {
  let running: Promise<MinikubeComponents | undefined> | undefined;
  let state: MachineState = 'Running';
  return {
    audit: [],
    get state() {
      return state;
    },
    components() {
      if (!running) {
        state = 'Running';
        running = boot ? boot() : Promise.resolve(undefined);
      }
      return running;
    },
    async stop() {
      const was = running;
      running = undefined;
      state = 'Stopped';
      await (await was?.catch(() => undefined))?.stop();
    },
    async delete() {
      await this.stop();
      await wipe();
    },
    setPaused(paused) {
      if (state !== 'Stopped') state = paused ? 'Paused' : 'Running';
    },
  };
}
