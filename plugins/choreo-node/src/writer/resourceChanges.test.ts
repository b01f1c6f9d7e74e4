import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import {
  assertAsExpected,
  changedFields,
  ResourceChangedError,
} from './resourceChanges';

const binding = (spec: Record<string, unknown>, extra: object = {}) =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'ReleaseBinding',
    metadata: { name: 'api-production', namespace: 'acme', ...extra },
    spec: { environment: 'production', ...spec },
  } as unknown as ChoreoResource);

describe('changedFields', () => {
  it('names the fields a person would call a change, not the bookkeeping', () => {
    const seen = binding({ releaseName: 'r1' }, { resourceVersion: '10' });
    const now = {
      ...binding(
        { releaseName: 'r2' },
        {
          resourceVersion: '11',
          generation: 3,
          annotations: { 'openchoreo.dev/restartedAt': 't' },
        },
      ),
      status: { conditions: [] },
    } as ChoreoResource;
    expect(changedFields(seen, now)).toEqual([
      {
        field: 'metadata.annotations',
        path: ['metadata', 'annotations'],
        after: { 'openchoreo.dev/restartedAt': 't' },
      },
      {
        field: 'spec.releaseName',
        path: ['spec', 'releaseName'],
        before: 'r1',
        after: 'r2',
      },
    ]);
    expect(
      changedFields(seen, { ...seen, status: { x: 1 } } as ChoreoResource),
    ).toEqual([]);
  });
});

describe('assertAsExpected', () => {
  it('refuses a write when the resource moved on, saying what changed', () => {
    expect(() =>
      assertAsExpected(
        'ReleaseBinding acme/api-production',
        binding({ releaseName: 'r1' }),
        binding({ releaseName: 'r2' }),
      ),
    ).toThrow(
      'ReleaseBinding acme/api-production changed since you looked at it: spec.releaseName was r1, is r2. Reload and try again.',
    );
  });

  it('refuses when it was created or deleted meanwhile', () => {
    expect(() => assertAsExpected('x', null, binding({}))).toThrow(
      /created meanwhile/,
    );
    expect(() => assertAsExpected('x', binding({}), undefined)).toThrow(
      ResourceChangedError,
    );
  });

  it('lets the write through when nothing changed or nothing was expected', () => {
    expect(() =>
      assertAsExpected(
        'x',
        binding({ releaseName: 'r1' }),
        binding({ releaseName: 'r1' }),
      ),
    ).not.toThrow();
    expect(() => assertAsExpected('x', undefined, binding({}))).not.toThrow();
    expect(() => assertAsExpected('x', null, undefined)).not.toThrow();
  });
});
