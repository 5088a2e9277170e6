import { describe, expect, it } from 'vitest';
import { computeHash, deepHashText, fnv32a, safeEncodeString } from './pod-template-hash';

const bytes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The template `kubectl create deployment nginx --image=nginx` stores, after the API server's defaults. */
const NGINX = {
  metadata: { labels: { app: 'nginx' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        imagePullPolicy: 'Always',
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  },
};

describe('pod-template-hash', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-32a of %j is %i', (text, sum) => {
    expect(fnv32a(0x811c9dc5, bytes(text))).toBe(sum);
  });

  it('encodes decimal digits as rand.SafeEncodeString does', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('prints the template as spew %#v prints the Go struct', () => {
    const text = deepHashText(NGINX);
    expect(
      text.startsWith('(v1.PodTemplateSpec){ObjectMeta:(v1.ObjectMeta){Name:(string) GenerateName:(string) '),
    ).toBe(true);
    expect(text).toContain(
      'CreationTimestamp:(v1.Time){Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}} ' +
        'DeletionTimestamp:(*v1.Time)<nil> DeletionGracePeriodSeconds:(*int64)<nil> ' +
        'Labels:(map[string]string)map[app:nginx] Annotations:(map[string]string)<nil>',
    );
    expect(text).toContain(
      'Containers:([]v1.Container)[{Name:(string)nginx Image:(string)nginx Command:([]string)<nil> Args:([]string)<nil> ',
    );
    expect(text).toContain(
      'Resources:(v1.ResourceRequirements){Limits:(v1.ResourceList)<nil> Requests:(v1.ResourceList)<nil> Claims:([]v1.ResourceClaim)<nil>}',
    );
    expect(text).toContain('TerminationGracePeriodSeconds:(*int64)30 ActiveDeadlineSeconds:(*int64)<nil> ');
    expect(text).toContain('ImagePullPolicy:(v1.PullPolicy)Always SecurityContext:(*v1.SecurityContext)<nil> ');
    expect(text.endsWith('Resources:(*v1.ResourceRequirements)<nil> HostnameOverride:(*string)<nil>}}')).toBe(true);
  });

  it('prints quantities and int-or-strings with their Go internals', () => {
    const text = deepHashText({
      spec: {
        containers: [
          { name: 'c', resources: { limits: { cpu: '500m', memory: '128Mi' } }, ports: [{ containerPort: 80 }] },
        ],
      },
    });
    expect(text).toContain(
      'Limits:(v1.ResourceList)map[cpu:{i:(resource.int64Amount){value:(int64)500 scale:(resource.Scale)-3} ' +
        'd:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)500m Format:(resource.Format)DecimalSI} ' +
        'memory:{i:(resource.int64Amount){value:(int64)134217728 scale:(resource.Scale)0} ' +
        'd:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string) Format:(resource.Format)BinarySI}]',
    );
    expect(text).toContain('Ports:([]v1.ContainerPort)[{Name:(string) HostPort:(int32)0 ContainerPort:(int32)80 ');
  });

  it('is stable, drawn from 4-9 and b, c, d, f, and moved by collisionCount', () => {
    // Pinned as a regression value: not yet checked against a real v1.34 cluster.
    expect(computeHash(NGINX)).toBe('66686b6766');
    expect(computeHash(NGINX)).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(NGINX, 1)).not.toBe(computeHash(NGINX));
    const other = {
      ...NGINX,
      spec: { ...NGINX.spec, containers: [{ ...NGINX.spec.containers[0], image: 'nginx:1.27' }] },
    };
    expect(computeHash(other)).not.toBe(computeHash(NGINX));
    // Empty lists and maps are nil, as after a protobuf round trip.
    expect(computeHash({ ...NGINX, spec: { ...NGINX.spec, volumes: [], nodeSelector: {} } })).toBe(computeHash(NGINX));
  });
});
