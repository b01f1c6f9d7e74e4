import {
  ChoreoResource,
  ResourceKey,
} from '@choreo-for-backstage/plugin-choreo-common';

/** Who writes and why; every write names its actor. */
export interface WriteContext {
  /** Backstage entity ref of the user (or service) on whose behalf the write happens. */
  actor: string;
  /** One line saying what the change does, used in commit messages and audit logs. */
  message?: string;
  /** Validate and report what would be written, write nothing. */
  dryRun?: boolean;
  /**
   * The resource as the caller saw it when deciding on the change (e.g. from
   * the store): the write is refused with a `ResourceChangedError` (409) that
   * says what changed when the resource is no longer so. `null`: it must not
   * exist yet. Left out: no precondition.
   */
  expected?: ChoreoResource | null;
  /**
   * The user confirmed taking over fields another field manager owns
   * (Kubernetes server-side apply with force). Without it such a write is
   * refused with a `FieldOwnershipError` naming the fields and their managers.
   */
  takeOver?: boolean;
}

export type WriteAction = 'created' | 'updated' | 'unchanged' | 'deleted';

export interface WriteResult {
  action: WriteAction;
  /** The resource as written (for `deleted`: as it was). */
  resource: ChoreoResource;
  /** Where it was written: a file path relative to the directory, or the cluster URL. */
  location?: string;
  /** GitOps mode: the commit that recorded the write. */
  commit?: string;
}

/**
 * Where a writer's writes end up. A WorkflowRun (a build) written where no
 * OpenChoreo controller sees it never runs, so the portal says so instead
 * of starting it.
 */
export interface WriterReach {
  /**
   * The writes reach an OpenChoreo control plane, whose controllers act on
   * them: a cluster, or a Git remote that Flux or Argo CD applies to one.
   */
  controlPlane: boolean;
  /** Where they go, for messages: "the cluster at https://…", "the directory /x, which follows no Git remote". */
  description: string;
}

/**
 * Writes Choreo resources. `apply` has server-side-apply semantics in every
 * back end: the given object carries the fields the caller owns; maps merge
 * into what exists, lists and scalars replace it; a missing resource is created.
 */
export interface ChoreoWriter {
  /** Where the writes go, and whether an OpenChoreo control plane acts on them. */
  readonly reach: WriterReach;
  apply(resource: ChoreoResource, context: WriteContext): Promise<WriteResult>;
  delete(key: ResourceKey, context: WriteContext): Promise<WriteResult>;
}
