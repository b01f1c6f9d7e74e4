import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import {
  Zod,
  componentInputShape,
  kubernetesName,
  parseActionInput,
} from './actionInput';
import { examples } from './buildWait.examples';
import { DRY_RUN_BUILD } from './buildTrigger';
import { componentNameOf } from './choreoRefs';
import { followBuild } from './followBuild';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';

const inputSchema = (zImpl: Zod) =>
  zImpl.object({
    ...componentInputShape(zImpl),
    runName: kubernetesName(
      zImpl,
      'runName',
      'The build (WorkflowRun) to follow, e.g. the `runName` output of choreo:build:trigger',
      'subdomain',
    ),
    timeoutMinutes: zImpl
      .number()
      .positive()
      .max(24 * 60)
      .default(30)
      .describe('Fail the step when the build has not finished by then'),
    pollIntervalSeconds: zImpl
      .number()
      .min(0.05)
      .max(300)
      .default(5)
      .describe('How often to check the build status'),
  });

/** `choreo:build:wait`: follows a build, with its log lines in the task log. */
export function createBuildWaitAction(deps: ChoreoActionDeps) {
  return createTemplateAction({
    id: CHOREO_ACTIONS.buildWait,
    description:
      'Follows a build until it finishes or times out, copying its status changes and log lines into the task log. Fails the step when the build fails.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: (zImpl: Zod) =>
        zImpl.object({
          status: zImpl
            .string()
            .describe('`ready` when it succeeded (the step fails otherwise)'),
          message: zImpl.string().describe('What the build status says'),
          durationSeconds: zImpl
            .number()
            .optional()
            .describe('How long it ran'),
          commit: zImpl.string().optional().describe('The commit it built'),
        }),
    },
    async handler(ctx) {
      const input = parseActionInput(
        CHOREO_ACTIONS.buildWait,
        inputSchema(z),
        ctx.input,
      );
      const ref = componentNameOf(input);
      const connect = async () => {
        const { client, options } = await initiatorClient(deps, ctx);
        return { client, token: options.token };
      };
      if (ctx.isDryRun) {
        const { client, token } = await connect();
        const { items } = await client.getBuilds(ref, { token });
        const known = items.some(b => b.name === input.runName);
        ctx.logger.info(
          `Dry run: would follow build ${input.runName} of ${ref.namespace}/${
            ref.name
          } for up to ${input.timeoutMinutes} minute(s)${
            known || input.runName === DRY_RUN_BUILD ? '' : ' (not found yet)'
          }`,
        );
        ctx.output('status', 'dry-run');
        ctx.output('message', 'Nothing was followed in a dry run');
        return;
      }
      const build = await followBuild({
        ref,
        run: input.runName,
        connect,
        logger: ctx.logger,
        timeoutMs: input.timeoutMinutes * 60_000,
        pollMs: input.pollIntervalSeconds * 1000,
        signal: ctx.signal,
      });
      ctx.output('status', build.status.state);
      ctx.output('message', build.status.message);
      if (build.durationSeconds !== undefined) {
        ctx.output('durationSeconds', build.durationSeconds);
      }
      if (build.commit) ctx.output('commit', build.commit);
    },
  });
}
