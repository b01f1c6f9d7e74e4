import { KubeApiError } from './kubeHttp';
import { sourceHealth } from './sourceHealth';

const server = 'https://cp.example:6443';
const refused = new KubeApiError(
  'GET',
  '/apis/openchoreo.dev/v1alpha1/projects',
  0,
  undefined,
  'GET https://cp.example:6443/apis/openchoreo.dev/v1alpha1/projects could not reach the API server: connect ECONNREFUSED',
);
const notFound = new KubeApiError('GET', '/x', 404, {
  message: 'the server could not find the requested resource',
});

describe('sourceHealth', () => {
  it('is synced with a missing CRD reported as a problem', () => {
    const health = sourceHealth(
      [
        {
          description: 'RenderedRelease',
          resource: 'renderedreleases.openchoreo.dev',
          error: notFound,
        },
      ],
      { server, everListed: true },
    );
    expect(health.state).toBe('synced');
    expect(health.problems).toEqual([
      {
        message:
          'RenderedRelease: renderedreleases.openchoreo.dev is not served by the API server at https://cp.example:6443; install the OpenChoreo v1.2 CRDs (the source checks again every minute)',
      },
    ]);
  });

  it('names the verb RBAC refused: a role may allow list but not watch', () => {
    const forbidden = (method: string, verb: string) =>
      new KubeApiError(method, '/apis/openchoreo.dev/v1alpha1/projects', 403, {
        message: `projects.openchoreo.dev is forbidden: User "system:serviceaccount:backstage:choreo-backstage" cannot ${verb} resource "projects" in API group "openchoreo.dev" at the cluster scope`,
      });
    const messages = (method: string, verb: string) =>
      sourceHealth(
        [
          {
            description: 'Project',
            resource: 'projects.openchoreo.dev',
            error: forbidden(method, verb),
          },
        ],
        { server, everListed: true },
      ).problems.map(p => p.message);
    expect(messages('WATCH', 'watch')).toEqual([
      expect.stringMatching(
        /^Project: not allowed to watch projects\.openchoreo\.dev \(.*cannot watch resource "projects".*\); grant the backend's Kubernetes identity list and watch on it$/,
      ),
    ]);
    expect(messages('GET', 'list')[0]).toMatch(
      /^Project: not allowed to list projects\.openchoreo\.dev /,
    );
  });

  it('is stale when the API server went away after a sync, failing when it never answered', () => {
    const troubles = [
      {
        description: 'Project',
        resource: 'projects.openchoreo.dev',
        error: refused,
      },
      {
        description: 'Component',
        resource: 'components.openchoreo.dev',
        error: refused,
      },
    ];
    const stale = sourceHealth(troubles, { server, everListed: true });
    expect(stale.state).toBe('stale');
    expect(stale.message).toMatch(
      /^Not receiving changes from https:\/\/cp.example:6443: Project: .*ECONNREFUSED \(and 1 more collections\)\. Serving the last known state/,
    );
    const failing = sourceHealth(troubles, { server, everListed: false });
    expect(failing.state).toBe('failing');
    expect(failing.message).toMatch(/Check the source's url\/kubeconfig/);
  });
});
