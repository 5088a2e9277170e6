// The dashboard program under test: on a fake process whose `kubernetes` is a fresh in-process
// API server, requests sent as the service proxy forwards them (the path after `/proxy`), and
// the check that every page and redirect links only relatively.
import { afterEach, expect } from 'vitest';
import { createTestApi, type TestApi } from './api';
import { deploymentManifest } from './deployment-testbed';
import { fakeProcess } from '../runtime/images/fake-process';
import type { HttpRequest, HttpResponse } from '../runtime/images/types';
import { dashboard } from '../runtime/images/dashboard/index';

/** Every response rendered in the running test file, by request, for the relative-links check. */
export const rendered: Array<{ request: string; response: HttpResponse }> = [];

/** An href, action or src that leaves the proxy's path: rooted, or with a scheme. */
export const ABSOLUTE_LINK = /(?:href|action|src)="(?:\/|[a-z]+:)/gi;

/** After each test: every page and redirect it rendered links only relatively. */
export function checkRelativeLinks(): void {
  afterEach(() => {
    for (const { request, response } of rendered) {
      expect(response.body.match(ABSOLUTE_LINK) ?? [], request).toEqual([]);
      const location = response.headers.Location;
      if (location !== undefined) expect(location, request).toMatch(/^(?!\/)(?![a-z]+:)/i);
    }
    rendered.length = 0;
  });
}

const encode = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/** The dashboard program on a fake process over a fresh in-process API server. */
export async function startDashboard(withApi = true) {
  const t: TestApi = await createTestApi();
  const process = fakeProcess(['/dashboard', '--namespace=kubernetes-dashboard'], { clock: t.clock });
  if (withApi) process.ctx.kubernetes = t.api;
  const status = dashboard(process.ctx);
  const send = async (method: string, path: string, body = ''): Promise<HttpResponse> => {
    const request: HttpRequest = {
      method,
      path,
      headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      body,
      remoteAddress: '10.244.0.1',
    };
    const response = await process.listeners.get(9090)!.http!(request);
    rendered.push({ request: `${method} ${path}`, response });
    return response;
  };
  return {
    ...t,
    process,
    status,
    get: (path: string) => send('GET', path),
    post: (path: string, fields: Record<string, string>) => send('POST', path, encode(fields)),
  };
}

/** A Deployment `name` of `replicas` nginx:1.29 pods labelled `app: NAME`. */
export const deployment = (name: string, replicas = 2) => deploymentManifest(name, replicas, {}, 'nginx:1.29');
