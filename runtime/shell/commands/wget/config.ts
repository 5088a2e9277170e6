import { parseOptions, UsageError, type OptionSpec } from '../coreutils/options';
import { WGET_OPTIONS } from './option-table';

// wget's command line (src/main.c, src/init.c): GNU getopt_long over option_data, where each
// switch also answers to --no-NAME and takes `=on`/`=off` in its long form, and `-nv`, `-nc`,
// `-nd`, `-nH`, `-np` are `-n` with letters. What kubeplay's wget acts on is kept; the rest is
// accepted and ignored.

export interface WgetConfig {
  urls: string[];
  /** -q. */
  quiet: boolean;
  /** -v (default) or -nv. */
  verbose: boolean;
  serverResponse: boolean;
  spider: boolean;
  /** -O: a file, or `-` for standard output. */
  outputDocument?: string;
  directoryPrefix?: string;
  /** -t: 0 is unlimited. */
  tries: number;
  /** -T / --connect-timeout, seconds. */
  connectTimeout?: number;
  waitRetry: number;
  maxRedirect: number;
  checkCertificate: boolean;
  caCertificate?: string;
  headers: string[];
  postData?: string;
  postFile?: string;
  method?: string;
  bodyData?: string;
  bodyFile?: string;
  userAgent?: string;
  user?: string;
  password?: string;
  authNoChallenge: boolean;
  /** --progress: `bar` or `dot` (with `:force` for a bar off a terminal). */
  progress?: string;
  showProgress: boolean;
  noClobber: boolean;
  contentOnError: boolean;
  retryConnrefused: boolean;
  help: boolean;
  version: boolean;
}

/** A usage error: wget prints it with the usage lines and exits 2. */
export class WgetUsageError extends Error {}
/** An invalid option value: wget prints it alone and exits 2. */
export class WgetValueError extends Error {}

const SPECS: OptionSpec[] = WGET_OPTIONS.flatMap(([long, short, kind]): OptionSpec[] => {
  if (kind === 'switch') {
    // A short switch takes no argument (so -qO- works); the long one an optional on/off.
    const specs: OptionSpec[] = [
      { key: long, long, arg: 'optional' },
      { key: `!${long}`, long: `no-${long}` },
    ];
    if (short) specs.push({ key: long, short });
    return specs;
  }
  const arg = kind === 'value' || kind === 'required' ? 'required' : kind === 'optional' ? 'optional' : undefined;
  return [{ key: long, ...(short ? { short } : {}), long, ...(arg ? { arg } : {}) }];
});

/** cmd_time: seconds with an optional s, m, h, d, w suffix. */
function period(option: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*([smhdw]?)\s*$/i.exec(value);
  if (!match) throw new WgetValueError(`--${option}: Invalid time period ‘${value}’`);
  const scale: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  return Number(match[1]) * scale[match[2].toLowerCase()];
}

/** cmd_number_inf: a count, or `inf` (0, unlimited). */
function count(option: string, value: string): number {
  if (/^inf$/i.test(value.trim())) return 0;
  if (!/^\s*\d+\s*$/.test(value)) throw new WgetValueError(`--${option}: Invalid number ‘${value}’.`);
  return Number(value);
}

/** A switch's value: on unless `=off`, `=no` or `=0`. */
const on = (value: string | undefined): boolean => value === undefined || !/^(off|no|0)$/i.test(value);

/** The config `args` (argv without the program) ask for. */
export function parseConfig(args: readonly string[]): WgetConfig {
  let parsed;
  try {
    parsed = parseOptions(args, SPECS);
  } catch (error) {
    if (error instanceof UsageError) throw new WgetUsageError(error.message);
    throw error;
  }
  const config: WgetConfig = {
    urls: parsed.operands,
    quiet: false,
    verbose: true,
    serverResponse: false,
    spider: false,
    tries: 20,
    waitRetry: 10,
    maxRedirect: 20,
    checkCertificate: true,
    headers: [],
    authNoChallenge: false,
    showProgress: false,
    noClobber: false,
    contentOnError: false,
    retryConnrefused: false,
    help: false,
    version: false,
  };
  for (const { key, value } of parsed.options) {
    const negated = key.startsWith('!');
    const name = negated ? key.slice(1) : key;
    const flag = !negated && on(value);
    switch (name) {
      case 'quiet':
        config.quiet = flag;
        break;
      case 'verbose':
        config.verbose = flag;
        break;
      case 'no':
        for (const letter of value ?? '') {
          if (letter === 'v') config.verbose = false;
          else if (letter === 'c') config.noClobber = true;
          else if (!'Hdp'.includes(letter)) throw new WgetUsageError(`illegal option -- \`-n${letter}'`);
        }
        break;
      case 'server-response':
        config.serverResponse = flag;
        break;
      case 'spider':
        config.spider = flag;
        break;
      case 'output-document':
        config.outputDocument = value;
        break;
      case 'directory-prefix':
        config.directoryPrefix = value;
        break;
      case 'tries':
        config.tries = count(name, value ?? '');
        break;
      case 'timeout':
      case 'connect-timeout':
        config.connectTimeout = period(name, value ?? '');
        break;
      case 'read-timeout':
      case 'dns-timeout':
        period(name, value ?? '');
        break;
      case 'waitretry':
        config.waitRetry = period(name, value ?? '');
        break;
      case 'max-redirect':
        config.maxRedirect = count(name, value ?? '');
        break;
      case 'check-certificate':
        config.checkCertificate = flag;
        break;
      case 'ca-certificate':
        config.caCertificate = value;
        break;
      case 'header':
        config.headers.push(value ?? '');
        break;
      case 'post-data':
        config.postData = value;
        break;
      case 'post-file':
        config.postFile = value;
        break;
      case 'method':
        config.method = value?.toUpperCase();
        break;
      case 'body-data':
        config.bodyData = value;
        break;
      case 'body-file':
        config.bodyFile = value;
        break;
      case 'user-agent':
        config.userAgent = value;
        break;
      case 'user':
      case 'http-user':
        config.user = value;
        break;
      case 'password':
      case 'http-password':
        config.password = value;
        break;
      case 'auth-no-challenge':
        config.authNoChallenge = flag;
        break;
      case 'progress':
        config.progress = value;
        break;
      case 'show-progress':
        config.showProgress = flag;
        break;
      case 'clobber':
        config.noClobber = negated;
        break;
      case 'no-clobber':
        config.noClobber = flag;
        break;
      case 'content-on-error':
        config.contentOnError = flag;
        break;
      case 'retry-connrefused':
        config.retryConnrefused = flag;
        break;
      case 'help':
        config.help = true;
        return config;
      case 'version':
        config.version = true;
        return config;
      default:
        break;
    }
  }
  return config;
}
