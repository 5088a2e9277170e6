import { normalizePath } from '../../shell/fs/volume';
import type { ProcessContext, Program } from '../types';
import { NGINX_DEFAULT_CONF } from './config-files';

export const ENTRYPOINT_SCRIPTS = [
  '10-listen-on-ipv6-by-default.sh',
  '15-local-resolvers.envsh',
  '20-envsubst-on-templates.sh',
  '30-tune-worker-processes.sh',
];
const SCRIPT_DIR = '/docker-entrypoint.d/';
const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';
const ME = '/docker-entrypoint.sh';

/** The image's own scripts, run by their behaviour; `log` is entrypoint_log. */
const BUILT_IN: Record<string, (ctx: ProcessContext, log: (line: string) => void) => void> = {
  '10-listen-on-ipv6-by-default.sh': listenOnIpv6,
  '20-envsubst-on-templates.sh': envsubstOnTemplates,
};

/**
 * 10-listen-on-ipv6-by-default.sh: adds `listen [::]:80;` to the packaged default.conf (the
 * package's checksum decides whether it is still the packaged one).
 */
function listenOnIpv6(ctx: ProcessContext, log: (line: string) => void): void {
  const me = '10-listen-on-ipv6-by-default.sh';
  let text: string;
  try {
    text = ctx.fs.readFile(DEFAULT_CONF);
  } catch {
    log(`${me}: info: ${DEFAULT_CONF} is not a file or does not exist`);
    return;
  }
  try {
    ctx.fs.utimes(DEFAULT_CONF, ctx.clock.now());
  } catch {
    log(`${me}: info: can not modify ${DEFAULT_CONF} (read-only file system?)`);
    return;
  }
  if (text.includes('listen  [::]:80;')) {
    log(`${me}: info: IPv6 listen already enabled`);
    return;
  }
  log(`${me}: info: Getting the checksum of ${DEFAULT_CONF}`);
  if (text !== NGINX_DEFAULT_CONF) {
    log(`${me}: info: ${DEFAULT_CONF} differs from the packaged version`);
    return;
  }
  ctx.fs.writeFile(DEFAULT_CONF, text.replace('listen       80;', 'listen       80;\n    listen  [::]:80;'));
  log(`${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`);
}

/** 20-envsubst-on-templates.sh: each /etc/nginx/templates/*.template, with the environment's `$VAR`s, into conf.d. */
function envsubstOnTemplates(ctx: ProcessContext, log: (line: string) => void): void {
  const me = '20-envsubst-on-templates.sh';
  const templates = ctx.env.NGINX_ENVSUBST_TEMPLATE_DIR ?? '/etc/nginx/templates';
  const suffix = ctx.env.NGINX_ENVSUBST_TEMPLATE_SUFFIX ?? '.template';
  const output = ctx.env.NGINX_ENVSUBST_OUTPUT_DIR ?? '/etc/nginx/conf.d';
  if (!ctx.fs.isDirectory(templates)) return;
  for (const entry of ctx.fs.list(templates)) {
    if (entry.directory || !entry.name.endsWith(suffix)) continue;
    const template = `${templates}/${entry.name}`;
    const target = `${output}/${entry.name.slice(0, -suffix.length)}`;
    log(`${me}: Running envsubst on ${template} to ${target}`);
    const text = ctx.fs.readFile(template);
    // envsubst with the list of defined variables: only those are replaced, in both forms.
    const substituted = text.replace(
      /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g,
      (all, braced?: string, bare?: string) => {
        const value = ctx.env[braced ?? bare ?? ''];
        return value === undefined ? all : value;
      },
    );
    ctx.fs.writeFile(target, substituted);
  }
}

/** `sort -V` of file names. */
const versionOrder = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * docker-entrypoint.sh: for `nginx …` (or nginx-debug), the configuration scripts of
 * /docker-entrypoint.d/ with its log lines (silenced by NGINX_ENTRYPOINT_QUIET_LOGS); then
 * `exec "$@"`, as dash reports a missing program (`/docker-entrypoint.sh: 47: exec: foo: not found`).
 */
export function nginxEntrypoint(runScript: (ctx: ProcessContext, path: string) => Promise<number>): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    const log = (line: string): void => {
      if (!ctx.env.NGINX_ENTRYPOINT_QUIET_LOGS) ctx.stdout.write(`${line}\n`);
    };
    if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
      const scripts = ctx.fs.isDirectory(SCRIPT_DIR)
        ? ctx.fs
            .list(SCRIPT_DIR)
            .filter((entry) => !entry.directory)
            .map((entry) => entry.name)
            .sort(versionOrder)
        : [];
      if (scripts.length === 0) log(`${ME}: No files found in ${SCRIPT_DIR}, skipping configuration`);
      else {
        log(`${ME}: ${SCRIPT_DIR} is not empty, will attempt to perform configuration`);
        log(`${ME}: Looking for shell scripts in ${SCRIPT_DIR}`);
        for (const name of scripts) {
          const path = `${SCRIPT_DIR}${name}`;
          const kind = name.endsWith('.envsh') ? 'Sourcing' : name.endsWith('.sh') ? 'Launching' : undefined;
          if (!kind) {
            log(`${ME}: Ignoring ${path}`);
            continue;
          }
          // The image's own scripts are executable; others as their mode says.
          if (!ENTRYPOINT_SCRIPTS.includes(name) && (ctx.fs.stat(path).mode & 0o111) === 0) {
            log(`${ME}: Ignoring ${path}, not executable`);
            continue;
          }
          log(`${ME}: ${kind} ${path}`);
          const builtIn = ENTRYPOINT_SCRIPTS.includes(name) ? BUILT_IN[name] : undefined;
          if (builtIn) builtIn(ctx, log);
          else if (!ENTRYPOINT_SCRIPTS.includes(name)) {
            const status = await runScript(ctx, normalizePath(path, '/'));
            // `set -e`: a failing script ends the entrypoint.
            if (status !== 0) return status;
          }
        }
        log(`${ME}: Configuration complete; ready for start up`);
      }
    }
    if (args.length === 0) return 0;
    const program = ctx.program(args[0]);
    if (!program) {
      ctx.stderr.write(`${ME}: 47: exec: ${args[0]}: not found\n`);
      return 127;
    }
    // `exec "$@"`: the program replaces the script as the same process (PID 1, its signals).
    return program({ ...ctx, argv: args });
  };
}
