// The cases of tests/fixtures/kubectl/streams.json: kubectl logs and exec (not interactive)
// against the scenario of kubectl-scenario.ts, run in this order on one scenario.

/** One case: kubectl's arguments, stdin, and whether its stdout's lines come in Go map order. */
export interface StreamCase {
  args: string[];
  stdin?: string;
  /** Several pods' logs are read from a Go map, in random order: compare the lines sorted. */
  unordered?: boolean;
}

/** The recorded cases. */
export const STREAM_CASES: StreamCase[] = [
  { args: ['logs', 'bb'] },
  { args: ['logs', 'pod/bb'] },
  { args: ['logs', 'deploy/web'] },
  { args: ['logs', 'deploy/web', '--tail=2'] },
  { args: ['logs', 'deploy/web', '--timestamps', '--tail=1'] },
  { args: ['logs', 'deploy/web', '--prefix', '--tail=1'] },
  { args: ['logs', 'svc/web', '--tail=1'] },
  { args: ['logs', 'rs', '--tail=1'] },
  { args: ['logs', '-l', 'app=web', '--prefix'], unordered: true },
  { args: ['logs', '-l', 'app=web', '--tail=1'], unordered: true },
  { args: ['logs', '-l', 'app=nothing'] },
  { args: ['logs', '-l', 'app=web', '-f', '--max-log-requests=1'] },
  { args: ['logs', 'bb', '-c', 'nope'] },
  { args: ['logs', 'bb', 'nope'] },
  { args: ['logs', 'bb', 'bb', '-c', 'bb'] },
  { args: ['logs', 'bb', '-c', 'bb', '--all-containers'] },
  { args: ['logs', 'bb', '--previous'] },
  { args: ['logs', 'bb', '-p', '-c', 'bb'] },
  { args: ['logs', 'bb', '--tail=-2'] },
  { args: ['logs', 'bb', '--since=1h'] },
  { args: ['logs', 'bb', '--since=1h', '--since-time=2026-01-01T00:00:00Z'] },
  { args: ['logs', 'bb', '--limit-bytes=-1'] },
  { args: ['logs', 'nope'] },
  { args: ['logs', 'nope', '-n', 'dev'] },
  { args: ['logs'] },
  { args: ['logs', 'bb', '-l', 'run=bb'] },
  { args: ['logs', 'a', 'b', 'c'] },
  { args: ['logs', 'cm/settings', '-n', 'dev'] },
  { args: ['exec', 'bb', '--', 'echo', 'hello', 'world'] },
  { args: ['exec', 'bb', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'] },
  { args: ['exec', 'bb', '--', 'ls', '/nope'] },
  { args: ['exec', 'bb', '--', 'nosuchcommand'] },
  { args: ['exec', 'bb', '--', 'cat', '/etc/hostname'] },
  { args: ['exec', '-i', 'bb', '--', 'cat'], stdin: 'hello\nworld\n' },
  { args: ['exec', 'bb', '--', 'cat'], stdin: 'ignored\n' },
  { args: ['exec', '-ti', 'bb', '--', 'echo', 'hi'] },
  { args: ['exec', '-t', 'bb', '--', 'echo', 'hi'] },
  { args: ['exec', 'bb', 'ls'] },
  { args: ['exec', 'bb'] },
  { args: ['exec'] },
  { args: ['exec', '--', 'ls'] },
  { args: ['exec', 'nope', '--', 'ls'] },
  { args: ['exec', 'bb', '-c', 'nope', '--', 'ls'] },
  { args: ['exec', 'deploy/web', '--', 'echo', 'hi'] },
  { args: ['exec', 'svc/web', '--', 'echo', 'hi'] },
  { args: ['exec', 'bb', '-n', 'dev', '--', 'ls'] },
  { args: ['exec', 'bb', '--', 'sh', '-c', 'exit 0'] },
];
