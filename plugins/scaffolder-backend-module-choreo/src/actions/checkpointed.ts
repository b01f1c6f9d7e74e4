import { ActionContext } from '@backstage/plugin-scaffolder-node';

/**
 * Runs a write once per task: the scaffolder stores the answer under `key`,
 * and a retried task gets the stored answer back instead of writing twice.
 * Answers of the choreo backend are JSON, which is what checkpoints store.
 */
export async function checkpointed<T>(
  ctx: Pick<ActionContext<any, any>, 'checkpoint'>,
  key: string,
  write: () => Promise<T>,
): Promise<T> {
  const stored = await ctx.checkpoint({
    key,
    // a round trip through JSON: the checkpoint store keeps only JSON
    fn: async () => JSON.parse(JSON.stringify(await write())),
  });
  return stored as T;
}
