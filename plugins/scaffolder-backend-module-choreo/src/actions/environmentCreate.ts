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
import { createOutputShape, createResources } from './createResources';
import { examples } from './environmentCreate.examples';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    namespace: kubernetesName(
      zImpl,
      'namespace',
      'Control-plane namespace, e.g. `default`',
    ),
    name: kubernetesName(
      zImpl,
      'name',
      'Environment name, e.g. `qa`: lower-case letters, digits and dashes, at most 63 characters',
    ),
    displayName: optionalText(zImpl, 'Human-readable name'),
    description: optionalText(zImpl, 'What the environment is for'),
    dataPlane: blankable(
      zImpl,
      kubernetesName(
        zImpl,
        'dataPlane',
        'Data plane name',
        'subdomain',
      ).default('default'),
    ).describe(
      'The data plane (runtime cluster) it runs on; `default` when empty',
    ),
    dataPlaneKind: blankable(
      zImpl,
      zImpl.enum(['DataPlane', 'ClusterDataPlane']).default('DataPlane'),
    ).describe('`DataPlane` (of the namespace) or `ClusterDataPlane`'),
    isProduction: blankable(zImpl, zImpl.boolean().default(false)).describe(
      'Production environments need approval for promotions',
    ),
  });

/** `choreo:environment:create`: an Environment on a data plane. */
export function createEnvironmentCreateAction(deps: ChoreoActionDeps) {
  return createTemplateAction({
    id: CHOREO_ACTIONS.environmentCreate,
    description:
      'Creates an OpenChoreo Environment on a data plane through the choreo backend, with the initiator’s permissions. Add it to a deployment pipeline to promote into it.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (zImpl: Zod) =>
        zImpl.object({
          entityRef: zImpl
            .string()
            .describe(
              'Catalog entity ref of the environment, e.g. `resource:acme/qa`',
            ),
          ...createOutputShape(zImpl),
        }),
    },
    async handler(ctx) {
      const input = parseActionInput(
        CHOREO_ACTIONS.environmentCreate,
        inputSchema(z),
        ctx.input,
      );
      const { client, options } = await initiatorClient(deps, ctx);
      await createResources(ctx, {
        key: `environment-create-${input.namespace}-${input.name}`,
        call: ({ dryRun }) =>
          client.createEnvironment(
            input.namespace,
            {
              name: input.name,
              displayName: input.displayName,
              description: input.description,
              dataPlaneRef: {
                kind: input.dataPlaneKind,
                name: input.dataPlane,
              },
              isProduction: input.isProduction,
            },
            { ...options, dryRun },
          ),
      });
      ctx.output('entityRef', `resource:${input.namespace}/${input.name}`);
    },
  });
}
