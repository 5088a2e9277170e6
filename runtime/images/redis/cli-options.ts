// redis-cli's command line (parseOptions): connection, database and output options up to the
// first argument that is not an option, which starts the command.
import { CLI_HELP } from './cli-help';
import { REDIS_VERSION } from './version';

export interface CliOptions {
  host: string;
  port: number;
  db: number;
  /** Formatted (a terminal, or --no-raw) or raw output. */
  raw: boolean;
  /** -e: errors to stderr and exit status 1. */
  errorStatus: boolean;
  repeat: number;
  /** The command to run once; empty for the interactive mode. */
  command: string[];
}

/** What the options ask for, or what to print and exit with at once (--help, -v, bad options). */
export type ParsedOptions = CliOptions | { exit: number; stdout?: string; stderr?: string };

const atoi = (text: string): number => {
  const match = /^\s*([+-]?\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
};

/** Options that take a value and do nothing more here. */
const IGNORED_WITH_VALUE = new Set(['-a', '--pass', '--user', '-u', '-s', '-i', '-d', '-D', '--show-pushes', '-X']);
const IGNORED = new Set(['-c', '-2', '-3', '-x', '--no-auth-warning', '--verbose', '--quoted-input']);

export function parseCliOptions(argv: string[], tty: boolean): ParsedOptions {
  const options: CliOptions = {
    host: '127.0.0.1',
    port: 6379,
    db: 0,
    raw: !tty,
    errorStatus: false,
    repeat: 1,
    command: [],
  };
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    const last = i === argv.length - 1;
    if (arg === '-h' && !last) options.host = argv[++i];
    else if (arg === '-h' || arg === '--help') return { exit: 0, stdout: CLI_HELP };
    else if (arg === '-v' || arg === '--version') return { exit: 0, stdout: `redis-cli ${REDIS_VERSION}\n` };
    else if (arg === '-p' && !last) options.port = atoi(argv[++i]);
    else if (arg === '-n' && !last) options.db = atoi(argv[++i]);
    else if (arg === '-r' && !last) options.repeat = atoi(argv[++i]);
    else if (arg === '--raw') options.raw = true;
    else if (arg === '--no-raw') options.raw = false;
    else if (arg === '-e') options.errorStatus = true;
    else if (IGNORED_WITH_VALUE.has(arg) && !last) i++;
    else if (IGNORED.has(arg)) continue;
    else if (arg.startsWith('-'))
      return { exit: 1, stderr: `Unrecognized option or bad number of args for: '${arg}'\n` };
    else break;
  }
  options.command = argv.slice(i);
  return options;
}
