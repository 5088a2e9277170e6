import type { ProcessSignal, Program } from '../types';
import { nextPid } from './container-pids';
import { logLine, startupError } from './error-log';
import { masterOf, PID_FILE, runMaster } from './master';
import { BUILD_INFO, VERSION_LINE } from './version';

const HELP =
  'Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n' +
  '             [-e filename] [-c filename] [-g directives]\n\n' +
  'Options:\n' +
  '  -?,-h         : this help\n' +
  '  -v            : show version and exit\n' +
  '  -V            : show version and configure options then exit\n' +
  '  -t            : test configuration and exit\n' +
  '  -T            : test configuration, dump it and exit\n' +
  '  -q            : suppress non-error messages during configuration testing\n' +
  '  -s signal     : send signal to a master process: stop, quit, reopen, reload\n' +
  '  -p prefix     : set prefix path (default: /etc/nginx/)\n' +
  '  -e filename   : set error log file (default: /var/log/nginx/error.log)\n' +
  '  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)\n' +
  '  -g directives : set global directives out of configuration file\n\n';

/** What `-s` sends (ngx_signal_process): reopen's SIGUSR1 has no simulated effect. */
const SIGNALS: Record<string, ProcessSignal | undefined> = {
  stop: 'SIGTERM',
  quit: 'SIGQUIT',
  reload: 'SIGHUP',
  reopen: undefined,
};

interface Options {
  help?: boolean;
  version?: boolean;
  build?: boolean;
  test?: boolean;
  quiet?: boolean;
  signal?: string;
  config: string;
  directives: string;
}

/** ngx_get_options: flags may share one argument (`-tq`); `-s`, `-c`, `-g`, `-p`, `-e` take the rest or the next. */
function parseOptions(argv: string[]): Options | string {
  const options: Options = { config: '/etc/nginx/nginx.conf', directives: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) return `invalid option: "${arg}"`;
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j];
      const value = (): string | undefined => {
        const rest = arg.slice(j + 1);
        j = arg.length;
        if (rest) return rest;
        return i + 1 < argv.length ? argv[++i] : undefined;
      };
      if (flag === '?' || flag === 'h') options.help = options.version = true;
      else if (flag === 'v') options.version = true;
      else if (flag === 'V') options.version = options.build = true;
      else if (flag === 't' || flag === 'T') options.test = true;
      else if (flag === 'q') options.quiet = true;
      else if ('spceg'.includes(flag)) {
        const given = value();
        const need = flag === 's' || flag === 'g' ? 'parameter' : flag === 'p' ? 'prefix' : 'file name';
        if (given === undefined) return `option "-${flag}" requires ${need}`;
        if (flag === 's') {
          if (!(given in SIGNALS)) return `invalid option: "-s ${given}"`;
          options.signal = given;
        } else if (flag === 'c') options.config = given;
        else if (flag === 'g') options.directives = given;
      } else return `invalid option: "${arg.slice(j)}"`;
    }
  }
  return options;
}

/** `nginx`: -v/-V/-h, -t, -s to the running master, or a master of its own. */
export const nginx: Program = async (ctx) => {
  const options = parseOptions(ctx.argv.slice(1));
  if (typeof options === 'string') {
    ctx.stderr.write(`nginx: ${options}\n`);
    return 1;
  }
  if (options.version) {
    ctx.stderr.write(VERSION_LINE);
    if (options.help) ctx.stderr.write(HELP);
    else if (options.build) ctx.stderr.write(BUILD_INFO);
    if (!options.test && !options.signal) return 0;
  }
  if (!ctx.fs.exists(options.config)) {
    const pid = ctx.pid1 ? 1 : nextPid(ctx.fs);
    startupError(
      ctx.stderr,
      ctx.clock.now(),
      'emerg',
      pid,
      `open() "${options.config}" failed (2: No such file or directory)`,
    );
    if (options.test) ctx.stderr.write(`nginx: configuration file ${options.config} test failed\n`);
    return 1;
  }
  if (options.test) {
    if (!options.quiet) {
      ctx.stderr.write(`nginx: the configuration file ${options.config} syntax is ok\n`);
      ctx.stderr.write(`nginx: configuration file ${options.config} test is successful\n`);
    }
    return 0;
  }
  if (options.signal) return signalMaster(ctx, options.signal);
  const daemon = !/(^|;)\s*daemon\s+off\s*;/.test(options.directives);
  const workers = /(?:^|;)\s*worker_processes\s+(\d+)\s*;/.exec(options.directives);
  return runMaster(ctx, daemon, workers ? Number(workers[1]) : undefined);
};

/** `nginx -s NAME`: reads the master's pid from /run/nginx.pid and signals it. */
function signalMaster(ctx: Parameters<Program>[0], name: string): number {
  const pid = nextPid(ctx.fs);
  const now = ctx.clock.now();
  logLine(ctx.stderr, now, 'notice', pid, 'signal process started');
  let text: string;
  try {
    text = ctx.fs.readFile(PID_FILE);
  } catch {
    startupError(ctx.stderr, now, 'error', pid, `open() "${PID_FILE}" failed (2: No such file or directory)`);
    return 1;
  }
  const target = Number(text.trim());
  if (!/^\d+$/.test(text.trim())) {
    startupError(ctx.stderr, now, 'error', pid, `invalid PID number "${text.trim()}" in "${PID_FILE}"`);
    return 1;
  }
  const master = masterOf(ctx.fs);
  const signal = SIGNALS[name];
  if (!master || master.pid !== target) {
    const number = signal === 'SIGHUP' ? 1 : signal === 'SIGQUIT' ? 3 : signal === 'SIGTERM' ? 15 : 10;
    startupError(ctx.stderr, now, 'alert', pid, `kill(${target}, ${number}) failed (3: No such process)`);
    return 1;
  }
  if (signal) master.signal(signal, pid);
  return 0;
}
