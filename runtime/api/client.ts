import { StatusError, type Status } from './status';
import type { ApiHandler } from './types';

/** A thin JSON client over the API handler, as client-go's REST client is over HTTP. */
export class ApiClient {
  constructor(readonly handler: ApiHandler) {}

  /** GETs `path` and decodes the JSON reply; a failure throws StatusError. */
  async getJson<T>(path: string): Promise<T> {
    const response = await this.handler({
      method: 'GET',
      path,
      headers: { accept: 'application/json, */*' },
    });
    const body = JSON.parse(response.body) as unknown;
    if (response.status >= 400) throw new StatusError(body as Status);
    return body as T;
  }
}
