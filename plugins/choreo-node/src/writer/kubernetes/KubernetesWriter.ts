import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '@backstage/errors';
import {
  ChoreoKindInfo,
  ChoreoResource,
  ResourceKey,
} from '@choreo-for-backstage/plugin-choreo-common';
import { KubeConfig, PatchStrategy } from '@kubernetes/client-node';
import { objectPath } from '../../sources/kubernetes/kubePaths';
import { KubeApiError, KubeHttp } from '../../sources/kubernetes/kubeHttp';
import { ChoreoWriter, WriteContext, WriteResult, WriterReach } from '../types';
import {
  validateResource,
  validateResourceKey,
  validateWriteContext,
} from '../validateResource';
import { assertAsExpected } from '../resourceChanges';
import { callerOwnedFields, withoutServerMetadata } from '../serverMetadata';
import { translateWriteError } from './kubeWriteErrors';
import { keepOwnedFields, managersOf } from './managedFields';

/** Our field manager: the fields we apply are ours, others' stay theirs. */
export const CHOREO_FIELD_MANAGER = 'choreo-backstage';

export interface KubernetesWriterOptions {
  kubeConfig: KubeConfig;
  /**
   * Act as the signed-in user: every write carries `Impersonate-User`, so
   * the cluster's RBAC decides per user. The backend's own identity then
   * needs the `impersonate` verb. Off by default.
   */
  impersonate?: boolean;
  /** Kubernetes user name of an actor (default: the actor's entity ref as it is). */
  kubernetesUserOf?: (actor: string) => string;
  fieldManager?: string;
}

/** Reads before an apply when others keep writing in between; then the 409 stands. */
const STALE_READ_ATTEMPTS = 3;

function resourceVersionOf(
  object: Record<string, unknown> | undefined,
): string | undefined {
  const version = (object?.metadata as { resourceVersion?: unknown })
    ?.resourceVersion;
  return typeof version === 'string' && version ? version : undefined;
}

function deleteOptions(object: Record<string, unknown>): string | undefined {
  const resourceVersion = resourceVersionOf(object);
  return resourceVersion
    ? JSON.stringify({
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        preconditions: { resourceVersion },
      })
    : undefined;
}

/** A 409 for a resourceVersion that is no longer current (not a field owned by others). */
function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof KubeApiError &&
    error.status === 409 &&
    !(error.body?.details?.causes ?? []).some(
      c => c.reason === 'FieldManagerConflict',
    )
  );
}

function withoutManagedFields(object: Record<string, unknown>): ChoreoResource {
  const metadata = { ...(object.metadata as Record<string, unknown>) };
  delete metadata.managedFields;
  return { ...object, metadata } as unknown as ChoreoResource;
}

/**
 * Writes Choreo resources to a cluster with server-side apply under our own
 * field manager:
 *
 * - An apply keeps every field the portal applied before (it sends them
 *   along, as they are now, with the change over them), so a partial object
 *   changes only what it names.
 * - It applies to the object it just read (resourceVersion), and the
 *   caller's `expected` says what the caller saw: a change made meanwhile is
 *   a ResourceChangedError naming the fields and who changed them.
 * - Fields that users or controllers own stay theirs: a clash is a
 *   FieldOwnershipError naming the field and its manager, unless the user
 *   confirmed taking them over (`takeOver`).
 *
 * The change then reaches the store through the kubernetes source.
 */
export class KubernetesWriter implements ChoreoWriter {
  private readonly http: KubeHttp;

  constructor(private readonly options: KubernetesWriterOptions) {
    this.http = new KubeHttp(options.kubeConfig);
  }

  /** URL of the cluster's API server. */
  get server(): string {
    return this.http.server;
  }

  get reach(): WriterReach {
    return {
      controlPlane: true,
      description: `the cluster at ${this.server}`,
    };
  }

