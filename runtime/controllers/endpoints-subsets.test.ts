import { describe, expect, it } from 'vitest';
import { endpointPortDump, fnv128aHex, md5Hex, slicePortDump } from './endpoints-hash';
import { capacityAnnotationSetCorrectly, repackSubsets, truncateSubsets } from './endpoints-subsets';
import type { EndpointAddress } from './endpoints-types';

const addr = (ip: string, uid = `uid-${ip}`): EndpointAddress => ({
  ip,
  nodeName: 'minikube',
  targetRef: { kind: 'Pod', namespace: 'default', name: `pod-${ip}`, uid },
});
const http = { name: 'http', port: 8080, protocol: 'TCP' };
const metrics = { name: 'metrics', port: 9100, protocol: 'TCP', appProtocol: 'http' };

describe('endpoint hashes', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['The quick brown fox jumps over the lazy dog', '9e107d9d372bb6826bd81d3542a419d6'],
    ['x'.repeat(200), '30a83621ce5422fbdfdd539777458c78'],
  ])('md5(%j)', (text, digest) => expect(md5Hex(text)).toBe(digest));

  it('fnv-128a', () => {
    expect(fnv128aHex('')).toBe('6c62272e07bb014262b821756295c58d');
    expect(fnv128aHex('a')).toBe('d228cb696f1a8caf78912b704e4a8964');
  });

  it("dumps ports as go-spew's %#v does", () => {
    expect(endpointPortDump(http)).toBe(
      '(v1.EndpointPort){Name:(string)http Port:(int32)8080 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}',
    );
    expect(md5Hex(endpointPortDump(metrics))).toBe('9511110680da4dff4c91d93bdf8dd817');
    expect(slicePortDump({ name: '', protocol: 'TCP', port: 80 })).toBe(
      '(v1.EndpointPort){Name:(*string) Protocol:(*v1.Protocol)TCP Port:(*int32)80 AppProtocol:(*string)<nil>}',
    );
  });
});

describe('repackSubsets', () => {
  it('merges per-pod subsets by port set, addresses sorted by IP, ports by hash', () => {
    const subsets = repackSubsets([
      { addresses: [addr('10.0.0.9')], ports: [http] },
      { addresses: [addr('10.0.0.10')], ports: [http] },
      { notReadyAddresses: [addr('10.0.0.2')], ports: [http] },
      { addresses: [addr('10.0.0.9')], ports: [metrics] },
      { addresses: [addr('10.0.0.10')], ports: [metrics] },
      { notReadyAddresses: [addr('10.0.0.2')], ports: [metrics] },
    ]);
    expect(subsets).toEqual([
      {
        // Bytewise: "10.0.0.10" < "10.0.0.9".
        addresses: [addr('10.0.0.10'), addr('10.0.0.9')],
        notReadyAddresses: [addr('10.0.0.2')],
        // md5 9511… (metrics) before fc51… (http).
        ports: [metrics, http],
      },
    ]);
  });

  it('counts an address not ready if any subset says so, and keeps portless addresses', () => {
    expect(
      repackSubsets([
        { addresses: [addr('10.0.0.1')], ports: [http] },
        { notReadyAddresses: [addr('10.0.0.1')], ports: [http] },
      ]),
    ).toEqual([{ notReadyAddresses: [addr('10.0.0.1')], ports: [http] }]);
    expect(repackSubsets([{ addresses: [addr('10.0.0.1')] }])).toEqual([{ addresses: [addr('10.0.0.1')] }]);
    expect(repackSubsets([])).toEqual([]);
  });
});

describe('truncateSubsets', () => {
  const many = (prefix: string, n: number): EndpointAddress[] =>
    Array.from({ length: n }, (_, i) => addr(`${prefix}.${i}`));

  it('keeps 1000 addresses, ready first, each subset its share', () => {
    const subsets = [
      { addresses: many('10.1', 600), notReadyAddresses: many('10.2', 50), ports: [http] },
      { addresses: many('10.3', 600), ports: [metrics] },
    ];
    expect(truncateSubsets(subsets)).toBe(true);
    expect(subsets.map((s) => [s.addresses?.length, s.notReadyAddresses?.length])).toEqual([
      [500, undefined],
      [500, undefined],
    ]);
    expect(capacityAnnotationSetCorrectly({ 'endpoints.kubernetes.io/over-capacity': 'truncated' }, subsets)).toBe(
      false,
    );
    expect(capacityAnnotationSetCorrectly({}, subsets)).toBe(true);
  });

  it('truncates only not-ready addresses while the ready ones fit', () => {
    const subsets = [
      { addresses: many('10.1', 900), notReadyAddresses: many('10.2', 150), ports: [http] },
      { notReadyAddresses: many('10.3', 50), ports: [metrics] },
    ];
    expect(truncateSubsets(subsets)).toBe(true);
    // 100 places for 200 not ready: 75 and 25 by proportion.
    expect(subsets.map((s) => [s.addresses?.length, s.notReadyAddresses?.length])).toEqual([
      [900, 75],
      [undefined, 25],
    ]);
    expect(truncateSubsets([{ addresses: many('10.4', 1000), ports: [http] }])).toBe(false);
  });
});
