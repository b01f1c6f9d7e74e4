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
  parseActionInput,
} from './actionInput';
import { checkpointed } from './checkpointed';
import { choreoNameOf, componentNameOf } from './choreoRefs';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';
import { examples } from './releasePromote.examples';
import { planPromotion } from './releasePlan';
import { approvalInputShape, settleChange } from './settleChange';

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    ...componentInputShape(zImpl),
    from: environmentInput(zImpl, 'from', 'Promote what runs here'),
    to: environmentInput(
      zImpl,
      'to',
      'Into this environment (next in the pipeline)',
    ),
    ...approvalInputShape(zImpl),
  });

/** `choreo:release:promote`: along the DeploymentPipeline, with four-eyes approval where needed. */
export function createReleasePromoteAction(deps: ChoreoActionDeps) {
  return createTemplateAction({
    id: CHOREO_ACTIONS.releasePromote,
    description:
      'Promotes a component from one environment to the next along its deployment pipeline (points the target ReleaseBinding at the source’s release), through the choreo backend with the initiator’s permissions. Environments that need approval get a promotion request someone else approves.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (zImpl: Zod) =>
        zImpl.object({
          result: zImpl
            .enum(['applied', 'dry-run'])
            .describe('`applied`, or `dry-run` when nothing was written'),
          bindingName: zImpl
            .string()
            .optional()
            .describe('The ReleaseBinding that was written'),
          releaseName: zImpl
            .string()
            .optional()
            .describe('The release promoted (when known)'),
          requestId: zImpl
            .string()
            .optional()
            .describe('The promotion request, when the target needed approval'),
          commit: zImpl
            .string()
            .optional()
            .describe('GitOps directory mode: the git commit'),
        }),
    },
    async handler(ctx) {
      const id = CHOREO_ACTIONS.releasePromote;
      const input = parseActionInput(id, inputSchema(z), ctx.input);
      const ref = componentNameOf(input);
      const env = (value: string, what: string) =>
        choreoNameOf(value, {
          kind: 'resource',
          what,
          namespace: ref.namespace,
        }).name;
      const from = env(input.from, 'from');
      const to = env(input.to, 'to');
      const label = `${ref.namespace}/${ref.name}`;
      const { client, options } = await initiatorClient(deps, ctx);

      if (ctx.isDryRun) {
        const plan = planPromotion(
          await client.getDeployments(ref, options),
          from,
          to,
        );
        ctx.logger.info(
          `Dry run: would point ${ref.name} in '${to}' at release ${
            plan.releaseName
          } (from '${from}'; '${to}' runs ${
            plan.currentRelease ?? 'nothing'
          } now)`,
        );
        if (plan.requiresApproval) {
          ctx.logger.info(
            `Dry run: '${to}' needs approval, so the promotion would wait for someone else to approve it`,
          );
        }
        ctx.output('result', 'dry-run');
        ctx.output('releaseName', plan.releaseName);
        return;
      }

      const response = await checkpointed<ChangeResponse>(
        ctx,
        `promote-${ref.namespace}-${ref.name}-${from}-${to}`,
        idempotencyKey =>
          client.promote(
            ref,
            { from, to, ...(input.takeOver ? { takeOver: true } : {}) },
            { ...options, idempotencyKey },
          ),
      );
      const settled = await settleChange(
        deps,
        ctx,
        ref,
        `Promotion of ${label} to '${to}'`,
        response,
        input,
      );
      ctx.output('result', 'applied');
      if ('applied' in settled) {
        const { applied } = settled;
        ctx.logger.info(
          `Promoted ${label} from '${from}' to '${to}': ReleaseBinding ${
            applied.resource.name
          } ${applied.action}${
            applied.commit ? ` (commit ${applied.commit})` : ''
          }`,
        );
        ctx.output('bindingName', applied.resource.name);
        if (applied.commit) ctx.output('commit', applied.commit);
        return;
      }
      const { change } = settled.approved;
      // the approver's call wrote it; OpenChoreo names bindings {component}-{environment}
      ctx.output('bindingName', `${ref.name}-${to}`);
      if (change.kind === 'promote')
        ctx.output('releaseName', change.releaseName);
    },
  });
}
