import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../tests/api';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/** A definition in example.com with the given names. */
function definition(names: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${String(names.plural)}.example.com` },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names,
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        },
      ],
    },
  };
}

type Condition = { type: string; status: string; reason: string; message: string };
const conditions = (crd: { status: { conditions: Condition[] } }): string[] =>
  crd.status.conditions.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`);

describe('CustomResourceDefinition names', () => {
  it('a name another definition of the group holds is not accepted, and the resource not served', async () => {
    const { request } = await createTestApi();
    await request('POST', CRDS, definition({ plural: 'widgets', kind: 'Widget', shortNames: ['wd'] }));
    const gizmos = await request(
      'POST',
      CRDS,
      definition({ plural: 'gizmos', kind: 'Gizmo', shortNames: ['gz', 'wd'] }),
    );
    expect(gizmos.status).toBe(201);
    expect(conditions(gizmos.body)).toEqual([
      'NamesAccepted=False ShortNamesConflict: "wd" is already in use',
      'Established=False NotAccepted: not all names are accepted',
    ]);
    expect(gizmos.body.status.acceptedNames).toEqual({
      plural: 'gizmos',
      singular: 'gizmo',
      kind: 'Gizmo',
      listKind: 'GizmoList',
    });
    expect((await request('GET', '/apis/example.com/v1/namespaces/default/gizmos')).status).toBe(404);
    const discovery = (await request('GET', '/apis/example.com/v1')).body;
    expect(discovery.resources.map((r: { name: string }) => r.name)).toEqual(['widgets']);
  });

  it('reports the last conflicting name, leaving the rejected ones unaccepted', async () => {
    const { request } = await createTestApi();
    await request('POST', CRDS, definition({ plural: 'widgets', kind: 'Widget' }));
    const twin = (await request('POST', CRDS, definition({ plural: 'gadgets', kind: 'Widget' }))).body;
    expect(conditions(twin)[0]).toBe('NamesAccepted=False ListKindConflict: "WidgetList" is already in use');
    expect(twin.status.acceptedNames).toEqual({ plural: 'gadgets', kind: '' });
  });

  it('definitions of other groups may use the same names', async () => {
    const { request } = await createTestApi();
    await request('POST', CRDS, definition({ plural: 'widgets', kind: 'Widget' }));
    const other = definition({ plural: 'widgets', kind: 'Widget' }) as {
      metadata: { name: string };
      spec: { group: string };
    };
    other.metadata.name = 'widgets.other.io';
    other.spec.group = 'other.io';
    const created = (await request('POST', CRDS, other)).body;
    expect(conditions(created)[1]).toBe('Established=True InitialNamesAccepted: the initial names have been accepted');
    expect((await request('GET', '/apis/other.io/v1/namespaces/default/widgets')).status).toBe(200);
  });

  it('an update that frees the conflict gets the names accepted and the resource served', async () => {
    const { request } = await createTestApi();
    await request('POST', CRDS, definition({ plural: 'widgets', kind: 'Widget', shortNames: ['wd'] }));
    const gizmos = (await request('POST', CRDS, definition({ plural: 'gizmos', kind: 'Gizmo', shortNames: ['wd'] })))
      .body;
    gizmos.spec.names.shortNames = ['gz'];
    const updated = (await request('PUT', `${CRDS}/gizmos.example.com`, gizmos)).body;
    expect(conditions(updated)).toEqual([
      'NamesAccepted=True NoConflicts: no conflicts found',
      'Established=True InitialNamesAccepted: the initial names have been accepted',
    ]);
    expect(updated.status.acceptedNames.shortNames).toEqual(['gz']);
    expect((await request('GET', '/apis/example.com/v1/namespaces/default/gizmos')).status).toBe(200);
  });

  it('an established definition keeps serving its accepted names when a new one conflicts', async () => {
    const { request } = await createTestApi();
    await request('POST', CRDS, definition({ plural: 'widgets', kind: 'Widget', shortNames: ['wd'] }));
    const gizmos = (await request('POST', CRDS, definition({ plural: 'gizmos', kind: 'Gizmo', shortNames: ['gz'] })))
      .body;
    gizmos.spec.names.shortNames = ['gz', 'wd'];
    const updated = (await request('PUT', `${CRDS}/gizmos.example.com`, gizmos)).body;
    expect(conditions(updated)).toEqual([
      'NamesAccepted=False ShortNamesConflict: "wd" is already in use',
      'Established=True InitialNamesAccepted: the initial names have been accepted',
    ]);
    const discovery = (await request('GET', '/apis/example.com/v1')).body;
    expect(discovery.resources.find((r: { name: string }) => r.name === 'gizmos').shortNames).toEqual(['gz']);
  });
});
