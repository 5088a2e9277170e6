import type { MinikubeComponents } from './start';

/** The minikube machine's state as its driver reports it (`minikube status`'s host line). */
export type MachineState = 'Running' | 'Stopped' | 'Paused';

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
