import { ParamError, readArgs, type OptionUse } from './args';

// What curl's options set (its OperationConfig), for the options kubeplay's curl acts on. The
// others are accepted and ignored, as a curl built without that feature would.

/** One piece of request body, from -d and its kin, in command-line order. */
export interface DataPart {
  kind: 'data' | 'ascii' | 'binary' | 'raw' | 'urlencode' | 'json';
  value: string;
}

/** Where one URL's body goes: `-o FILE`, or `-O` (the URL's file name). */
export type OutputTarget = { file: string } | { remote: true };

export interface CurlConfig {
  urls: string[];
  outputs: OutputTarget[];
  remoteNameAll: boolean;
  createDirs: boolean;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  failWithBody: boolean;
  location: boolean;
  maxRedirs: number;
  insecure: boolean;
  cacert?: string;
  method?: string;
  headers: string[];
  data: DataPart[];
  get: boolean;
  user?: string;
  userAgent?: string;
  referer?: string;
  bearer?: string;
  /** Seconds; curl's default connect timeout is 300. */
  connectTimeout?: number;
  maxTime?: number;
  writeOut?: string;
  noProgress: boolean;
  /** -0, --http1.1, --http2 (the default for https). */
  httpVersion: '1.0' | '1.1' | '2';
  compressed: boolean;
  dumpHeader?: string;
  /** -h/--help: the category asked for ('' for the short page). */
  help?: string;
  version: boolean;
  manual: boolean;
}

function newConfig(): CurlConfig {
  return {
    urls: [],
    outputs: [],
    remoteNameAll: false,
    createDirs: false,
    silent: false,
    showError: false,
    verbose: false,
    include: false,
    head: false,
    fail: false,
    failWithBody: false,
    location: false,
    maxRedirs: 50,
    insecure: false,
    headers: [],
    data: [],
    get: false,
    noProgress: false,
    httpVersion: '2',
    compressed: false,
    version: false,
    manual: false,
  };
}

/** str2udouble: fractional seconds, never negative. */
function seconds(value: string): number {
  const number = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(number)) throw new ParamError('expected a proper numerical parameter');
  if (number < 0) throw new ParamError('expected a positive numerical parameter');
  return number;
}

/** str2num: a whole number. */
function integer(value: string): number {
  if (!/^\s*[-+]?\d+$/.test(value)) throw new ParamError('expected a proper numerical parameter');
  return Number(value);
}

function apply(config: CurlConfig, { name, value = '', on }: OptionUse): void {
  switch (name) {
    case 'url':
      config.urls.push(value);
      break;
    case 'output':
      config.outputs.push({ file: value });
      break;
    case 'remote-name':
      config.outputs.push({ remote: true });
      break;
    case 'remote-name-all':
      config.remoteNameAll = on;
      break;
    case 'create-dirs':
      config.createDirs = on;
      break;
    case 'silent':
      config.silent = on;
      break;
    case 'show-error':
      config.showError = on;
      break;
    case 'verbose':
      config.verbose = on;
      break;
    case 'include':
      config.include = on;
      break;
    case 'head':
      config.head = on;
      break;
    case 'fail':
      config.fail = on;
      break;
    case 'fail-with-body':
      config.failWithBody = on;
      break;
    case 'location':
    case 'location-trusted':
      config.location = on;
      break;
    case 'max-redirs': {
      const n = integer(value);
      if (n < -1) throw new ParamError('expected a positive numerical parameter');
      config.maxRedirs = n;
      break;
    }
    case 'insecure':
      config.insecure = on;
      break;
    case 'cacert':
      config.cacert = value;
      break;
    case 'request':
      config.method = value;
      break;
    case 'header':
      config.headers.push(value);
      break;
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'data-raw':
    case 'data-urlencode':
    case 'json': {
      const kind = name === 'data' ? 'data' : name === 'data-ascii' ? 'ascii' : name.replace('data-', '');
      config.data.push({ kind: kind as DataPart['kind'], value });
      break;
    }
    case 'get':
      config.get = on;
      break;
    case 'user':
      config.user = value;
      break;
    case 'user-agent':
      config.userAgent = value;
      break;
    case 'referer':
      config.referer = value;
      break;
    case 'oauth2-bearer':
      config.bearer = value;
      break;
    case 'connect-timeout':
      config.connectTimeout = seconds(value);
      break;
    case 'max-time':
      config.maxTime = seconds(value);
      break;
    case 'write-out':
      config.writeOut = value;
      break;
    case 'no-progress-meter':
      config.noProgress = on;
      break;
    case 'http1.0':
      config.httpVersion = '1.0';
      break;
    case 'http1.1':
      config.httpVersion = '1.1';
      break;
    case 'http2':
    case 'http2-prior-knowledge':
      config.httpVersion = '2';
      break;
    case 'compressed':
      config.compressed = on;
      break;
    case 'dump-header':
      config.dumpHeader = value;
      break;
    case 'help':
      config.help = value;
      break;
    case 'version':
      config.version = true;
      break;
    case 'manual':
      config.manual = true;
      break;
    default:
      break;
  }
}

/** The config `argv` (without the program name) asks for; throws ParamError as curl reports it. */
export function parseConfig(argv: readonly string[]): CurlConfig {
  const config = newConfig();
  readArgs(argv, {
    option: (use) => apply(config, use),
    url: (url) => config.urls.push(url),
  });
  return config;
}
