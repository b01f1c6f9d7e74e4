import {
  describeDifferences,
  manifestDifferences,
} from './manifestDifferences';

describe('manifestDifferences', () => {
  const existing = {
    metadata: {
      name: 'shop',
      uid: 'abc',
      annotations: { 'openchoreo.dev/display-name': 'Shop', other: 'x' },
    },
    spec: { deploymentPipelineRef: { name: 'default' }, list: [1, 2] },
    status: { conditions: [] },
  };

  it('finds nothing when the existing resource already holds every requested field', () => {
    expect(
      manifestDifferences(existing, {
        metadata: {
          name: 'shop',
          annotations: { 'openchoreo.dev/display-name': 'Shop' },
        },
        spec: { deploymentPipelineRef: { name: 'default' }, list: [1, 2] },
      }),
    ).toEqual([]);
  });

  it('names each differing or missing field; lists compare whole', () => {
    const differences = manifestDifferences(existing, {
      spec: {
        deploymentPipelineRef: { name: 'fast' },
        list: [1],
        type: { name: 'default' },
      },
    });
    expect(differences.map(d => d.path)).toEqual([
      'spec.deploymentPipelineRef.name',
      'spec.list',
      'spec.type.name',
    ]);
    expect(describeDifferences(differences, 2)).toBe(
      'spec.deploymentPipelineRef.name is "default", the request says "fast"; spec.list is [1,2], the request says [1] (and 1 more)',
    );
  });
});
