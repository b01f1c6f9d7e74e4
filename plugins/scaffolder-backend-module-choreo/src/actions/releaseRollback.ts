import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CHOREO_ACTIONS,
  ChangeResponse,
} from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import {
  Zod,
  componentInputShape,
  environmentInput,
  kubernetesName,
  parseActionInput,
} from './actionInput';
import { checkpointed } from './checkpointed';
import { choreoNameOf, componentNameOf } from './choreoRefs';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';
import { examples } from './releaseRollback.examples';
import { planRollback } from './releasePlan';
import { approvalInputShape, settleChange } from './settleChange';

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    ...componentInputShape(zImpl),
    environment: environmentInput(
      zImpl,
      'environment',
      'Roll back in this environment',
    ),
    releaseName: kubernetesName(
      zImpl,
      'releaseName',
      'The earlier ComponentRelease to run again, e.g. `checkout-api-5d8c7b9f4` (the Deploy tab lists them)',
      'subdomain',
    ),
    ...approvalInputShape(zImpl),
  });

/** `choreo:release:rollback`: points an environment back at an earlier release. */
export function createReleaseRollbackAction(deps: ChoreoActionDeps) {
  return createTemplateAction({
    id: CHOREO_ACTIONS.releaseRollback,
    description:
      "Points a component's ReleaseBinding in one environment back at an earlier ComponentRelease, through the choreo backend with the initiator’s permissions. Warns when autoDeploy would undo it in the first environment.",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (zImpl: Zod) =>
        zImpl.object({
          result: zImpl
            .enum(['applied', 'dry-run'])
            .describe('`dry-run` when nothing was written'),
          bindingName: zImpl
            .string()
            .optional()
            .describe('The ReleaseBinding that was written'),
          previousRelease: zImpl
            .string()
            .optional()
            .describe('What ran there before (dry run: what runs there now)'),
          warnings: zImpl
            .array(zImpl.string())
            .describe('Warnings of the backend, also in the task log'),
          requestId: zImpl
            .string()
            .optional()
            .describe(
              'The change request, when the environment needed approval',
            ),
          commit: zImpl
            .string()
            .optional()
            .describe('GitOps directory mode: the git commit'),
        }),
    },
    async handler(ctx) {
      const id = CHOREO_ACTIONS.releaseRollback;
      const input = parseActionInput(id, inputSchema(z), ctx.input);
      const ref = componentNameOf(input);
      const environment = choreoNameOf(input.environment, {
        kind: 'resource',
        what: 'environment',
        namespace: ref.namespace,
      }).name;
      const { client, options } = await initiatorClient(deps, ctx);
      // what runs there now, for the log (and the dry run's checks)
      const deployments = await client.getDeployments(ref, options);
      const plan = planRollback(deployments, environment, input.releaseName);
      if (plan.currentRelease)
        ctx.output('previousRelease', plan.currentRelease);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would point ${ref.name} in '${environment}' back at ${
            input.releaseName
          } (it runs ${plan.currentRelease ?? 'nothing'} now)`,
        );
        if (
          deployments.component.autoDeploy &&
          deployments.pipeline.root === environment
        ) {
          ctx.logger.warn(
            `Dry run: '${environment}' is the first environment and autoDeploy is on: OpenChoreo would reset it to the latest release`,
          );
        }
        ctx.output('result', 'dry-run');
        ctx.output('warnings', []);
        return;
      }

      const response = await checkpointed<ChangeResponse>(
        ctx,
        `rollback-${ref.namespace}-${ref.name}-${environment}-${input.releaseName}`,
        idempotencyKey =>
          client.rollback(
            ref,
            {
              environment,
              releaseName: input.releaseName,
              ...(input.takeOver ? { takeOver: true } : {}),
            },
            { ...options, idempotencyKey },
          ),
      );
      const settled = await settleChange(
        deps,
        ctx,
        ref,
        `Rollback of ${ref.namespace}/${ref.name} in '${environment}' to ${input.releaseName}`,
        response,
        input,
      );
      ctx.output('result', 'applied');
      ctx.output('warnings', response.warnings ?? []);
      if ('applied' in settled) {
        const { applied } = settled;
        ctx.logger.info(
          `Rolled ${ref.namespace}/${ref.name} in '${environment}' back to ${
            input.releaseName
          }: ReleaseBinding ${applied.resource.name} ${applied.action}${
            applied.commit ? ` (commit ${applied.commit})` : ''
          }`,
        );
        ctx.output('bindingName', applied.resource.name);
        if (applied.commit) ctx.output('commit', applied.commit);
        return;
      }
      ctx.output('bindingName', `${ref.name}-${environment}`);
    },
  });
}
