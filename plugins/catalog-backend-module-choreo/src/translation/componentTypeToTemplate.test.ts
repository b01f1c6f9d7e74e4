import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { organization } from '../__fixtures__/organization';
import { contextFor } from '../__testUtils__/translationContext';
import { validateEntity } from '../__testUtils__/validateEntity';
import { COMPONENT_NAME_PATTERN } from './componentTypeToTemplate';
import { translateRoot } from './translationRoots';

type Json = Record<string, any>;

describe('componentTypeToTemplate', () => {
  const ctx = contextFor(organization());
  const [service] = translateRoot(ctx, 'ClusterComponentType:service');
  const spec = service.spec as Json;

  it('generates a valid scaffolder template for the component type', async () => {
    expect(service).toMatchObject({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: {
        name: 'service',
        namespace: 'acme',
        title: 'Service',
        description: 'Long-running API server',
        tags: ['openchoreo', 'deployment'],
      },
    });
    expect(spec.type).toBe('service');
    await expect(templateEntityV1beta3Validator.check(service)).resolves.toBe(
      true,
    );
    await expect(validateEntity(service)).resolves.toBeUndefined();
  });

  it('asks for a project of the source and a Kubernetes-valid component name first', () => {
    const first = spec.parameters[0];
    expect(first.required).toEqual(['project', 'name']);
    expect(first.properties.project).toMatchObject({
      'ui:field': 'EntityPicker',
      'ui:options': {
        catalogFilter: {
          kind: 'System',
          'metadata.annotations.openchoreo.dev/source': 'acme',
        },
      },
    });
    const pattern = new RegExp(first.properties.name.pattern);
    expect(first.properties.name.pattern).toBe(COMPONENT_NAME_PATTERN);
    expect(pattern.test('orders-api')).toBe(true);
    expect(pattern.test('Orders_API')).toBe(false);
  });

  it("turns the type's parameter schema into the second page, refs inlined and Kubernetes extensions dropped", () => {
    const settings = spec.parameters[1].properties.componentParameters;
    expect(settings.properties.replicas).toEqual({
      title: 'Replicas',
      type: 'integer',
      minimum: 0,
      default: 1,
    });
    expect(settings.properties.resources).toMatchObject({
      title: 'Resources',
      type: 'object',
      properties: { cpu: { type: 'string', default: '250m' } },
    });
    expect(settings.properties.exposeMetrics).toEqual({
      title: 'Expose metrics',
      type: 'boolean',
      default: true,
    });
    expect(settings.$defs).toBeUndefined();
  });

  it('asks where the code lives when the type allows builds', () => {
    const build = spec.parameters[2];
    expect(build.properties.workflow.enum).toEqual(['dockerfile-builder']);
  });

  it('creates the component with the Choreo action and links to the new entity', () => {
    expect(spec.steps).toEqual([
      expect.objectContaining({
        id: 'create',
        action: 'choreo:component:create',
        input: expect.objectContaining({
          project: '${{ parameters.project }}',
          name: '${{ parameters.name }}',
          componentType: {
            kind: 'ClusterComponentType',
            name: 'deployment/service',
          },
          parameters: '${{ parameters.componentParameters }}',
          workflow: '${{ parameters.workflow }}',
        }),
      }),
    ]);
    expect(spec.steps.map((s: Json) => s.action)).not.toContain(
      'catalog:register',
    );
    expect(spec.output.links[0].entityRef).toBe(
      "component:${{ parameters.project | parseEntityRef | pick('namespace') }}/${{ parameters.name }}",
    );
  });

  it('keeps a namespaced component type to the projects of its namespace; without builds it asks for an image', async () => {
    const namespaced = {
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'ComponentType',
      metadata: { name: 'static-site', namespace: 'acme' },
      spec: { workloadType: 'deployment', resources: [] },
    } as unknown as ChoreoResource;
    const [template] = translateRoot(
      contextFor([...organization(), namespaced]),
      'ComponentType:acme/static-site',
    );
    const parameters = (template.spec as Json).parameters;
    // No settings page (no parameter schema); the source page has only the image.
    expect(parameters).toHaveLength(2);
    expect(
      parameters[0].properties.project['ui:options'].catalogFilter,
    ).toEqual({ kind: 'System', 'metadata.namespace': 'acme' });
    expect(parameters[1].required).toEqual(['image']);
    expect(Object.keys(parameters[1].properties)).toEqual(['image']);
    expect((template.spec as Json).steps[0].input.image).toBe(
      '${{ parameters.image }}',
    );
    expect((template.spec as Json).type).toBe('static-site');
    await expect(validateEntity(template)).resolves.toBeUndefined();
  });
});
