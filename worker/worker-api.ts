import { createHostClock } from '../runtime/clock';
import { createPlayground, type Playground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import type { ShellSession } from '../runtime/shell/session';
import { MemoryBackend, type StorageBackend } from '../runtime/storage/backend';

/** How the page hears from one terminal session (passed through comlink as a proxy). */
export interface SessionListener {
  output(data: string): void;
  exit(code: number): void;
}

/**
 * What the worker offers the page: terminal sessions on the playground it hosts. This is the
 * whole surface between app/ and the runtime.
 */
export interface WorkerApi {
  /** Opens a shell session and shows its first prompt; resolves to the session's id. */
  openSession(listener: SessionListener, cols: number): Promise<number>;
  /** Keystrokes or pasted text for session `id`. */
  input(id: number, data: string): void;
  /** The terminal of session `id` is now `cols` wide. */
  resize(id: number, cols: number): void;
}

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
  const boot = (backend: StorageBackend): Promise<Playground> => {
    const seed = new Uint32Array(4);
    crypto.getRandomValues(seed);
    const clock = createHostClock({
      now: () => Date.now(),
      schedule: (callback, ms) => setTimeout(callback, ms),
      unschedule: (handle) => clearTimeout(handle as number),
    });
    return createPlayground({ clock, rng: createSeededRng(seed.join('-')), storage: backend });
  };
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
    async openSession(listener, cols) {
      const notice = await waitingNotice();
      if (notice) listener.output(`\x1b[33mkubeplay: ${notice}\x1b[0m\r\n`);
      const { playground, warning } = await booted;
      if (warning) listener.output(`\x1b[33mkubeplay: ${warning}\x1b[0m\r\n`);
      const session = playground.openSession({ write: (data) => listener.output(data) }, cols);
      const id = nextId++;
      sessions.set(id, session);
      session.onExit = (code) => {
        sessions.delete(id);
        listener.exit(code);
      };
      session.start();
      return id;
    },
    input(id, data) {
      sessions.get(id)?.input(data);
    },
    resize(id, cols) {
      sessions.get(id)?.resize(cols);
    },
  };
}
