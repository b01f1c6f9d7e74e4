import { Entity } from '@backstage/catalog-model';
import {
  CHOREO_ANNOTATIONS,
  ClusterComponentType,
  ComponentType,
} from '@choreo-for-backstage/plugin-choreo-common';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { CHOREO_ENTITY_ANNOTATIONS } from './annotations';
import { specTypeOf } from './componentTypeNames';
import { TranslationContext } from './context';
import { entityMetadata } from './entityMetadata';
import { Placement, entityNames } from './entityNames';
import { ownerOf } from './ownership';
import { schemaToFormParameters, titleFromKey } from './schemaToFormParameters';

/** A JSON object as entity specs hold them. */
type JsonObject = NonNullable<Entity['spec']>;

/** Kubernetes object names (RFC 1123 label): what OpenChoreo accepts as a component name. */
export const COMPONENT_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

const PROJECT_NAMESPACE =
  "${{ parameters.project | parseEntityRef | pick('namespace') }}";

function projectStep(placement: Placement, source: string): JsonObject {
  const catalogFilter: JsonObject =
    'namespace' in placement
      ? { kind: 'System', 'metadata.namespace': placement.namespace }
      : {
          kind: 'System',
          [`metadata.annotations.${CHOREO_ENTITY_ANNOTATIONS.source}`]: source,
        };
  return {
    title: 'Component',
    required: ['project', 'name'],
    properties: {
      project: {
        title: 'Project',
        description: 'The project (cell) the component belongs to',
        type: 'string',
        'ui:field': 'EntityPicker',
        'ui:options': {
          catalogFilter,
          defaultKind: 'System',
          allowArbitraryValues: false,
        },
      },
      name: {
        title: 'Component name',
        description:
          'Lower-case letters, digits and dashes; unique within the namespace',
        type: 'string',
        pattern: COMPONENT_NAME_PATTERN,
        maxLength: 63,
        'ui:autofocus': true,
      },
      displayName: { title: 'Display name', type: 'string' },
      description: { title: 'Description', type: 'string' },
    },
  };
}

const imageField: JsonObject = {
  title: 'Container image',
  type: 'string',
  description: 'A prebuilt image to deploy, e.g. ghcr.io/acme/cart:1.4.2',
};

/**
 * Where the container comes from: a prebuilt image, or (when the type allows
 * builds) a repository that a build workflow turns into one.
 */
function sourceStep(workflows: string[]): JsonObject {
  if (workflows.length === 0) {
    return {
      title: 'Image',
      required: ['image'],
      properties: { image: imageField },
    };
  }
  return {
    title: 'Source',
    description:
      'Give a prebuilt container image, or a repository to build from (not both).',
    properties: {
      image: imageField,
      workflow: {
        title: 'Build workflow',
        type: 'string',
        enum: workflows,
        default: workflows[0],
      },
      repositoryUrl: {
        title: 'Repository URL',
        type: 'string',
        format: 'uri',
      },
      branch: { title: 'Branch', type: 'string', default: 'main' },
      appPath: {
        title: 'Path to the application in the repository',
        type: 'string',
        default: '.',
      },
    },
  };
}

/**
 * A (Cluster)ComponentType as a software template: the platform engineer's
 * golden path becomes a "create component" form without anyone writing a
 * template. Page one picks the project and name, page two asks for the
 * type's parameters (from its schema), page three for where the container
 * comes from: a prebuilt image, or a repository to build when the type
 * allows builds. The step creates the Component through the Choreo
 * action; the provider then brings it into the catalog, so no
 * `catalog:register` step is needed.
 */
export function componentTypeToTemplate(
  ctx: TranslationContext,
  componentType: ComponentType | ClusterComponentType,
): Entity {
  const name = componentType.metadata.name;
  const namespace = componentType.metadata.namespace;
  const placement: Placement = namespace
    ? { namespace }
    : { cluster: true, source: ctx.source };
  const workloadType = componentType.spec?.workloadType ?? 'deployment';
  const displayName =
    componentType.metadata.annotations?.[CHOREO_ANNOTATIONS.displayName] ??
    titleFromKey(name);
  // Parsed from YAML/JSON, so it is JSON.
  const settings = schemaToFormParameters(
    componentType.spec?.parameters?.openAPIV3Schema,
  ) as JsonObject | undefined;
  const workflows = (componentType.spec?.allowedWorkflows ?? [])
    .map(w => w?.name)
    .filter((w): w is string => !!w);

  const parameters: JsonObject[] = [projectStep(placement, ctx.source)];
  if (settings) {
    parameters.push({
      title: `${displayName} settings`,
      properties: {
        componentParameters: { ...settings, title: 'Settings' },
      },
    });
  }
  parameters.push(sourceStep(workflows));

  const input: JsonObject = {
    namespace: PROJECT_NAMESPACE,
    project: '${{ parameters.project }}',
    name: '${{ parameters.name }}',
    displayName: '${{ parameters.displayName }}',
    description: '${{ parameters.description }}',
    componentType: {
      kind: componentType.kind,
      name: `${workloadType}/${name}`,
    },
  };
  if (settings) {
    input.parameters = '${{ parameters.componentParameters }}';
  }
  input.image = '${{ parameters.image }}';
  if (workflows.length > 0) {
    input.workflow = '${{ parameters.workflow }}';
    input.repository = {
      url: '${{ parameters.repositoryUrl }}',
      branch: '${{ parameters.branch }}',
      appPath: '${{ parameters.appPath }}',
    };
  }

  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: entityMetadata({
      id: entityNames.template(placement, name),
      source: ctx.source,
      resource: componentType,
      title: displayName,
      description:
        componentType.metadata.annotations?.[CHOREO_ANNOTATIONS.description] ??
        `Create a ${displayName} component (${workloadType}) on OpenChoreo`,
      annotations: {
        [CHOREO_ENTITY_ANNOTATIONS.componentType]: `${componentType.kind}:${workloadType}/${name}`,
      },
      tags: ['openchoreo', workloadType],
    }),
    spec: {
      type: specTypeOf(name),
      owner: ownerOf(ctx, componentType),
      parameters,
      steps: [
        {
          id: 'create',
          name: `Create the ${displayName} component`,
          action: CHOREO_ACTIONS.componentCreate,
          input,
        },
      ],
      output: {
        links: [
          {
            title: 'Open the component',
            icon: 'catalog',
            entityRef: `component:${PROJECT_NAMESPACE}/\${{ parameters.name }}`,
          },
        ],
      },
    },
  };
}
