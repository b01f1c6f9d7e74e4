import { keepOwnedFields, managersOf, pickFields } from './managedFields';

/** A ReleaseBinding as the API server returns it after the portal promoted and the controller wrote status. */
const live = {
  apiVersion: 'openchoreo.dev/v1alpha1',
  kind: 'ReleaseBinding',
  metadata: {
    name: 'api-production',
    namespace: 'acme',
    resourceVersion: '42',
    annotations: {
      'openchoreo.dev/restartedAt': '2026-12-01T10:00:00Z',
      'team.example/note': 'kubectl wrote this',
    },
    managedFields: [
      {
        manager: 'choreo-backstage',
        operation: 'Apply',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': {
            'f:annotations': { 'f:openchoreo.dev/restartedAt': {} },
          },
          'f:spec': {
            'f:environment': {},
            'f:owner': { 'f:componentName': {}, 'f:projectName': {} },
            'f:releaseName': {},
          },
        },
      },
      {
        manager: 'kubectl-edit',
        operation: 'Update',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:annotations': { 'f:team.example/note': {} } },
          'f:spec': {
            'f:workloadOverrides': { 'f:env': { 'k:{"key":"A"}': {} } },
          },
        },
      },
    ],
  },
  spec: {
    environment: 'production',
    owner: { projectName: 'shop', componentName: 'api' },
    releaseName: 'api-r2',
    workloadOverrides: { env: [{ key: 'A', value: '1' }] },
  },
  status: { conditions: [] },
};

describe('keepOwnedFields', () => {
  it('sends what the portal applied before along with a change that leaves it out', () => {
    // a restart names only the annotation; releaseName must survive it
    const restart = {
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'ReleaseBinding',
      metadata: {
        name: 'api-production',
        namespace: 'acme',
        annotations: { 'openchoreo.dev/restartedAt': '2026-12-02T08:00:00Z' },
      },
      spec: { state: 'Active' },
    };
    expect(keepOwnedFields(live, 'choreo-backstage', restart)).toEqual({
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'ReleaseBinding',
      metadata: {
        name: 'api-production',
        namespace: 'acme',
        annotations: { 'openchoreo.dev/restartedAt': '2026-12-02T08:00:00Z' },
      },
      spec: {
        environment: 'production',
        owner: { projectName: 'shop', componentName: 'api' },
        releaseName: 'api-r2',
        state: 'Active',
      },
    });
  });

  it('sends the change as it is when the portal never applied the object', () => {
    const change = { metadata: { name: 'x' }, spec: { releaseName: 'r' } };
    expect(keepOwnedFields(live, 'someone-else', change)).toBe(change);
    expect(keepOwnedFields(undefined, 'choreo-backstage', change)).toBe(change);
  });
});

describe('pickFields', () => {
  it('takes a list with owned items whole', () => {
    expect(
      pickFields(live, {
        'f:spec': {
          'f:workloadOverrides': { 'f:env': { 'k:{"key":"A"}': {} } },
        },
      }),
    ).toEqual({
      spec: { workloadOverrides: { env: [{ key: 'A', value: '1' }] } },
    });
  });
});

describe('managersOf', () => {
  it('names who manages a field, annotation keys with dots included', () => {
    expect(managersOf(live, ['spec', 'releaseName'])).toEqual([
      'choreo-backstage',
    ]);
    expect(
      managersOf(live, ['metadata', 'annotations', 'team.example/note']),
    ).toEqual(['kubectl-edit']);
    expect(managersOf(live, ['metadata', 'annotations'])).toEqual([
      'choreo-backstage',
      'kubectl-edit',
    ]);
    expect(
      managersOf(live, ['spec', 'workloadOverrides', 'env', '0', 'value']),
    ).toEqual(['kubectl-edit']);
    expect(managersOf(live, ['spec', 'state'])).toEqual([]);
  });
});
