import { VirtualClock } from '../runtime/clock';
import { createPlayground, type Playground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import { runOnVirtualTime } from '../runtime/script';
import type { PageRequest, PageResponse } from '../runtime/shell/host-browser';
import type { ShellSession } from '../runtime/shell/session';
import { MemoryBackend, type StorageBackend } from '../runtime/storage/backend';

/** What one command printed and returned. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A playground on virtual time for tests, with a session to run lines in. */
export interface Harness {
  clock: VirtualClock;
  storage: StorageBackend;
  playground: Playground;
  /** What commands opened in the browser (`minikube service`, `minikube dashboard`), in order. */
  opened: string[];
  session: ShellSession;
  /** Runs `line` as typed at the prompt, letting virtual time pass while it waits. */
  run(line: string): Promise<CommandResult>;
  /** Loads a page in the host's browser, letting virtual time pass while it waits. */
  load(request: PageRequest): Promise<PageResponse>;
}

/** The epoch tests start at: 2026-01-01T00:00:00Z. */
export const TEST_EPOCH = Date.UTC(2026, 0, 1);

/**
 * A fresh playground (or one over `storage`, to test what survives a reload); `components`
 * false leaves out controllers, scheduler and kubelets (for tests of the shell alone).
 */
export async function createHarness(
  storage: StorageBackend = new MemoryBackend(),
  components = true,
): Promise<Harness> {
  const clock = new VirtualClock(TEST_EPOCH);
  const playground = await createPlayground({ clock, rng: createSeededRng('test'), storage, components });
  // Tests start with the commands loaded (as a learner finds them a moment after the first
  // prompt) and the components running; loading first keeps the components' start, and so the
  // names they draw, independent of how long the loading takes.
  await playground.loadCommands();
  await playground.startComponents();
  const opened: string[] = [];
  const session = playground.openSession({ write: () => {}, open: (url) => opened.push(url) }, 80);
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    clock,
    storage,
    playground,
    session,
    opened,
    load: (request) => runOnVirtualTime({ clock, settle }, playground.loadPage(request)),
    async run(line) {
      let stdout = '';
      let stderr = '';
      const exitCode = await runOnVirtualTime(
        { clock, settle },
        session.execute(line, { write: (t) => void (stdout += t) }, { write: (t) => void (stderr += t) }),
      );
      return { stdout, stderr, exitCode };
    },
  };
}
