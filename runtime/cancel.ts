/**
 * A minimal cancellation signal (AbortSignal is a DOM/Node type, and runtime/ compiles without
 * either). The shell raises it on Ctrl-C; commands that wait check it or subscribe to it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  /** Calls `listener` once when aborted (at once if already aborted); returns an unsubscribe. */
  onAbort(listener: () => void): () => void;
}

class SignalState implements CancelSignal {
  aborted = false;
  private listeners = new Set<() => void>();

  onAbort(listener: () => void): () => void {
    if (this.aborted) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fire(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }
}

/** The owner's side of a CancelSignal. */
export class CancelController {
  private readonly state = new SignalState();
  readonly signal: CancelSignal = this.state;

  abort(): void {
    this.state.fire();
  }
}

/** A signal that never fires, for work nobody can interrupt. */
export const neverCancelled: CancelSignal = new SignalState();

/** Thrown by waits that were cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
