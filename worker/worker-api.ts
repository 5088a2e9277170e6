import { ControlledClock, loadClockSettings, saveClockSettings } from '../runtime/clock-control';
import type { PageRequest, PageResponse } from '../runtime/shell/host-browser';

export type { PageRequest, PageResponse };
import { createPlayground, type Playground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import type { ShellSession } from '../runtime/shell/session';
import { MemoryBackend, type StorageBackend } from '../runtime/storage/backend';

/** How the page hears from one terminal session (passed through comlink as a proxy). */
export interface SessionListener {
  output(data: string): void;
  exit(code: number): void;
  /** A command opened `url` in the browser (`minikube service`, `minikube dashboard`). */
  open?(url: string): void;
}

/**
 * What the worker offers the page: terminal sessions on the playground it hosts. This is the
 * whole surface between app/ and the runtime.
 */
export interface WorkerApi {
  /** Opens a shell session and shows its first prompt; resolves to the session's id. */
  openSession(listener: SessionListener, cols: number, rows?: number): Promise<number>;
  /** Keystrokes or pasted text for session `id`. */
  input(id: number, data: string): void;
  /** Session `id`'s terminal is gone (its tab closed): the shell ends and its jobs with it. */
  closeSession(id: number): void;
  /** The terminal of session `id` is now `cols` × `rows`. */
  resize(id: number, cols: number, rows?: number): void;
  /** Loads a page in the learner's browser: over the host's network, as curl reaches it. */
  loadPage(request: PageRequest): Promise<PageResponse>;
  /** The cluster clock: its time, speed and whether it is paused. */
  clock(): Promise<ClockView>;
  /** Changes the cluster clock: pause or resume, set the speed, or step forward; resolves to its new state. */
  controlClock(change: ClockChange): Promise<ClockView>;
}

/** The cluster clock as the page shows it. */
export interface ClockView {
  now: number;
  speed: number;
  paused: boolean;
}

/** One change to the cluster clock. */
export type ClockChange = { paused: boolean } | { speed: number } | { stepMs: number };

/** Where the worker keeps state, and what to tell the learner if that is not IndexedDB. */
export interface WorkerStorage {
  backend: StorageBackend;
  warning?: string;
}

/** Builds the worker's API over a playground booted with the real clock and `storage`. */
export function createWorkerApi(
  storage: Promise<WorkerStorage>,
  waitingNotice: () => Promise<string> = async () => '',
): WorkerApi {
  let clock: ControlledClock | undefined;
  const boot = async (backend: StorageBackend): Promise<Playground> => {
    const seed = new Uint32Array(4);
    crypto.getRandomValues(seed);
    const host = {
      now: () => Date.now(),
      schedule: (callback: () => void, ms: number) => setTimeout(callback, ms),
      unschedule: (handle: unknown) => clearTimeout(handle as number),
    };
    // The learner's pause, speed and steps are kept, so a reload finds the clock as it was.
    clock = new ControlledClock(host, await loadClockSettings(backend).catch(() => undefined));
    const controlled = clock;
    controlled.onChange(() => void saveClockSettings(backend, controlled).catch(() => {}));
    const playground = await createPlayground({
      clock: controlled,
      clockControls: controlled,
      rng: createSeededRng(seed.join('-')),
      storage: backend,
    });
    return playground;
  };
  const view = (): ClockView => ({
    now: clock?.now() ?? Date.now(),
    speed: clock?.speed ?? 1,
    paused: clock?.paused ?? false,
  });
  // A saved cluster that cannot be opened (one a newer kubeplay wrote) is left as it is.
  const booted: Promise<{ playground: Playground; warning?: string }> = storage.then(({ backend, warning }) =>
    boot(backend).then(
      (playground) => ({ playground, warning }),
      async (error: unknown) => ({
        playground: await boot(new MemoryBackend()),
        warning: `the saved cluster could not be opened (${error instanceof Error ? error.message : String(error)}); this tab runs a new one and keeps nothing.`,
      }),
    ),
  );
  const sessions = new Map<number, ShellSession>();
  let nextId = 1;
  return {
    async openSession(listener, cols, rows) {
      const notice = await waitingNotice();
      if (notice) listener.output(`\x1b[33mkubeplay: ${notice}\x1b[0m\r\n`);
      const { playground, warning } = await booted;
      if (warning) listener.output(`\x1b[33mkubeplay: ${warning}\x1b[0m\r\n`);
      const terminal = { write: (data: string) => listener.output(data), open: (url: string) => listener.open?.(url) };
      const session = playground.openSession(terminal, cols, rows);
      const id = nextId++;
      sessions.set(id, session);
      session.onExit = (code) => {
        sessions.delete(id);
        listener.exit(code);
      };
      session.start();
      // The cluster's components boot once a prompt is out, and the big commands load; a
      // failure shows in the console.
      playground.startComponents().catch((error: unknown) => {
        console.error('kubeplay: the cluster components did not start', error);
      });
      playground.loadCommands().catch((error: unknown) => {
        console.error('kubeplay: the commands did not load', error);
      });
      return id;
    },
    input(id, data) {
      sessions.get(id)?.input(data);
    },
    closeSession(id) {
      const session = sessions.get(id);
      sessions.delete(id);
      if (session) {
        session.onExit = () => {};
        session.close();
      }
    },
    resize(id, cols, rows) {
      sessions.get(id)?.resize(cols, rows);
    },
    async loadPage(request) {
      const { playground } = await booted;
      return playground.loadPage(request);
    },
    async clock() {
      await booted;
      return view();
    },
    async controlClock(change) {
      await booted;
      if ('paused' in change) {
        if (change.paused) clock?.pause();
        else clock?.resume();
      } else if ('speed' in change) clock?.setSpeed(change.speed);
      else clock?.step(change.stepMs);
      return view();
    },
  };
}
