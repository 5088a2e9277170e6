// curl inside a container (curlimages/curl): the host curl's option parsing, error texts and
// progress meter (../shell/commands/curl/), over the container's network (`ctx.net`) and resolver.
// It covers one plain-HTTP request per URL: -s/-S, -i, -I, -o, -X, -H, -d, -f, -A, -e; no TLS,
// redirects, -w or verbose output (the host's transfer code is bound to the learner's host).
import { ParamError } from '../shell/commands/curl/args';
import { parseConfig } from '../shell/commands/curl/config';
import { errorText } from '../shell/commands/curl/errors';
import { TRY_HELP } from '../shell/commands/curl/help';
import { ProgressMeter } from '../shell/commands/curl/progress';
import { NetError } from '../network/socket';
import { resolveHost } from '../network/resolver';
import { normalizePath } from '../shell/fs/volume';
import { utf8Length } from '../util/utf8';
import type { HttpResponse, Program } from './types';

export const CURL_VERSION = '8.17.0';
const STANDARD_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The head of a response as curl -i shows it. */
function headText(response: HttpResponse): string {
  const reason = response.statusText ?? STANDARD_TEXT[response.status] ?? '';
  const lines = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${response.status} ${reason}\r\n${lines.join('')}\r\n`;
}

export const containerCurl: Program = async (ctx) => {
  let config;
  try {
    config = parseConfig(ctx.argv.slice(1));
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    ctx.stderr.write(`curl: ${error.message}\n${TRY_HELP}`);
    return 2;
  }
  if (config.version) {
    ctx.stdout.write(`curl ${CURL_VERSION} (x86_64-pc-linux-musl) libcurl/${CURL_VERSION}\n`);
    return 0;
  }
  if (config.urls.length === 0) {
    ctx.stderr.write(TRY_HELP);
    return 2;
  }
  let status = 0;
  for (const [index, url] of config.urls.entries()) {
    const output = config.outputs[index];
    const meter = new ProgressMeter(
      (text) => ctx.stderr.write(text),
      !config.silent && (!!output || !ctx.tty),
      () => ctx.clock.now(),
    );
    const fail = (code: number, message: string): number => {
      meter.done();
      if (!config.silent || config.showError) ctx.stderr.write(errorText({ code, message }));
      return code;
    };
    const match = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(url);
    if (!match || match[1] === 'https') {
      status = fail(1, `Protocol "${match?.[1] ?? url}" not supported`);
      continue;
    }
    const host = match[2];
    const port = Number(match[3] ?? 80);
    const path = match[4] || '/';
    meter.start();
    const resolved = await resolveHost(ctx, host);
    if ('error' in resolved) {
      status = fail(6, `Could not resolve host: ${host}`);
      continue;
    }
    const address = resolved.addresses[0];
    const method = config.method ?? (config.head ? 'HEAD' : config.data.length > 0 ? 'POST' : 'GET');
    const headers: Record<string, string> = {
      host: match[3] ? `${host}:${port}` : host,
      'user-agent': config.userAgent ?? `curl/${CURL_VERSION}`,
      accept: '*/*',
    };
    if (config.referer) headers.referer = config.referer;
    const body = config.data.map((part) => part.value).join('&');
    if (config.data.length > 0) {
      headers['content-length'] = String(utf8Length(body));
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    for (const header of config.headers) {
      const colon = header.indexOf(':');
      if (colon > 0) headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    }
    let response: HttpResponse;
    try {
      if (!ctx.net) throw new NetError('ENETUNREACH', address, port);
      response = await ctx.net.http(address, port, { method, path, headers, body });
    } catch (error) {
      if (!(error instanceof NetError)) throw error;
      const reason = error.code === 'ETIMEDOUT' ? 'Timeout was reached' : 'Could not connect to server';
      status = fail(
        error.code === 'ETIMEDOUT' ? 28 : 7,
        `Failed to connect to ${host} port ${port} after 0 ms: ${reason}`,
      );
      continue;
    }
    if (config.fail && response.status >= 400) {
      status = fail(22, `The requested URL returned error: ${response.status}`);
      continue;
    }
    const text = (config.include || config.head ? headText(response) : '') + (method === 'HEAD' ? '' : response.body);
    const length = utf8Length(response.body);
    meter.progress = {
      downloadSize: length,
      downloaded: length,
      uploaded: utf8Length(body),
      uploadSize: utf8Length(body),
    };
    meter.nominalUs = 1000;
    if (output) {
      const file = 'file' in output ? output.file : (path.split('/').pop() ?? 'index.html');
      ctx.fs.writeFile(normalizePath(file, ctx.cwd), text);
    } else ctx.stdout.write(text);
    meter.done();
  }
  return status;
};
