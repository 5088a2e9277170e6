import { LEARNER } from '../../shell/host-filesystem';
import type { CommandContext, OutputStream } from '../../shell/command';
import type { AuditRecord } from '../machine';
import { MINIKUBE_VERSION } from './info';
import { renderTable } from './table';

// minikube's audit log (pkg/minikube/audit): root.go's PersistentPreRun appends a row for each
// command, PersistentPostRun fills in its end time; `minikube logs` prints the last rows.

/** The top-level commands of minikube v1.37.0 (root.go's command groups), `help` included. */
const MINIKUBE_COMMANDS = new Set([
  ...['start', 'status', 'stop', 'delete', 'dashboard', 'pause', 'unpause', 'docker-env', 'podman-env'],
  ...['cache', 'image', 'addons', 'config', 'profile', 'update-context', 'service', 'tunnel', 'mount'],
  ...['ssh', 'kubectl', 'node', 'cp', 'ssh-key', 'ssh-host', 'ip', 'logs', 'update-check', 'version'],
  ...['options', 'completion', 'license', 'help'],
]);

/** audit.shouldLog's commands that are never logged. */
const NOT_LOGGED = new Set(['status', 'version', 'logs', 'generate-docs', 'profile']);

/** audit.go keeps the last 1000 entries (MaxAuditEntries' default). */
const MAX_ENTRIES = 1000;

/**
 * Runs one `minikube` command line, recording it in the machine's audit log as minikube does
 * (unknown commands and kubeplay's own `clock` are not minikube's, so are not logged). What
 * `minikube start` prints is kept for the Last Start section.
 */
export async function recordInAudit(
  ctx: CommandContext,
  run: (ctx: CommandContext) => Promise<number>,
): Promise<number> {
  const machine = ctx.shell.minikube;
  const [command, ...args] = ctx.argv.slice(1);
  if (!machine || command === undefined || !MINIKUBE_COMMANDS.has(command) || NOT_LOGGED.has(command)) {
    return run(ctx);
  }
  const record: AuditRecord = { command, args: args.join(' '), user: LEARNER.name, startTime: ctx.shell.clock.now() };
  machine.audit.push(record);
  machine.audit.splice(0, Math.max(0, machine.audit.length - MAX_ENTRIES));
  let output = '';
  const stdout: OutputStream = {
    write: (text) => {
      output += text;
      return ctx.stdout.write(text);
    },
  };
  try {
    return await run(command === 'start' ? { ...ctx, stdout } : ctx);
  } finally {
    record.endTime = ctx.shell.clock.now();
    if (command === 'start') machine.lastStart = { time: record.startTime, output };
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Go's time.RFC822 (`02 Jan 06 15:04 MST`, constants.TimeFormat), in the host's zone (UTC). */
export function rfc822(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/**
 * audit.Report(lines).ASCIITable(): the last `lines` rows in tablewriter's box, headers as
 * written (WithHeaderAutoFormat off); undefined when `lines` is below 1 (Report refuses it).
 */
export function auditTable(records: readonly AuditRecord[], lines: number): string | undefined {
  if (lines <= 0) return undefined;
  const rows = records
    .slice(-lines)
    .map((r) => [
      r.command,
      r.args,
      'minikube',
      r.user,
      MINIKUBE_VERSION.version,
      rfc822(r.startTime),
      r.endTime === undefined ? '' : rfc822(r.endTime),
    ]);
  return renderTable(['Command', 'Args', 'Profile', 'User', 'Version', 'Start Time', 'End Time'], rows, false);
}
