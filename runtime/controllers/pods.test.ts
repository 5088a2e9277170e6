import { describe, expect, it } from 'vitest';
import { formatTime } from '../util/time';
import { isPodActive, isPodAvailable, labelSelectorMatcher, podsToDelete, type Pod } from './pods';

const NOW = Date.UTC(2026, 0, 1, 12);
const ago = (seconds: number): string => formatTime(NOW - seconds * 1000);

interface PodShape {
  name: string;
  node?: string;
  phase?: string;
  readySince?: number;
  created?: number;
  restarts?: number;
  cost?: string;
}

function pod({ name, node, phase = 'Pending', readySince, created = 1000, restarts = 0, cost }: PodShape): Pod {
  return {
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: ago(created),
      ...(cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': cost } } : {}),
    },
    spec: node ? { nodeName: node } : {},
    status: {
      phase,
      conditions:
        readySince === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: ago(readySince) }],
      containerStatuses: [{ restartCount: restarts }],
    },
  };
}

const firstToDelete = (pods: PodShape[], count = 1): string[] =>
  podsToDelete(pods.map(pod), [], count, NOW).map((p) => p.metadata?.name ?? '');

describe('podsToDelete (ActivePodsWithRanks)', () => {
  it.each([
    ['unassigned before assigned', [{ name: 'on-node', node: 'n' }, { name: 'nowhere' }], 'nowhere'],
    [
      'Pending before Unknown before Running',
      [
        { name: 'running', node: 'n', phase: 'Running' },
        { name: 'unknown', node: 'n', phase: 'Unknown' },
        { name: 'pending', node: 'n', phase: 'Pending' },
      ],
      'pending',
    ],
    [
      'not ready before ready',
      [
        { name: 'ready', node: 'n', phase: 'Running', readySince: 10 },
        { name: 'not-ready', node: 'n', phase: 'Running' },
      ],
      'not-ready',
    ],
    [
      'lower pod-deletion-cost first',
      [
        { name: 'dear', node: 'n', phase: 'Running', readySince: 10, cost: '100' },
        { name: 'cheap', node: 'n', phase: 'Running', readySince: 10, cost: '-5' },
      ],
      'cheap',
    ],
    [
      'ready for less time first (log scale)',
      [
        { name: 'old-ready', node: 'n', phase: 'Running', readySince: 600 },
        { name: 'new-ready', node: 'n', phase: 'Running', readySince: 5 },
      ],
      'new-ready',
    ],
    [
      'more restarts first',
      [
        { name: 'calm', node: 'n', phase: 'Running', readySince: 60 },
        { name: 'crashy', node: 'n', phase: 'Running', readySince: 60, restarts: 4 },
      ],
      'crashy',
    ],
    [
      'newer first (log scale)',
      [
        { name: 'old', created: 3600 },
        { name: 'new', created: 10 },
      ],
      'new',
    ],
  ])('%s', (_title, pods, expected) => {
    expect(firstToDelete(pods as PodShape[])).toEqual([expected]);
    expect(firstToDelete([...(pods as PodShape[])].reverse())).toEqual([expected]);
  });

  it('ties on the logarithmic scale are broken by UID', () => {
    // 100 s and 120 s ago fall in the same power of two of nanoseconds.
    const pods = [
      { name: 'b', created: 100 },
      { name: 'a', created: 120 },
    ];
    expect(firstToDelete(pods)).toEqual(['a']);
    expect(firstToDelete([...pods].reverse())).toEqual(['a']);
  });

  it('prefers pods doubled up on a node with related pods', () => {
    const pods = [pod({ name: 'alone', node: 'n1' }), pod({ name: 'crowded', node: 'n2' })];
    const related = [...pods, pod({ name: 'other', node: 'n2' })];
    expect(podsToDelete(pods, related, 1, NOW).map((p) => p.metadata?.name)).toEqual(['crowded']);
  });
});

describe('pod helpers', () => {
  it('active means neither finished nor being deleted', () => {
    expect(isPodActive(pod({ name: 'a' }))).toBe(true);
    expect(isPodActive(pod({ name: 'a', phase: 'Succeeded' }))).toBe(false);
    expect(isPodActive({ ...pod({ name: 'a' }), metadata: { deletionTimestamp: ago(0) } })).toBe(false);
  });

  it('available means ready for longer than minReadySeconds', () => {
    const ready = pod({ name: 'a', phase: 'Running', readySince: 10 });
    expect(isPodAvailable(ready, 0, NOW)).toBe(true);
    expect(isPodAvailable(ready, 9, NOW)).toBe(true);
    expect(isPodAvailable(ready, 10, NOW)).toBe(false);
  });

  it('matches label selectors as LabelSelectorAsSelector does', () => {
    const match = labelSelectorMatcher({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['front', 'edge'] },
        { key: 'debug', operator: 'DoesNotExist' },
      ],
    });
    expect(match({ app: 'web', tier: 'front' })).toBe(true);
    expect(match({ app: 'web', tier: 'back' })).toBe(false);
    expect(match({ app: 'web', tier: 'edge', debug: '1' })).toBe(false);
    expect(labelSelectorMatcher(undefined)({ app: 'web' })).toBe(false);
    expect(labelSelectorMatcher({})({ app: 'web' })).toBe(true);
  });
});
