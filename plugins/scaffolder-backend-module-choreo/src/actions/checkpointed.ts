import { ActionContext } from '@backstage/plugin-scaffolder-node';

/**
 * Runs a write once per task: the scaffolder stores the answer under `key`,
 * and a retried task gets the stored answer back instead of writing twice.
 * The write also gets an idempotency key made of the task and `key`, so a
 * task that died after the backend applied the write but before the
 * checkpoint was stored still applies it only once.
 * Answers of the choreo backend are JSON, which is what checkpoints store.
 */
export async function checkpointed<T>(
  ctx: Pick<ActionContext<any, any>, 'checkpoint' | 'task'>,
  key: string,
  write: (idempotencyKey: string) => Promise<T>,
): Promise<T> {
  const idempotencyKey = `scaffolder:${ctx.task.id}:${key}`
    .replace(/[^A-Za-z0-9._:-]/g, '-')
    .slice(0, 128);
  const stored = await ctx.checkpoint({
    key,
    // a round trip through JSON: the checkpoint store keeps only JSON
    fn: async () => JSON.parse(JSON.stringify(await write(idempotencyKey))),
  });
  return stored as T;
}
