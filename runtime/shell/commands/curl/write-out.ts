import type { CurlError } from './errors';
import { speed } from './progress';

// -w/--write-out (src/tool_writeout.c): `%{variable}`, `%header{name}`, `%%`, and the `\n`,
// `\r`, `\t` escapes, written to stdout (or stderr after %{stderr}). Times are about what a
// local transfer takes, as kubeplay's transfers take none on the clock.

/** What a transfer leaves for -w, the exit code and the output file. */
export interface TransferInfo {
  url: string;
  effectiveUrl: string;
  scheme: string;
  method: string;
  httpCode: number;
  /** `1.1`, `2`, `1.0`; `0` before any response. */
  httpVersion: string;
  contentType?: string;
  headers: Array<[string, string]>;
  remoteIp: string;
  remotePort: number;
  sizeDownload: number;
  sizeUpload: number;
  sizeHeader: number;
  sizeRequest: number;
  numConnects: number;
  numRedirects: number;
  redirectUrl?: string;
  sslVerifyResult: number;
  /** Milliseconds the transfer waited on the clock. */
  waitedMs: number;
  filename?: string;
  error?: CurlError;
  interrupted?: boolean;
}

/** A transfer's info before it starts. */
export function newInfo(url: string): TransferInfo {
  return {
    url,
    effectiveUrl: url,
    scheme: '',
    method: 'GET',
    httpCode: 0,
    httpVersion: '0',
    headers: [],
    remoteIp: '',
    remotePort: 0,
    sizeDownload: 0,
    sizeUpload: 0,
    sizeHeader: 0,
    sizeRequest: 0,
    numConnects: 0,
    numRedirects: 0,
    sslVerifyResult: 0,
    waitedMs: 0,
  };
}

/** The phases' times in seconds: lookup, connect, TLS, pre-transfer, first byte, total. */
function times(info: TransferInfo): Record<string, number> {
  const connected = info.numConnects > 0 || info.httpCode > 0;
  const waited = info.waitedMs / 1000;
  const namelookup = 0.000021;
  const connect = connected ? namelookup + 0.000142 + waited : 0;
  const appconnect = connected && info.scheme === 'HTTPS' ? connect + 0.041372 : 0;
  const pretransfer = info.httpCode > 0 ? Math.max(connect, appconnect) + 0.000051 : 0;
  const starttransfer = info.httpCode > 0 ? pretransfer + 0.002418 : 0;
  const total = Math.max(starttransfer + 0.000124, namelookup + waited);
  return { namelookup, connect, appconnect, pretransfer, starttransfer, total, redirect: 0 };
}

/** The value of `%{name}`, or undefined for a variable curl does not know. */
function variable(name: string, info: TransferInfo): string | undefined {
  const t = times(info);
  const values: Record<string, string | number> = {
    content_type: info.contentType ?? '',
    errormsg: info.error?.message ?? '',
    exitcode: info.error?.code ?? 0,
    filename_effective: info.filename ?? '',
    http_code: String(info.httpCode).padStart(3, '0'),
    response_code: String(info.httpCode).padStart(3, '0'),
    http_connect: '000',
    http_version: info.httpVersion,
    local_ip: info.remoteIp.startsWith('127.') ? '127.0.0.1' : info.remoteIp ? '192.168.49.1' : '',
    local_port: info.remoteIp ? 43_482 : 0,
    method: info.method,
    num_connects: info.numConnects,
    num_headers: info.headers.length,
    num_redirects: info.numRedirects,
    redirect_url: info.redirectUrl ?? '',
    referer: '',
    remote_ip: info.remoteIp,
    remote_port: info.remotePort,
    scheme: info.scheme,
    size_download: info.sizeDownload,
    size_header: info.sizeHeader,
    size_request: info.sizeRequest,
    size_upload: info.sizeUpload,
    speed_download: speed(info.sizeDownload, Math.round(t.total * 1e6)),
    speed_upload: speed(info.sizeUpload, Math.round(t.total * 1e6)),
    ssl_verify_result: info.sslVerifyResult,
    proxy_ssl_verify_result: 0,
    url: info.url,
    url_effective: info.effectiveUrl,
    urlnum: 0,
    num_certs: 0,
    certs: '',
    ftp_entry_path: '',
  };
  for (const [key, value] of Object.entries(t)) values[`time_${key}`] = value.toFixed(6);
  const value = values[name];
  return value === undefined ? undefined : String(value);
}

/** -w's output for one transfer: text for stdout and for stderr, in order. */
export function writeOut(format: string, info: TransferInfo): Array<{ stream: 'stdout' | 'stderr'; text: string }> {
  const out: Array<{ stream: 'stdout' | 'stderr'; text: string }> = [];
  let stream: 'stdout' | 'stderr' = 'stdout';
  const emit = (text: string, to = stream): void => {
    const last = out.at(-1);
    if (last && last.stream === to) last.text += text;
    else out.push({ stream: to, text });
  };
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '%' && i + 1 < format.length) {
      if (format[i + 1] === '%') {
        emit('%');
        i += 2;
      } else if (format[i + 1] === '{') {
        const end = format.indexOf('}', i);
        if (end < 0) {
          emit('%{');
          i += 2;
          continue;
        }
        const name = format.slice(i + 2, end);
        if (name === 'stdout' || name === 'stderr') stream = name;
        else if (name === 'onerror') {
          if (!info.error) break;
        } else if (name === 'json' || name === 'header_json') emit('{}');
        else {
          const value = variable(name, info);
          if (value === undefined) emit(`curl: unknown --write-out variable: '${name}'\n`, 'stderr');
          else emit(value);
        }
        i = end + 1;
      } else if (format.startsWith('header{', i + 1)) {
        const end = format.indexOf('}', i);
        if (end < 0) {
          emit('%header{');
          i += 8;
          continue;
        }
        const name = format.slice(i + 8, end).toLowerCase();
        const found = info.headers.find(([k]) => k.toLowerCase() === name);
        if (found) emit(found[1]);
        i = end + 1;
      } else {
        emit(format.slice(i, i + 2));
        i += 2;
      }
    } else if (ch === '\\' && i + 1 < format.length) {
      emit(escapes[format[i + 1]] ?? format.slice(i, i + 2));
      i += 2;
    } else {
      emit(ch);
      i++;
    }
  }
  return out;
}
