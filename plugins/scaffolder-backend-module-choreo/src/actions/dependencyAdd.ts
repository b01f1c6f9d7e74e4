import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import {
  Zod,
  blankable,
  kubernetesName,
  optionalKubernetesName,
  optionalText,
} from './actionInput';
import { componentEntityRef, componentNameOf } from './choreoRefs';
import { createResourceAction } from './createResourceAction';
import { examples } from './dependencyAdd.examples';
import { ChoreoActionDeps } from './initiatorClient';

const envBindingsSchema = (zImpl: Zod) =>
  blankable(
    zImpl,
    zImpl
      .object({
        address: optionalText(
          zImpl,
          'Env var for the full address, e.g. `CHECKOUT_URL`',
        ),
        host: optionalText(zImpl, 'Env var for the host'),
        port: optionalText(zImpl, 'Env var for the port'),
        basePath: optionalText(zImpl, 'Env var for the base path'),
      })
      .optional(),
  ).describe(
    'Names of the environment variables OpenChoreo injects with the resolved address',
  );

/** One Workload dependency on another component's endpoint (also used by component:create). */
export const dependencySchema = (zImpl: Zod) =>
  zImpl.object({
    project: optionalKubernetesName(
      zImpl,
      'project',
      "The target's project, when it is another project",
    ),
    component: kubernetesName(
      zImpl,
      'component',
      'The component that serves the endpoint',
    ),
    name: kubernetesName(
      zImpl,
      'endpoint',
      'The endpoint name on that component',
    ),
    visibility: zImpl
      .enum(['project', 'namespace'])
      .describe('`project` inside the project, `namespace` across projects'),
    envBindings: envBindingsSchema(zImpl),
  });

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    namespace: blankable(zImpl, zImpl.string().optional()).describe(
      'Control-plane namespace; taken from `component` when that is an entity ref',
    ),
    component: zImpl
      .string()
      .min(1, 'component is required')
      .describe(
        'The consumer: a Component entity ref (`component:acme/checkout-api`) or its name',
      ),
    targetProject: optionalKubernetesName(
      zImpl,
      'targetProject',
      "Project of the component serving the endpoint; the consumer's project when empty",
    ),
    targetComponent: kubernetesName(
      zImpl,
      'targetComponent',
      'The component serving the endpoint',
    ),
    endpoint: kubernetesName(
      zImpl,
      'endpoint',
      'Endpoint name on the target component',
    ),
    visibility: blankable(
      zImpl,
      zImpl.enum(['project', 'namespace']).optional(),
    ).describe(
      '`project` or `namespace`; when empty, `project` if both components share a project, else `namespace`',
    ),
    envBindings: envBindingsSchema(zImpl),
  });

/** `choreo:dependency:add`: the marketplace's "Connect": a Workload dependency on an endpoint. */
export function createDependencyAddAction(deps: ChoreoActionDeps) {
  return createResourceAction(deps, {
    id: CHOREO_ACTIONS.dependencyAdd,
    description:
      "Adds a dependency on another component's endpoint to a component's Workload, through the choreo backend with the initiator’s permissions. OpenChoreo then wires the address into the consumer's environment variables.",
    examples,
    inputSchema,
    entityRefDescription: 'Catalog entity ref of the consumer',
    outputShape: zImpl => ({
      visibility: zImpl
        .enum(['project', 'namespace'])
        .describe('The visibility the dependency was written with'),
    }),
    creation: async (input, { ctx, connect }) => {
      const consumer = componentNameOf(input);
      let visibility = input.visibility;
      let targetProject = input.targetProject;
      let sameProject = false;
      if (!visibility || !targetProject) {
        // the consumer's project decides whether the call crosses projects
        const { client, options } = await connect();
        const { component } = await client.getDeployments(consumer, options);
        targetProject ??= component.project;
        sameProject = targetProject === component.project;
        visibility ??= sameProject ? 'project' : 'namespace';
      }
      ctx.logger.info(
        `${consumer.namespace}/${consumer.name} → ${targetProject}/${input.targetComponent} endpoint '${input.endpoint}' (visibility ${visibility})`,
      );
      return {
        key: `dependency-add-${consumer.namespace}-${consumer.name}-${targetProject}-${input.targetComponent}-${input.endpoint}`,
        call: (client, options) =>
          client.addDependency(
            consumer,
            {
              // OpenChoreo reads a missing project as the consumer's own
              project: sameProject ? undefined : targetProject,
              component: input.targetComponent,
              name: input.endpoint,
              visibility: visibility!,
              envBindings: input.envBindings,
            },
            options,
          ),
        entityRef: componentEntityRef(consumer),
        outputs: { visibility },
      };
    },
  });
}
