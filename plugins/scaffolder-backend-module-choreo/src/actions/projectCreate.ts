import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import {
  Zod,
  blankable,
  kubernetesName,
  optionalText,
  parseActionInput,
} from './actionInput';
import { pipelineNameOf } from './choreoRefs';
import { createOutputShape, createResources } from './createResources';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';
import { examples } from './projectCreate.examples';

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    namespace: kubernetesName(
      zImpl,
      'namespace',
      'Control-plane namespace (organization) of the project, e.g. `default`',
    ),
    name: kubernetesName(
      zImpl,
      'name',
      'Project name: lower-case letters, digits and dashes, at most 63 characters',
    ),
    displayName: optionalText(zImpl, 'Human-readable name'),
    description: optionalText(zImpl, 'What the project is for'),
    deploymentPipeline: optionalText(
      zImpl,
      "DeploymentPipeline the project's components are promoted along: its name or a Resource entity ref; the namespace's `default` when empty",
    ),
    projectType: blankable(
      zImpl,
      zImpl
        .object({
          kind: zImpl
            .enum(['ProjectType', 'ClusterProjectType'])
            .default('ClusterProjectType'),
          name: kubernetesName(
            zImpl,
            'projectType.name',
            'Name of the project type',
            'subdomain',
          ),
        })
        .optional(),
    ).describe(
      'The (Cluster)ProjectType that renders the cell; ClusterProjectType `default` when empty. Cannot be changed later.',
    ),
    owner: optionalText(
      zImpl,
      'Catalog entity ref of the owning group, e.g. `group:default/payments-team`',
    ),
  });

/** `choreo:project:create`: a Project, bound to every environment of its pipeline by OpenChoreo. */
export function createProjectCreateAction(deps: ChoreoActionDeps) {
  return createTemplateAction({
    id: CHOREO_ACTIONS.projectCreate,
    description:
      'Creates an OpenChoreo Project (a cell) through the choreo backend, with the initiator’s permissions. OpenChoreo then binds it to every environment of its deployment pipeline.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (zImpl: Zod) =>
        zImpl.object({
          entityRef: zImpl
            .string()
            .describe(
              'Catalog entity ref of the project, e.g. `system:default/payments`',
            ),
          ...createOutputShape(zImpl),
        }),
    },
    async handler(ctx) {
      const input = parseActionInput(
        CHOREO_ACTIONS.projectCreate,
        inputSchema(z),
        ctx.input,
      );
      const pipeline = input.deploymentPipeline
        ? pipelineNameOf(input.deploymentPipeline, input.namespace)
        : undefined;
      const { client, options } = await initiatorClient(deps, ctx);
      await createResources(ctx, {
        key: `project-create-${input.namespace}-${input.name}`,
        call: ({ dryRun }) =>
          client.createProject(
            input.namespace,
            {
              name: input.name,
              displayName: input.displayName,
              description: input.description,
              deploymentPipeline: pipeline,
              projectType: input.projectType,
              owner: input.owner,
            },
            { ...options, dryRun },
          ),
      });
      ctx.output('entityRef', `system:${input.namespace}/${input.name}`);
    },
  });
}
