import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import {
  Zod,
  blankable,
  componentInputShape,
  parseActionInput,
} from './actionInput';
import { examples } from './buildTrigger.examples';
import { checkpointed } from './checkpointed';
import { componentNameOf } from './choreoRefs';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';

/** What a dry run outputs as the run name: nothing was started. */
export const DRY_RUN_BUILD = 'dry-run';

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    ...componentInputShape(zImpl),
    commit: blankable(
      zImpl,
      zImpl
        .string()
        .regex(
          /^[0-9a-f]{7,40}$/,
          'commit must be a git commit SHA (7 to 40 hex digits)',
        )
        .optional(),
    ).describe(
      'Build this commit; the head of the configured branch when empty',
    ),
  });

/** `choreo:build:trigger`: a WorkflowRun of the component's build workflow. */
export function createBuildTriggerAction(deps: ChoreoActionDeps) {
  return createTemplateAction({
    id: CHOREO_ACTIONS.buildTrigger,
    description:
      'Starts a build of a component (a WorkflowRun of its build workflow), optionally at one commit, through the choreo backend with the initiator’s permissions. Follow it with choreo:build:wait.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (zImpl: Zod) =>
        zImpl.object({
          runName: zImpl
            .string()
            .describe(
              `Name of the WorkflowRun (\`${DRY_RUN_BUILD}\` in a dry run)`,
            ),
          commit: zImpl
            .string()
            .optional()
            .describe(
              'GitOps directory mode: the git commit the WorkflowRun became',
            ),
        }),
    },
    async handler(ctx) {
      const input = parseActionInput(
        CHOREO_ACTIONS.buildTrigger,
        inputSchema(z),
        ctx.input,
      );
      const ref = componentNameOf(input);
      const at = input.commit ? ` at commit ${input.commit}` : '';
      const { client, options } = await initiatorClient(deps, ctx);
      if (ctx.isDryRun) {
        // reading checks that the component exists and the user may see it
        const { items, trigger } = await client.getBuilds(ref, options);
        if (!trigger.possible) {
          throw new Error(trigger.reason);
        }
        ctx.logger.info(
          `Dry run: would start a build of ${ref.namespace}/${
            ref.name
          }${at}; it has ${items.length} earlier build(s), the newest ${
            items[0]?.name ?? 'none'
          }`,
        );
        ctx.output('runName', DRY_RUN_BUILD);
        return;
      }
      const response = await checkpointed(
        ctx,
        `build-trigger-${ref.namespace}-${ref.name}-${input.commit ?? 'head'}`,
        idempotencyKey =>
          client.triggerBuild(
            ref,
            { commit: input.commit },
            { ...options, idempotencyKey },
          ),
      );
      const runName = response.resource.name;
      ctx.logger.info(
        `Started build ${runName} of ${ref.namespace}/${ref.name}${at}`,
      );
      for (const warning of response.warnings ?? []) ctx.logger.warn(warning);
      ctx.output('runName', runName);
      if (response.commit) ctx.output('commit', response.commit);
    },
  });
}
