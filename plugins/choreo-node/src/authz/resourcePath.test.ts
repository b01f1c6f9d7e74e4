import { resourcePath, resourcePathCovers } from './resourcePath';

describe('resourcePath', () => {
  it.each([
    [{}, '*'],
    [{ namespace: 'acme' }, 'ns/acme'],
    [{ namespace: 'acme', project: 'crm' }, 'ns/acme/project/crm'],
    [
      { namespace: 'acme', project: 'crm', component: 'c1' },
      'ns/acme/project/crm/component/c1',
    ],
    [
      { namespace: 'acme', project: 'crm', resource: 'db' },
      'ns/acme/project/crm/resource/db',
    ],
    // The component wins over the resource.
    [
      { namespace: 'acme', project: 'crm', component: 'c1', resource: 'db' },
      'ns/acme/project/crm/component/c1',
    ],
    // Missing levels are skipped and the leading slash trimmed.
    [{ project: 'crm' }, 'project/crm'],
    [{ namespace: 'acme', component: 'c1' }, 'ns/acme/component/c1'],
    [{ resource: 'db' }, 'resource/db'],
    // Values are not escaped; slashes at the ends are trimmed.
    [{ namespace: 'acme/project/crm' }, 'ns/acme/project/crm'],
    [
      { namespace: 'acme', project: 'crm', component: 'c1/' },
      'ns/acme/project/crm/component/c1',
    ],
    [{ namespace: '', project: '' }, '*'],
  ])('%j is %s', (hierarchy, path) => {
    expect(resourcePath(hierarchy)).toBe(path);
  });
});

describe('resourcePathCovers', () => {
  it('covers the scope itself and everything below it', () => {
    expect(resourcePathCovers('ns/acme', 'ns/acme')).toBe(true);
    expect(resourcePathCovers('ns/acme/project/crm', 'ns/acme')).toBe(true);
  });

  it('never covers above the scope or a sibling with the same prefix', () => {
    expect(resourcePathCovers('ns/acme', 'ns/acme/project/crm')).toBe(false);
    expect(resourcePathCovers('ns/acme2', 'ns/acme')).toBe(false);
    expect(resourcePathCovers('*', 'ns/acme')).toBe(false);
  });

  it('lets the cluster scope cover everything, the cluster included', () => {
    expect(resourcePathCovers('*', '*')).toBe(true);
    expect(resourcePathCovers('ns/acme/project/crm', '*')).toBe(true);
  });
});