  async apply(
    resource: ChoreoResource,
    context: WriteContext,
  ): Promise<WriteResult> {
    validateWriteContext(context);
    const info = validateResource(resource);
    const path = objectPath(info, resource.metadata);
    const what = describe(info, resource.metadata);
    const manager = this.options.fieldManager ?? CHOREO_FIELD_MANAGER;
    try {
      for (let attempt = 1; ; attempt++) {
        const before = await this.read(path, context);
        this.assertExpected(what, context, before);
        // what we apply: our fields, without status and server fields
        const body = callerOwnedFields(
          keepOwnedFields(
            before,
            manager,
            resource as unknown as Record<string, unknown>,
          ) as unknown as ChoreoResource,
        );
        // Applied only to the object we just read: a write in between is a 409.
        const version = resourceVersionOf(before);
        if (version) {
          (body.metadata as Record<string, unknown>).resourceVersion = version;
        }
        try {
          const { status, body: after } = await this.http.send<
            Record<string, unknown>
          >('PATCH', path, JSON.stringify(body), {
            contentType: PatchStrategy.ServerSideApply,
            query: {
              fieldManager: manager,
              force: context.takeOver ? 'true' : 'false',
              dryRun: context.dryRun ? 'All' : undefined,
            },
            headers: this.headers(context),
          });
          let action: WriteResult['action'] = 'updated';
          if (status === 201 || !before) {
            action = 'created';
          } else if (
            isDeepStrictEqual(
              withoutServerMetadata(before),
              withoutServerMetadata(after),
            )
          ) {
            action = 'unchanged';
          }
          return {
            action,
            resource: withoutManagedFields(after),
            location: this.server,
          };
        } catch (error) {
          // Someone wrote between our read and our apply: read again, and
          // check again that it is still what the caller saw.
          if (attempt < STALE_READ_ATTEMPTS && isStaleVersion(error)) continue;
          throw error;
        }
      }
    } catch (error) {
      throw this.translate(error, 'apply', what, context);
    }
  }

  async delete(key: ResourceKey, context: WriteContext): Promise<WriteResult> {
    validateWriteContext(context);
    const info = validateResourceKey(key);
    const path = objectPath(info, key);
    const what = describe(info, key);
    try {
      const before = await this.read(path, context);
      this.assertExpected(what, context, before);
      if (!before) {
        throw new NotFoundError(
          `Could not delete ${what}: it does not exist in the cluster at ${this.server}`,
        );
      }
      // Deletes only the object we read: a change in between is a 409.
      await this.http.request('DELETE', path, deleteOptions(before), {
        query: { dryRun: context.dryRun ? 'All' : undefined },
        headers: this.headers(context),
      });
      return {
        action: 'deleted',
        resource: withoutManagedFields(before),
        location: this.server,
      };
    } catch (error) {
      throw this.translate(error, 'delete', what, context);
    }
  }

  /** The caller's precondition; a change names the field manager that made it. */
  private assertExpected(
    what: string,
    context: WriteContext,
    live: Record<string, unknown> | undefined,
  ): void {
    assertAsExpected(
      what,
      context.expected,
      live && withoutManagedFields(live),
      fieldPath => (live ? managersOf(live, fieldPath)[0] : undefined),
    );
  }

  /** The object as it is now, or undefined when it does not exist. */
  private async read(
    path: string,
    context: WriteContext,
  ): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.http.request<Record<string, unknown>>(
        'GET',
        path,
        undefined,
        { headers: this.headers(context) },
      );
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  private headers(context: WriteContext): Record<string, string> {
    if (!this.options.impersonate) {
      return {};
    }
    return { 'Impersonate-User': this.kubernetesUser(context) };
  }

  private kubernetesUser(context: WriteContext): string {
    return this.options.kubernetesUserOf?.(context.actor) ?? context.actor;
  }

  private translate(
    error: unknown,
    verb: string,
    what: string,
    context: WriteContext,
  ): Error {
    return translateWriteError(error, {
      verb,
      what,
      server: this.server,
      impersonated: this.options.impersonate
        ? this.kubernetesUser(context)
        : undefined,
    });
  }
}

function describe(
  info: ChoreoKindInfo,
  key: { name: string; namespace?: string },
): string {
  return info.namespaced
    ? `${info.kind} ${key.namespace}/${key.name}`
    : `${info.kind} ${key.name}`;
}
