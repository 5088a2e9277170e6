import type { CommandContext } from '../../shell/command';
import { LEARNER } from '../../shell/host-filesystem';
import type { AuditRecord, LastStart } from '../machine';
import { parseFlags } from './flags';
import { auditTable } from './logs-audit';
import { firstStartOutput, lastStartLog } from './logs-last-start';
import { controlPlaneFacts, logSections } from './logs-sections';
import { healthy } from './mustload';
import { EXIT_CODES, usageError } from './output';
import { platform } from './start';

// `minikube logs` (cmd/minikube/cmd/logs.go, pkg/minikube/logs/logs.go): the audit table and the
// last start's log (OutputOffline), then each section of the control plane's logs sorted by name,
// `==> NAME <==` over each; every out.Styled line ends in a newline of its own.

/** logs.go's lookBackwardsCount and numberOfProblems, for --problems. */
const LOOK_BACKWARDS = 400;
const PROBLEMS_PER_LOG = 10;

/** logs.rootCauses: lines that point to known failures (ignoreCauseRe left out). */
const ROOT_CAUSE = new RegExp(
  [
    '^error: ',
    'eviction manager: pods.* evicted',
    'unknown flag: --',
    'forbidden.*no providers available',
    'eviction manager:.*evicted',
    'tls: bad certificate',
    'kubelet.*no API client',
    'kubelet.*No api server',
    'STDIN.*127.0.0.1:8080',
    'failed to create listener',
    'address already in use',
    'unable to evict any pods',
    'eviction manager: unexpected error',
    'Resetting AnonymousAuth to false',
    'Unable to register node.*forbidden',
    'Failed to initialize CSINodeInfo.*forbidden',
    'Failed to admit pod',
    'failed to "StartContainer"',
    'Failed to start ContainerManager',
    'kubelet.*forbidden.*cannot \\w+ resource',
    'leases.*forbidden.*cannot \\w+ resource',
    'failed to start daemon',
  ].join('|'),
);

/** The audit rows: the `minikube start` that made the page's cluster, then this page's commands. */
async function auditRecords(ctx: CommandContext): Promise<AuditRecord[]> {
  const node = await controlPlaneFacts(ctx);
  const first: AuditRecord = {
    command: 'start',
    args: '',
    user: LEARNER.name,
    startTime: node.booted,
    endTime: node.ready ?? node.booted,
  };
  return [first, ...(ctx.shell.minikube?.audit ?? [])];
}

/** The last start: this page's last `minikube start`, else the one that made the cluster. */
async function lastStart(ctx: CommandContext): Promise<LastStart> {
  return (
    ctx.shell.minikube?.lastStart ?? {
      time: (await controlPlaneFacts(ctx)).booted,
      output: firstStartOutput(platform(ctx)),
    }
  );
}

/** OutputAudit: a blank line, the header, the table (none when -n is below 1). */
async function auditText(ctx: CommandContext, lines: number): Promise<string> {
  const table = auditTable(await auditRecords(ctx), lines);
  return `\n==> Audit <==\n${table === undefined ? '' : `${table}\n`}`;
}

/** OutputLastStart: a blank line, the header, the file (out.Styled adds a newline after it). */
async function lastStartText(ctx: CommandContext): Promise<string> {
  return `\n==> Last Start <==\n${lastStartLog(await lastStart(ctx))}\n`;
}

/** logs.Output: the sections sorted by name (Go's byte order), a blank line between them. */
function sectionsText(sections: Map<string, string>): string {
  const names = [...sections.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name, i) => `${i > 0 ? '\n' : ''}==> ${name} <==\n${sections.get(name)}\n`).join('');
}

/** logs.FindProblems and OutputProblems: each section's last problem lines (sorted, where Go's map order varies). */
function problemsText(sections: Map<string, string>): string {
  let text = '';
  for (const name of [...sections.keys()].sort()) {
    const problems = (sections.get(name) ?? '').split('\n').filter((line) => ROOT_CAUSE.test(line));
    if (problems.length === 0) continue;
    text += `❌  Problems detected in ${name}:\n`;
    for (const line of problems.slice(-PROBLEMS_PER_LOG)) text += `    ${line}\n`;
  }
  return text;
}

/** pflag's error for a --length that is not an integer. */
function invalidLength(ctx: CommandContext, value: string): number {
  ctx.stderr.write(
    `Error: invalid argument "${value}" for "-n, --length" flag: strconv.ParseInt: parsing "${value}": invalid syntax\nSee 'minikube logs --help' for usage.\n`,
  );
  return EXIT_CODES.MK_USAGE;
}

/**
 * `minikube logs [-n N] [--file F] [--audit] [--last-start-only] [--problems] [-f] [--node N]`.
 * --node is accepted and, as in v1.37.0, unused: the logs are the control plane's.
 */
export async function logsCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    values: ['length', 'node', 'file'],
    booleans: ['follow', 'problems', 'audit', 'last-start-only'],
    short: { n: 'length', f: 'follow' },
  });
  if (flags.unknown) return usageError(ctx, 'logs', flags.unknown);
  const lengthText = flags.values.get('length') ?? '60';
  if (!/^[+-]?\d+$/.test(lengthText)) return invalidLength(ctx, lengthText);
  const lines = Number(lengthText);
  const on = (name: string): boolean => flags.values.get(name) === 'true';
  const file = flags.values.get('file') ?? '';
  const path = file.startsWith('/') ? file : `${ctx.cwd === '/' ? '' : ctx.cwd}/${file}`;
  let saved = '';
  // os.Create: the file exists (empty) before anything is written to it.
  if (file !== '') ctx.fs.writeFile(path, '');
  const out = (text: string): void | Promise<void> => (file !== '' ? void (saved += text) : ctx.stdout.write(text));
  // --last-start-only and --audit print to stdout even with --file.
  if (on('last-start-only')) {
    await ctx.stdout.write(await lastStartText(ctx));
    return 0;
  }
  if (on('audit')) {
    await ctx.stdout.write(await auditText(ctx, lines));
    return 0;
  }
  await out(`${await auditText(ctx, lines)}${await lastStartText(ctx)}\n`);
  const stopped = ctx.shell.minikube?.state === 'Stopped';
  if (stopped && file !== '') {
    // shouldSilentFail: with --file and the host down, the offline part is all.
    ctx.fs.writeFile(path, saved);
    return 0;
  }
  if (stopped) return (await healthy(ctx)) as number;
  if (on('follow')) {
    for (const text of (await logSections(ctx, 0, true)).values()) await out(text);
    if (file !== '') ctx.fs.writeFile(path, saved);
    // `bash -c "… & … & wait"` runs until the interrupt ends minikube.
    await new Promise<void>((resolve) => ctx.signal.onAbort(resolve));
    return 130;
  }
  if (on('problems')) {
    await out(problemsText(await logSections(ctx, LOOK_BACKWARDS)));
    if (file !== '') ctx.fs.writeFile(path, saved);
    return 0;
  }
  await out(sectionsText(await logSections(ctx, lines)));
  if (file !== '') {
    ctx.fs.writeFile(path, saved);
    await ctx.stdout.write(`✅  Logs file created (${file}), remember to include it when reporting issues!\n`);
  }
  return 0;
}
