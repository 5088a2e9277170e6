import { describe, expect, it } from 'vitest';
import { fitErrorMessage, preemptionMessage } from './fit-error';
import { nodeInfo, podRequests } from './resources';
import type { FilterStatus, Pod } from './types';

const status = (code: FilterStatus['code'], ...reasons: string[]): FilterStatus => ({ plugin: 'P', code, reasons });
const node = (name: string) => nodeInfo({ metadata: { name }, status: { allocatable: { cpu: '2', pods: '110' } } }, []);

describe('FitError.Error', () => {
  it('counts each reason over the nodes, sorted as strings, then the preemption message', () => {
    const statuses = [
      status('Unschedulable', 'Insufficient cpu', 'Insufficient memory'),
      status('Unschedulable', 'Insufficient cpu'),
      status('UnschedulableAndUnresolvable', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'),
    ];
    expect(fitErrorMessage(3, statuses, 'preemption: x.')).toBe(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: x.',
    );
  });

  it('marks unresolvable nodes as not helpful and the rest as without victims', () => {
    const nodes = [node('a'), node('b'), node('c')];
    const statuses = new Map([
      ['a', status('Unschedulable', 'Insufficient cpu')],
      ['b', status('UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector")],
      ['c', status('Unschedulable', 'Too many pods')],
    ]);
    expect(preemptionMessage({}, nodes, statuses)).toBe(
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(preemptionMessage({ spec: { preemptionPolicy: 'Never' } }, nodes, statuses)).toBe(
      'preemption: not eligible due to preemptionPolicy=Never.',
    );
  });
});

describe('pod requests', () => {
  it('takes the larger of the containers plus sidecars and each init container with the sidecars before it', () => {
    const pod: Pod = {
      spec: {
        initContainers: [
          { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
          { name: 'migrate', resources: { requests: { cpu: '1', memory: '16Mi' } } },
        ],
        containers: [
          { name: 'a', resources: { requests: { cpu: '200m', memory: '128Mi' } } },
          { name: 'b', resources: { limits: { cpu: '300m' } } },
        ],
        overhead: { cpu: '10m' },
      },
    };
    const r = podRequests(pod);
    // cpu: max(200m + 300m + 100m, 1 + 100m) + 10m overhead; memory: max(128Mi + 64Mi, 16Mi + 64Mi).
    expect(r.milliCPU).toBe(1110);
    expect(r.memory).toBe(192 * 1024 * 1024);
    // Scoring counts a container without a memory request as 200 MiB.
    expect(podRequests(pod, true).memory).toBe((128 + 200 + 64) * 1024 * 1024);
  });
});
