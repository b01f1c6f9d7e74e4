import { markedRepositoryPaths, sourceLocationUrl } from './repositoryLocation';

describe('repositoryLocation', () => {
  it('finds the properties a workflow marks as repository url, branch and app path', () => {
    expect(
      markedRepositoryPaths({
        type: 'object',
        properties: {
          repository: {
            type: 'object',
            properties: {
              url: {
                type: 'string',
                'x-openchoreo-component-parameter-repository-url': true,
              },
              revision: {
                type: 'object',
                properties: {
                  branch: {
                    type: 'string',
                    'x-openchoreo-component-parameter-repository-branch': true,
                  },
                },
              },
            },
          },
        },
      }),
    ).toEqual({
      url: ['repository', 'url'],
      branch: ['repository', 'revision', 'branch'],
    });
  });

  it('links to the folder of the component on known hosts', () => {
    expect(
      sourceLocationUrl({
        url: 'https://github.com/openchoreo/sample-workloads',
        branch: 'main',
        appPath: '/project-url-shortener/api-service',
      }),
    ).toBe(
      'https://github.com/openchoreo/sample-workloads/tree/main/project-url-shortener/api-service/',
    );
    expect(
      sourceLocationUrl({
        url: 'https://bitbucket.org/acme/app.git',
        branch: 'dev',
        appPath: '.',
      }),
    ).toBe('https://bitbucket.org/acme/app/src/dev/');
  });

  it('links to the repository elsewhere, and not at all for ssh remotes', () => {
    expect(
      sourceLocationUrl({
        url: 'https://git.acme.internal/shop',
        branch: 'main',
      }),
    ).toBe('https://git.acme.internal/shop/');
    expect(
      sourceLocationUrl({
        url: 'git@github.com:acme/shop.git',
        branch: 'main',
      }),
    ).toBeUndefined();
  });
});
