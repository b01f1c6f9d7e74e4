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
import { ChoreoWriter, WriteContext, WriteResult } from '../types';
import {
  validateResource,
  validateResourceKey,
  validateWriteContext,
} from '../validateResource';
import { translateWriteError } from './kubeWriteErrors';

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

/** Metadata the API server owns; sending it back would fail or pin stale values. */
const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
] as const;

/** The object as we apply it: what the caller owns, without status and server fields. */
export function applyBody(resource: ChoreoResource): Record<string, unknown> {
  const { status: _status, ...rest } = resource as ChoreoResource & {
    status?: unknown;
  };
  const metadata: Record<string, unknown> = { ...resource.metadata };
  for (const field of SERVER_METADATA) {
    delete metadata[field];
  }
  return { ...rest, metadata };
}

/** What the user sees of an object: without server bookkeeping that changes on every write. */
function comparable(object: Record<string, unknown> | undefined) {
  if (!object) {
    return undefined;
  }
  const metadata = { ...(object.metadata as Record<string, unknown>) };
  for (const field of SERVER_METADATA) {
    delete metadata[field];
  }
  return { ...object, metadata };
}

function withoutManagedFields(object: Record<string, unknown>): ChoreoResource {
  const metadata = { ...(object.metadata as Record<string, unknown>) };
  delete metadata.managedFields;
  return { ...object, metadata } as unknown as ChoreoResource;
}

/**
 * Writes Choreo resources to a cluster with server-side apply under our own
 * field manager, never forcing: fields that users or controllers own stay
 * theirs, and a clash comes back as a ConflictError naming the field and its
 * owner. The change then reaches the store through the kubernetes source.
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

  async apply(
    resource: ChoreoResource,
    context: WriteContext,
  ): Promise<WriteResult> {
    validateWriteContext(context);
    const info = validateResource(resource);
    const path = objectPath(info, resource.metadata);
    const what = describe(info, resource.metadata);
    try {
      const before = await this.read(path, context);
      const { status, body } = await this.http.send<Record<string, unknown>>(
        'PATCH',
        path,
        JSON.stringify(applyBody(resource)),
        {
          contentType: PatchStrategy.ServerSideApply,
          query: {
            fieldManager: this.options.fieldManager ?? CHOREO_FIELD_MANAGER,
            force: 'false',
            dryRun: context.dryRun ? 'All' : undefined,
          },
          headers: this.headers(context),
        },
      );
      let action: WriteResult['action'] = 'updated';
      if (status === 201 || !before) {
        action = 'created';
      } else if (isDeepStrictEqual(comparable(before), comparable(body))) {
        action = 'unchanged';
      }
      return {
        action,
        resource: withoutManagedFields(body),
        location: this.server,
      };
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
      if (!before) {
        throw new NotFoundError(
          `Could not delete ${what}: it does not exist in the cluster at ${this.server}`,
        );
      }
      await this.http.request('DELETE', path, undefined, {
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
