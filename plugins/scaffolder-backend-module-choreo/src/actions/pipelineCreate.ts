import { InputError } from '@backstage/errors';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import { Zod, kubernetesName, optionalText } from './actionInput';
import { choreoNameOf } from './choreoRefs';
import { createResourceAction } from './createResourceAction';
import { ChoreoActionDeps } from './initiatorClient';
import { examples } from './pipelineCreate.examples';

const environmentRef = (zImpl: Zod, what: string) =>
  zImpl
    .string()
    .min(1, `${what} is required`)
    .describe(
      'Environment name, or its Resource entity ref (`resource:acme/staging`)',
    );

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
      'Pipeline name, e.g. `default`',
      'subdomain',
    ),
    displayName: optionalText(zImpl, 'Human-readable name'),
    description: optionalText(zImpl, 'What the pipeline is for'),
    environments: zImpl
      .array(environmentRef(zImpl, 'environment'))
      .optional()
      .describe(
        'Environments in promotion order, e.g. `[development, staging, production]` (a straight line); or give `promotionPaths`',
      ),
    promotionPaths: zImpl
      .array(
        zImpl.object({
          sourceEnvironment: environmentRef(zImpl, 'sourceEnvironment'),
          targets: zImpl
            .array(environmentRef(zImpl, 'target'))
            .min(1, 'a promotion path needs at least one target'),
        }),
      )
      .optional()
      .describe('Promotion graph: from each source environment to its targets'),
  });

type Input = z.output<ReturnType<typeof inputSchema>>;

function promotionPathsOf(input: Input) {
  const env = (value: string) =>
    choreoNameOf(value, {
      kind: 'resource',
      what: 'environment',
      namespace: input.namespace,
    }).name;
  if (input.promotionPaths?.length && input.environments?.length) {
    throw new InputError(
      'Give either environments or promotionPaths, not both',
    );
  }
  if (input.promotionPaths?.length) {
    return input.promotionPaths.map(p => ({
      sourceEnvironment: env(p.sourceEnvironment),
      targets: p.targets.map(env),
    }));
  }
  const chain = (input.environments ?? []).map(env);
  if (chain.length < 2) {
    throw new InputError(
      'A pipeline needs at least two environments in promotion order (environments), or promotionPaths',
    );
  }
  return chain.slice(0, -1).map((source, i) => ({
    sourceEnvironment: source,
    targets: [chain[i + 1]],
  }));
}

/** `choreo:pipeline:create`: a DeploymentPipeline (promotion graph over environments). */
export function createPipelineCreateAction(deps: ChoreoActionDeps) {
  return createResourceAction(deps, {
    id: CHOREO_ACTIONS.pipelineCreate,
    description:
      'Creates an OpenChoreo DeploymentPipeline (the promotion order of environments) through the choreo backend, with the initiator’s permissions.',
    examples,
    inputSchema,
    entityRefDescription:
      'Catalog entity ref of the pipeline, e.g. `resource:acme/default-pipeline`',
    creation: input => {
      const promotionPaths = promotionPathsOf(input);
      return {
        key: `pipeline-create-${input.namespace}-${input.name}`,
        call: (client, options) =>
          client.createPipeline(
            input.namespace,
            {
              name: input.name,
              displayName: input.displayName,
              description: input.description,
              promotionPaths,
            },
            options,
          ),
        entityRef: `resource:${input.namespace}/${input.name}-pipeline`,
      };
    },
  });
}
