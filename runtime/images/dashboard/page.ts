// What every page is given and what it gives back.
import type { DashboardApi } from './api';

/** The request as a page sees it. */
export interface View {
  api: DashboardApi;
  /** The cluster clock's time (epoch ms): ages are computed from it. */
  now: number;
  /** From the requested page back to the root (`../../`): every link starts with it. */
  prefix: string;
  /** The selected namespace, `_all` for every one. */
  namespace: string;
  query: Record<string, string>;
}

/** A page for the shell to wrap. */
export interface Page {
  title: string;
  body: string;
  /** The HTTP status (200 unless told). */
  status?: number;
  /** The navigation entry to highlight. */
  active?: string;
  /** Where the namespace selector goes (a list page's path; the overview by default). */
  selectorPage?: string;
  /** A failure to show in the error banner. */
  error?: string;
}
