import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { Zod, blankable, kubernetesName, optionalText } from './actionInput';
import { pipelineNameOf } from './choreoRefs';
import { createResourceAction } from './createResourceAction';
import { ChoreoActionDeps } from './initiatorClient';
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
  return createResourceAction(deps, {
    id: CHOREO_ACTIONS.projectCreate,
    description:
      'Creates an OpenChoreo Project (a cell) through the choreo backend, with the initiator’s permissions. OpenChoreo then binds it to every environment of its deployment pipeline.',
    examples,
    inputSchema,
    entityRefDescription:
      'Catalog entity ref of the project, e.g. `system:default/payments`',
    creation: input => {
      const pipeline = input.deploymentPipeline
        ? pipelineNameOf(input.deploymentPipeline, input.namespace)
        : undefined;
      return {
        key: `project-create-${input.namespace}-${input.name}`,
        call: (client, options) =>
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
            options,
          ),
        entityRef: `system:${input.namespace}/${input.name}`,
      };
    },
  });
}
