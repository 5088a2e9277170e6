// Replays tests/fixtures/busybox/cases.json (scripts/oracle/record-busybox.js: real busybox in a
// pod-like network namespace) through kubeplay's applets on a fake pod network that gives the
// same DNS answers and HTTP replies, and requires the same stdout, stderr and exit status. The
// only differences allowed are the build's: the banner's version line, and wget's usage (the
// official image's build has -T and no OpenSSL), and what no two hosts share: interface
// counters, MAC addresses, interface indexes, round-trip times, and the recording's own service
// addresses on its loopback.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { DnsResponse } from '../../network/dns-types';
import type { Volume } from '../../shell/fs/volume';
import { BUSYBOX } from '../busybox';
import type { HttpResponse } from '../types';
import { BANNER, usageText } from './applet';
import { BUSYBOX_PROGRAMS } from './index';
import { fakeNetwork, runInPod } from '../../../tests/busybox-pod';
import { USAGE_TEXTS } from './usage-texts';

interface Case {
  args: string[];
  files?: Record<string, string>;
  /** The case ran in a copy of the fixture's tree. */
  tree?: boolean;
  stdin?: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/busybox/cases.json', import.meta.url), 'utf8'),
) as {
  resolvConf: string;
  hosts: string;
  dns: Record<string, DnsResponse>;
  routes: Record<string, HttpResponse>;
  tree: { files: Record<string, string>; executable: string[]; mtime: number };
  cases: Case[];
};

const CWD = '/root';

/** The recording's text as the official image's busybox prints it. */
function imageText(text: string): string {
  return text
    .replace(/^BusyBox v1\.35\.0 \(Debian [^)]*\) multi-call binary\./m, BANNER)
    .replace(USAGE_TEXTS.wget, usageText('wget').split('\n\n').slice(1).join('\n\n'));
}

/** What differs between any two hosts, made alike on both sides. */
function hostNeutral(text: string): string {
  return text
    .replace(/(RX|TX) packets:\d+/g, '$1 packets:N')
    .replace(/(RX|TX) bytes:\d+ \([\d.]+ \w*B\)/g, '$1 bytes:N')
    .replace(/HWaddr [0-9A-F:]{17}/g, 'HWaddr MAC')
    .replace(/link\/ether [0-9a-f:]{17}/g, 'link/ether MAC')
    .replace(/fe80::[0-9a-f:]+/g, 'fe80::EUI')
    .replace(/^\d+: eth0@if\d+:/gm, 'N: eth0@ifN:')
    .replace(/time=\d+\.\d+ ms/g, 'time=T ms')
    .replace(/min\/avg\/max = [\d./]+ ms/g, 'min/avg/max = T ms');
}

/** The recording's setup, not a pod's: the service addresses it put on its loopback. */
const withoutRecorderAddresses = (text: string): string =>
  text.replace(/ {4}inet 10\.(96|244)\.0\.\d+\/32 scope global lo\n {7}valid_lft forever preferred_lft forever\n/g, '');

const net = fakeNetwork({
  hosts: ['10.244.0.5'],
  address: '10.244.0.9',
  nameserver: '10.96.0.10',
  dns: fixture.dns,
  http: { '10.96.0.12:80': (request) => fixture.routes[request.path] ?? fixture.routes['*'] },
});

async function replay(c: Case) {
  const files: Record<string, string> = {
    ...BUSYBOX.files(),
    '/etc/resolv.conf': fixture.resolvConf,
    '/etc/hosts': fixture.hosts,
  };
  for (const [name, text] of Object.entries({ ...c.files, ...(c.tree ? fixture.tree.files : {}) }))
    files[`${CWD}/${name}`] = text;
  if (!c.tree) files[`${CWD}/.keep`] = '';
  const prepare = (fs: Volume): void => {
    if (!c.tree) return;
    for (const name of fixture.tree.executable) fs.chmod(`${CWD}/${name}`, 0o755);
    for (const name of [...Object.keys(fixture.tree.files), 'd']) fs.utimes(`${CWD}/${name}`, fixture.tree.mtime);
  };
  const run = runInPod(c.args, { files, prepare, net, cwd: CWD, stdin: c.stdin });
  const exitCode = await run.finish();
  return { stdout: hostNeutral(run.stdout()), stderr: hostNeutral(run.stderr()), exitCode };
}

const implemented = fixture.cases.filter((c) => c.args[0] in BUSYBOX_PROGRAMS);
let identical = 0;

describe('busybox applets against the real busybox', () => {
  it.each(implemented.map((c) => [c.args.join(' '), c] as const))('busybox %s', async (_, c) => {
    const got = await replay(c);
    const expected = (text: string): string => hostNeutral(withoutRecorderAddresses(imageText(text)));
    expect(got).toEqual({ stdout: expected(c.stdout), stderr: expected(c.stderr), exitCode: c.exitCode });
    identical++;
  });

  afterAll(() => {
    process.stdout.write(
      `busybox oracle: ${identical}/${implemented.length} identical (${fixture.cases.length} recorded)\n`,
    );
  });
});
