/// <reference lib="webworker" />
/** The Web Lock that makes one tab at a time the writer of the cluster kept in IndexedDB. */
export const WRITER_LOCK = 'kubeplay-cluster-writer';

/** The writer lock, being taken: whether another tab held it, and when this worker has it. */
export interface WriterLock {
  /** Resolves once it is known whether another tab holds the lock (true) or not. */
  heldElsewhere: Promise<boolean>;
  /** Resolves when this worker holds the lock; it keeps it for its whole life. */
  acquired: Promise<void>;
}

/**
 * Takes the writer lock. Two tabs each running a cluster over the same database would overwrite
 * each other's revisions, so a second tab waits here, and takes over when the first one closes.
 */
export function acquireWriterLock(): WriterLock {
  const locks = (self.navigator as WorkerNavigator & { locks?: LockManager }).locks;
  if (!locks) return { heldElsewhere: Promise.resolve(false), acquired: Promise.resolve() };
  const heldElsewhere = locks.query().then((state) => state.held?.some((lock) => lock.name === WRITER_LOCK) ?? false);
  const acquired = heldElsewhere.then(
    () =>
      new Promise<void>((resolve) => {
        void locks.request(WRITER_LOCK, () => {
          resolve();
          // Never resolves: the lock is released when the worker ends with its tab.
          return new Promise<never>(() => {});
        });
      }),
  );
  return { heldElsewhere, acquired };
}
