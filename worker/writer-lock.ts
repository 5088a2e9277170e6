/// <reference lib="webworker" />
/** The Web Lock that makes one tab at a time the writer of the cluster kept in IndexedDB. */
export const WRITER_LOCK = 'kubeplay-cluster-writer';

/**
 * Takes the writer lock and holds it for the worker's life. Two tabs each running a cluster over
 * the same database would overwrite each other's revisions, so a second tab waits here, and
 * `onWaiting` lets it say so; it takes over when the first tab closes.
 */
export async function acquireWriterLock(onWaiting: () => void): Promise<void> {
  const locks = (self.navigator as WorkerNavigator & { locks?: LockManager }).locks;
  if (!locks) return;
  const state = await locks.query();
  if (state.held?.some((lock) => lock.name === WRITER_LOCK)) onWaiting();
  await new Promise<void>((acquired) => {
    void locks.request(WRITER_LOCK, () => {
      acquired();
      // Never resolves: the lock is released when the worker ends with its tab.
      return new Promise<never>(() => {});
    });
  });
}
