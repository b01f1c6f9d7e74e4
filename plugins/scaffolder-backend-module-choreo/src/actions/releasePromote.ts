import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CHOREO_ACTIONS,
  CHOREO_PERMISSION_NAMES,
  PromotionRequest,
  PromotionResponse,
} from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import {
  Zod,
  componentInputShape,
  environmentInput,
  parseActionInput,
} from './actionInput';
import { awaitApproval } from './awaitApproval';
import { checkpointed } from './checkpointed';
import {
  choreoNameOf,
  componentEntityRef,
  componentNameOf,
} from './choreoRefs';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';
import { examples } from './releasePromote.examples';
import { planPromotion } from './releasePlan';

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    ...componentInputShape(zImpl),
    from: environmentInput(zImpl, 'from', 'Promote what runs here'),
    to: environmentInput(
      zImpl,
      'to',
      'Into this environment (next in the pipeline)',
    ),
    waitForApproval: zImpl
      .boolean()
      .default(false)
      .describe(
        'When the target needs approval: wait for someone else to approve (true) instead of failing with the request id (false)',
      ),
    approvalTimeoutMinutes: zImpl
      .number()
      .positive()
      .max(7 * 24 * 60)
      .default(60)
      .describe('With waitForApproval: fail when nobody decided by then'),
    pollIntervalSeconds: zImpl
      .number()
      .min(0.05)
      .max(300)
      .default(5)
      .describe('With waitForApproval: how often to look at the request'),
  });

/** Who may approve, in words; the backend enforces it. */
const approvers = (request: PromotionRequest) =>
  `anyone other than ${request.requestedBy} who holds the ${CHOREO_PERMISSION_NAMES.releaseApprove} permission`;

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

      const response = await checkpointed<PromotionResponse>(
        ctx,
        `promote-${ref.namespace}-${ref.name}-${from}-${to}`,
        () => client.promote(ref, { from, to }, options),
      );
      for (const warning of response.warnings ?? []) ctx.logger.warn(warning);
      if (response.result === 'applied') {
        ctx.logger.info(
          `Promoted ${label} from '${from}' to '${to}': ReleaseBinding ${
            response.resource.name
          } ${response.action}${
            response.commit ? ` (commit ${response.commit})` : ''
          }`,
        );
        ctx.output('result', 'applied');
        ctx.output('bindingName', response.resource.name);
        if (response.commit) ctx.output('commit', response.commit);
        return;
      }

      const { request } = response;
      ctx.output('requestId', request.id);
      ctx.output('releaseName', request.releaseName);
      const asked = `Promotion of ${label} to '${to}' needs approval: request ${
        request.id
      } (release ${request.releaseName}) waits for ${approvers(request)}`;
      if (!input.waitForApproval) {
        throw new NotAllowedError(
          `${asked}. The approval applies the promotion (on the component's Deploy tab); nothing needs to run again. To keep the task waiting for it instead, set waitForApproval: true`,
        );
      }
      ctx.logger.info(
        `${asked}; waiting up to ${input.approvalTimeoutMinutes} minute(s)`,
      );
      const decided = await awaitApproval({
        request,
        list: async () => {
          const fresh = await initiatorClient(deps, ctx);
          return (
            await fresh.client.listPromotionRequests(
              { component: componentEntityRef(ref) },
              fresh.options,
            )
          ).items;
        },
        logger: ctx.logger,
        timeoutMs: input.approvalTimeoutMinutes * 60_000,
        pollMs: input.pollIntervalSeconds * 1000,
        signal: ctx.signal,
      });
      ctx.logger.info(
        `Promotion request ${decided.id} was approved by ${decided.decidedBy} and applied`,
      );
      ctx.output('result', 'applied');
      // the approver's call wrote it; OpenChoreo names bindings {component}-{environment}
      ctx.output('bindingName', `${ref.name}-${to}`);
      ctx.output('releaseName', decided.releaseName);
    },
  });
}
