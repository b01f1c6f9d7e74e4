import { organization, project } from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { translateRoot } from './translationRoots';

describe('projectToSystem', () => {
  it('makes a project a System in its Domain, owned by the team on its annotation', () => {
    const ctx = contextFor(organization());
    expect(translateRoot(ctx, 'Project:acme/shop')).toEqual([
      expect.objectContaining({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: expect.objectContaining({
          name: 'shop',
          namespace: 'acme',
          tags: ['type-default'],
        }),
        spec: {
          owner: 'group:default/storefront-team',
          domain: 'domain:acme/acme',
        },
      }),
    ]);
  });

  it('uses the configured project owner when the project has no annotation', () => {
    const ctx = contextFor(organization(), [
      {
        namespace: 'acme',
        project: 'payments',
        owner: 'group:default/payments-team',
      },
    ]);
    expect(translateRoot(ctx, 'Project:acme/payments')[0].spec?.owner).toBe(
      'group:default/payments-team',
    );
  });

  it('accepts the pre-v1.0 string pipeline ref', () => {
    const legacy = project('legacy');
    (legacy.spec as { deploymentPipelineRef: unknown }).deploymentPipelineRef =
      'default';
    const ctx = contextFor([...organization(), legacy]);
    expect(
      translateRoot(ctx, 'DeploymentPipeline:acme/default')[0].spec
        ?.dependencyOf,
    ).toEqual([
      'system:acme/legacy',
      'system:acme/payments',
      'system:acme/shop',
    ]);
  });
});
