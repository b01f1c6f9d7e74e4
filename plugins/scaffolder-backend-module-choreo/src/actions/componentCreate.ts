import { InputError } from '@backstage/errors';
import {
  CHOREO_ACTIONS,
  ComponentSourceRequest,
} from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import { Zod, blankable, kubernetesName, optionalText } from './actionInput';
import { choreoNameOf, componentEntityRef } from './choreoRefs';
import { createResourceAction } from './createResourceAction';
import { dependencySchema } from './dependencyAdd';
import { examples } from './componentCreate.examples';
import { ChoreoActionDeps } from './initiatorClient';

const endpointSchema = (zImpl: Zod) =>
  zImpl.object({
    name: kubernetesName(zImpl, 'endpoint name', 'Endpoint name, e.g. `api`'),
    type: zImpl
      .enum(['HTTP', 'gRPC', 'GraphQL', 'Websocket', 'TCP', 'UDP'])
      .describe('Protocol'),
    port: zImpl.number().int().min(1).max(65535).describe('Service port'),
    targetPort: zImpl
      .number()
      .int()
      .min(1)
      .max(65535)
      .optional()
      .describe('Container port, when it differs from `port`'),
    displayName: optionalText(zImpl, 'Human-readable endpoint name'),
    visibility: zImpl
      .array(zImpl.enum(['project', 'namespace', 'internal', 'external']))
      .optional()
      .describe(
        'Who may call it besides the project: `namespace` (other projects), `internal` (the internal gateway), `external` (the internet)',
      ),
    basePath: optionalText(zImpl, 'Base path, e.g. `/api`'),
    schema: zImpl
      .object({
        type: zImpl.string().optional(),
        content: zImpl.string().optional(),
      })
      .optional()
      .describe('API definition, e.g. `{type: openapi, content: ...}`'),
  });

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    namespace: blankable(zImpl, zImpl.string().optional()).describe(
      'Control-plane namespace; taken from `project` when that is an entity ref',
    ),
    project: zImpl
      .string()
      .min(1, 'project is required')
      .describe(
        'The project: a System entity ref (`system:acme/payments`) or its name',
      ),
    name: kubernetesName(
      zImpl,
      'name',
      'Component name: lower-case letters, digits and dashes, at most 63 characters',
    ),
    displayName: optionalText(zImpl, 'Human-readable name'),
    description: optionalText(zImpl, 'What the component does'),
    owner: optionalText(zImpl, 'Catalog entity ref of the owning group'),
    componentType: zImpl
      .object({
        kind: zImpl
          .enum(['ComponentType', 'ClusterComponentType'])
          .default('ClusterComponentType'),
        name: zImpl
          .string()
          .regex(
            /^(deployment|statefulset|cronjob|job|proxy)\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
            'componentType.name must be `{workloadType}/{type}`, e.g. `deployment/service` or `cronjob/scheduled-task`',
          ),
      })
      .describe(
        'The (Cluster)ComponentType, e.g. `{kind: ClusterComponentType, name: deployment/service}`',
      ),
    parameters: blankable(
      zImpl,
      zImpl.record(zImpl.unknown()).optional(),
    ).describe("Values for the component type's parameter schema"),
    autoDeploy: blankable(zImpl, zImpl.boolean().optional()).describe(
      'Deploy every new release to the first environment (default: the backend’s)',
    ),
    image: optionalText(
      zImpl,
      'Deploy this prebuilt container image (instead of building from a repository)',
    ),
    workflow: optionalText(
      zImpl,
      'Build workflow (e.g. `dockerfile-builder`), for building from a repository',
    ),
    workflowKind: zImpl
      .enum(['Workflow', 'ClusterWorkflow'])
      .default('ClusterWorkflow')
      .describe('Kind of the build workflow'),
    workflowParameters: blankable(
      zImpl,
      zImpl.record(zImpl.unknown()).optional(),
    ).describe('Other parameters of the build workflow'),
    repository: blankable(
      zImpl,
      zImpl
        .object({
          url: optionalText(zImpl, 'Git repository URL'),
          branch: optionalText(zImpl, 'Branch to build'),
          appPath: optionalText(
            zImpl,
            'Path of the application in the repository',
          ),
        })
        .optional(),
    ).describe('Where the source lives, for building from a repository'),
    endpoints: zImpl
      .array(endpointSchema(zImpl))
      .optional()
      .describe(
        'Endpoints (image components; built ones take them from the repository)',
      ),
    dependencies: zImpl
      .array(dependencySchema(zImpl))
      .optional()
      .describe("Other components' endpoints it calls (image components)"),
  });

type Input = z.output<ReturnType<typeof inputSchema>>;

/** Image, or repository plus workflow: exactly one way to get a container. */
function sourceOf(input: Input): ComponentSourceRequest {
  const url = input.repository?.url;
  if (input.image && url) {
    throw new InputError(
      'Give either an image or a repository to build from, not both',
    );
  }
  if (input.image) return { image: input.image };
  if (url) {
    if (!input.workflow) {
      throw new InputError(
        `To build from ${url}, name a build workflow (input 'workflow'), e.g. 'dockerfile-builder'`,
      );
    }
    return {
      repository: {
        url,
        branch: input.repository?.branch,
        appPath: input.repository?.appPath,
      },
      workflow: {
        kind: input.workflowKind,
        name: input.workflow,
        ...(input.workflowParameters
          ? { parameters: input.workflowParameters }
          : {}),
      },
    };
  }
  throw new InputError(
    "Say where the container comes from: a prebuilt 'image', or a 'repository.url' and a build 'workflow'",
  );
}

/** `choreo:component:create`: a Component and its Workload, all or nothing. */
export function createComponentCreateAction(deps: ChoreoActionDeps) {
  return createResourceAction(deps, {
    id: CHOREO_ACTIONS.componentCreate,
    description:
      'Creates an OpenChoreo Component through the choreo backend, with the initiator’s permissions: from a prebuilt image (Component and Workload, all or nothing) or from a repository with a build workflow (the first build publishes the Workload).',
    examples,
    inputSchema,
    entityRefDescription:
      'Catalog entity ref of the component, e.g. `component:acme/checkout-api`',
    creation: input => {
      const project = choreoNameOf(input.project, {
        kind: 'system',
        what: 'project',
        namespace: input.namespace,
      });
      if (input.namespace && input.namespace !== project.namespace) {
        throw new InputError(
          `project ${input.project} is in namespace '${project.namespace}', not '${input.namespace}'; components live in their project's namespace`,
        );
      }
      const source = sourceOf(input);
      if (
        'repository' in source &&
        (input.endpoints?.length || input.dependencies?.length)
      ) {
        throw new InputError(
          'Endpoints and dependencies of a component built from source come from its repository (workload.yaml); give them only for image components',
        );
      }
      return {
        key: `component-create-${project.namespace}-${input.name}`,
        call: (client, options) =>
          client.createComponent(
            project.namespace,
            {
              project: project.name,
              name: input.name,
              displayName: input.displayName,
              description: input.description,
              owner: input.owner,
              componentType: input.componentType,
              parameters: input.parameters,
              autoDeploy: input.autoDeploy,
              source,
              endpoints: input.endpoints,
              dependencies: input.dependencies,
            },
            options,
          ),
        entityRef: componentEntityRef({
          namespace: project.namespace,
          name: input.name,
        }),
      };
    },
  });
}
