import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  CreateResponse,
  DryRunOptions,
} from '@choreo-for-backstage/plugin-choreo-common';
import { stringify } from 'yaml';
import { Zod } from './actionInput';
import { checkpointed } from './checkpointed';

/** Output every create action shares. */
export const createOutputShape = (zImpl: Zod) => ({
  resources: zImpl
    .array(
      zImpl.object({
        kind: zImpl.string(),
        namespace: zImpl.string().optional(),
        name: zImpl.string(),
        action: zImpl.enum(['created', 'updated', 'unchanged']),
      }),
    )
    .describe(
      'What was written (in a dry run: what would be written), in order',
    ),
  commit: zImpl
    .string()
    .optional()
    .describe('GitOps directory mode: the git commit the write became'),
  warnings: zImpl
    .array(zImpl.string())
    .describe('Warnings of the choreo backend, also in the task log'),
});

const VERBS: Record<string, string> = {
  created: 'create',
  updated: 'update',
  unchanged: 'leave unchanged',
};
const actionVerb = (action: string) => VERBS[action] ?? action;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const describe = (r: CreateResponse['resources'][number]) =>
  `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

/**
 * Runs one create call of the choreo backend the way every create action
 * should: a dry run asks the backend to validate and answer what it would
 * write (nothing is written); a real run happens inside a checkpoint, so a
 * retried task returns the first answer instead of writing again.
 */
export async function createResources(
  ctx: ActionContext<any, any>,
  options: {
    /** Checkpoint key; unique per step and target. */
    key: string;
    call: (
      options: Pick<DryRunOptions, 'dryRun' | 'idempotencyKey'>,
    ) => Promise<CreateResponse>;
  },
): Promise<CreateResponse> {
  let response: CreateResponse;
  if (ctx.isDryRun) {
    response = await options.call({ dryRun: true });
    for (const resource of response.resources) {
      ctx.logger.info(
        `Dry run: would ${actionVerb(resource.action)} ${describe(resource)}`,
      );
    }
    for (const manifest of response.manifests ?? []) {
      ctx.logger.info(
        `Dry run: manifest that would be written:\n${stringify(manifest)}`,
      );
    }
  } else {
    response = await checkpointed(ctx, options.key, idempotencyKey =>
      options.call({ dryRun: false, idempotencyKey }),
    );
    for (const resource of response.resources) {
      ctx.logger.info(`${capitalize(resource.action)} ${describe(resource)}`);
    }
    if (response.commit) {
      ctx.logger.info(`Committed as ${response.commit}`);
    }
  }
  for (const warning of response.warnings ?? []) ctx.logger.warn(warning);
  ctx.output('resources', response.resources);
  if (response.commit) ctx.output('commit', response.commit);
  ctx.output('warnings', response.warnings ?? []);
  return response;
}
