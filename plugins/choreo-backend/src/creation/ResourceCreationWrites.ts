import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  isError,
} from '@backstage/errors';
import {
  ChoreoResource,
  CreateResponse,
  WrittenResource,
  describeDifferences,
  manifestDifferences,
  resourceKeyOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  ChoreoWriter,
} from '@choreo-for-backstage/plugin-choreo-node';

/** One manifest of a create request and what already exists under its name. */
export interface PlannedWrite {
  manifest: ChoreoResource;
  /** Already there with everything the manifest says: nothing to write. */
  unchanged: boolean;
}

const describe = (r: ChoreoResource) =>
  `${r.kind} ${r.metadata.namespace ? `${r.metadata.namespace}/` : ''}${
    r.metadata.name
  }`;

/**
 * Compares each manifest with what the store holds under its name. The same
 * resource again is `unchanged` (a retried request); a different one is a
 * ConflictError saying how it differs, because a create never overwrites.
 */
export function planWrites(
  store: ChoreoStoreReader,
  manifests: readonly ChoreoResource[],
): PlannedWrite[] {
  return manifests.map(manifest => {
    const key = resourceKeyOf(manifest);
    const existing = store.get(key.kind, key.name, key.namespace);
    if (!existing) return { manifest, unchanged: false };
    const differences = manifestDifferences(existing, manifest);
    if (differences.length > 0) {
      throw new ConflictError(
        `${describe(
          manifest,
        )} already exists and differs from the request (${describeDifferences(
          differences,
        )}); it is not overwritten: choose another name, or change the existing one in place`,
      );
    }
    return { manifest, unchanged: true };
  });
}

/**
 * Keeps the HTTP status of the cause, with a message that says what happened
 * to the rest. The cause's message is in it already, so it is not chained.
 */
function errorLike(cause: unknown, message: string): Error {
  const name = isError(cause) ? cause.name : '';
  switch (name) {
    case 'InputError':
      return new InputError(message);
    case 'ConflictError':
      return new ConflictError(message);
    case 'NotAllowedError':
      return new NotAllowedError(message);
    case 'NotFoundError':
      return new NotFoundError(message);
    default:
      return new Error(message);
  }
}

/**
 * Writes the planned manifests in order, all or nothing: when one write
 * fails, the resources this call created are deleted again (newest first),
 * and the error says what failed and what was undone. In a dry run the
 * writer only validates; nothing is written or undone.
 */
export async function writeAllOrNothing(
  writer: ChoreoWriter,
  plan: readonly PlannedWrite[],
  context: { actor: string; message: string; dryRun: boolean; what: string },
): Promise<Omit<CreateResponse, 'warnings'>> {
  const resources: WrittenResource[] = [];
  const created: ChoreoResource[] = [];
  let commit: string | undefined;
  for (const { manifest, unchanged } of plan) {
    const key = resourceKeyOf(manifest);
    const written = (action: WrittenResource['action']) =>
      resources.push({
        kind: key.kind,
        namespace: key.namespace,
        name: key.name,
        action,
      });
    if (unchanged) {
      written('unchanged');
      continue;
    }
    try {
      const result = await writer.apply(manifest, {
        actor: context.actor,
        message: `${context.message}: ${describe(manifest)}`,
        dryRun: context.dryRun,
      });
      written(result.action === 'deleted' ? 'updated' : result.action);
      if (result.action === 'created' && !context.dryRun) {
        created.push(manifest);
      }
      commit = result.commit ?? commit;
    } catch (error) {
      throw await undo(writer, created, error, {
        ...context,
        failed: describe(manifest),
      });
    }
  }
  return {
    result: context.dryRun ? 'dry-run' : 'applied',
    resources,
    ...(context.dryRun
      ? {
          manifests: plan.map(
            p => p.manifest as unknown as Record<string, unknown>,
          ),
        }
      : {}),
    ...(commit ? { commit } : {}),
  };
}

async function undo(
  writer: ChoreoWriter,
  created: readonly ChoreoResource[],
  cause: unknown,
  context: { actor: string; message: string; what: string; failed: string },
): Promise<Error> {
  const reason = isError(cause) ? cause.message : String(cause);
  if (created.length === 0) {
    return errorLike(
      cause,
      `${context.what}: writing ${context.failed} failed: ${reason}`,
    );
  }
  const undone: string[] = [];
  const left: string[] = [];
  for (const resource of [...created].reverse()) {
    try {
      await writer.delete(resourceKeyOf(resource), {
        actor: context.actor,
        message: `Undo ${context.message}: ${describe(resource)}`,
      });
      undone.push(describe(resource));
    } catch (error) {
      left.push(
        `${describe(resource)} (${isError(error) ? error.message : error})`,
      );
    }
  }
  const after = left.length
    ? `; deleting what was created first failed too, delete by hand: ${left.join(
        ', ',
      )}`
    : `; ${undone.join(
        ', ',
      )}, created just before, was deleted again, so nothing was created`;
  return errorLike(
    cause,
    `${context.what}: writing ${context.failed} failed: ${reason}${after}`,
  );
}
