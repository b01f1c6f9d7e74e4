import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { Zod, blankable, kubernetesName, optionalText } from './actionInput';
import { createResourceAction } from './createResourceAction';
import { examples } from './environmentCreate.examples';
import { ChoreoActionDeps } from './initiatorClient';

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
  return createResourceAction(deps, {
    id: CHOREO_ACTIONS.environmentCreate,
    description:
      'Creates an OpenChoreo Environment on a data plane through the choreo backend, with the initiator’s permissions. Add it to a deployment pipeline to promote into it.',
    examples,
    inputSchema,
    entityRefDescription:
      'Catalog entity ref of the environment, e.g. `resource:acme/qa`',
    creation: input => ({
      key: `environment-create-${input.namespace}-${input.name}`,
      call: (client, options) =>
        client.createEnvironment(
          input.namespace,
          {
            name: input.name,
            displayName: input.displayName,
            description: input.description,
            dataPlaneRef: { kind: input.dataPlaneKind, name: input.dataPlane },
            isProduction: input.isProduction,
          },
          options,
        ),
      entityRef: `resource:${input.namespace}/${input.name}`,
    }),
  });
}
