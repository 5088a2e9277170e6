import { neverCancelled, type CancelSignal } from '../../../cancel';
import { VirtualClock } from '../../../clock';
import type { HostNetwork } from '../../../network/host-network';
import { oracleNetwork, type OracleServer } from '../../../network/host-network-testing';
import { createSeededRng } from '../../../rng';
import { MemoryBackend } from '../../../storage/backend';
import type { CommandContext, ShellCommand, ShellServices, Tty } from '../../command';
import type { Volume } from '../../fs/volume';
import { createHostFilesystem, HOME } from '../../host-filesystem';
import { stringInput } from '../../process';

// Test support for the curl and wget tests: a learner's host on a given network (the oracle's,
// recorded by scripts/oracle/record-curl.js and record-wget.js, or a playground's), a way to
// run a command there on virtual time, and the fixtures' shape.

/** One recorded run of the real program. */
export interface OracleCase {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
  files: Record<string, string>;
  slow?: boolean;
  tty?: boolean;
  /** The terminal's width, for a case recorded on one. */
  cols?: number;
}

/** A fixture: the servers the recording saw, the files of its directory, its CA, its cases. */
export interface OracleFixture {
  servers: OracleServer[];
  files: Record<string, string>;
  ca: string;
  cases: OracleCase[];
}

/** The instant the oracle's servers put in their Date headers. */
export const ORACLE_NOW = Date.UTC(2026, 10, 29, 7, 21, 11);
const HOSTS = '127.0.0.1 localhost\n127.0.1.1 kubeplay\n192.168.49.2 minikube\n';

/** Runs a command to its end, moving the virtual clock whenever it waits on a timer. */
export async function drive(clock: VirtualClock, running: Promise<number>): Promise<number> {
  let done = false;
  void running.then(
    () => (done = true),
    () => (done = true),
  );
  // Everything kubeplay does between timers is promise jobs: flushing them lets the command run
  // until it waits on the clock (or ends).
  for (let i = 0; i < 100_000 && !done; i++) {
    for (let j = 0; j < 50 && !done; j++) await Promise.resolve();
    if (!done) clock.advanceToNextTimer();
  }
  return running;
}

/** What a run printed and left in the working directory. */
export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  files: Record<string, string>;
}

/** Runs commands on a learner's host: `fs` its filesystem, `network` its network. */
export function hostRunner(clock: VirtualClock, fs: Volume, network: HostNetwork, ignore: readonly string[] = []) {
  return async (
    command: ShellCommand,
    argv: string[],
    options: { cols?: number; signal?: CancelSignal; stdin?: string } = {},
  ): Promise<RunResult> => {
    let stdout = '';
    let stderr = '';
    const { cols } = options;
    const tty: Tty | undefined =
      cols === undefined ? undefined : { cols, rows: 24, setRawMode: () => {}, onResize: () => () => {} };
    const ctx: CommandContext = {
      argv,
      stdin: stringInput(options.stdin ?? ''),
      stdout: { write: (t) => void (stdout += t) },
      stderr: { write: (t) => void (stderr += t) },
      env: { HOME },
      cwd: HOME,
      fs,
      ...(tty ? { tty } : {}),
      signal: options.signal ?? neverCancelled,
      shell: { clock, fs, network } as unknown as ShellServices,
    };
    const exitCode = await drive(clock, command.run(ctx));
    const files: Record<string, string> = {};
    for (const entry of fs.list(HOME)) {
      if (!ignore.includes(entry.name) && !entry.name.startsWith('.'))
        files[entry.name] = fs.readFile(`${HOME}/${entry.name}`);
    }
    return { stdout, stderr, exitCode, files };
  };
}

/** A learner's host on the oracle's network, and a way to run a command there. */
export async function oracleHost(fixture: Pick<OracleFixture, 'servers' | 'files' | 'ca'>) {
  const clock = new VirtualClock(ORACLE_NOW);
  // The recorder's sandbox named the node in its /etc/hosts; so does this host.
  const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock, systemFiles: { '/etc/hosts': HOSTS } });
  for (const [name, text] of Object.entries(fixture.files)) fs.writeFile(`${HOME}/${name}`, text);
  fs.writeFile(`${HOME}/ca.crt`, fixture.ca);
  const network = oracleNetwork(fixture.servers, HOSTS, fixture.ca, clock, createSeededRng('oracle'));
  const run = hostRunner(clock, fs, network, [...Object.keys(fixture.files), 'ca.crt']);
  return { clock, fs, network, run };
}
