import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { KubeApiError, KubeStatus } from '../../sources/kubernetes/kubeHttp';
import { FieldOwner, FieldOwnershipError } from '../resourceChanges';

export interface WriteErrorContext {
  /** `apply` or `delete`. */
  verb: string;
  /** `Component acme/api` */
  what: string;
  /** API server URL. */
  server: string;
  /** The user the request impersonated, if any. */
  impersonated?: string;
}

/** `.spec.releaseName` → `spec.releaseName` */
function fieldPath(field: string | undefined): string | undefined {
  return field?.replace(/^\./, '');
}

type Cause = NonNullable<NonNullable<KubeStatus['details']>['causes']>[number];

/** Who owns the field a FieldManagerConflict names: `conflict with "manager" using v1: .spec.x`. */
function fieldOwner(cause: Cause): FieldOwner {
  return {
    field: fieldPath(cause.field) ?? 'a field',
    manager:
      /conflict with "([^"]+)"/.exec(cause.message ?? '')?.[1] ??
      'another field manager',
  };
}

/** One line per field the API server found invalid; the field comes apart from the message. */
function invalidLines(causes: Cause[]): string[] {
  return causes.map(cause => {
    const field = fieldPath(cause.field);
    const message = cause.message ?? cause.reason ?? 'invalid';
    // Some messages already start with the field path; do not say it twice.
    return field && !message.startsWith(field)
      ? `${field}: ${message}`
      : message;
  });
}

/**
 * Turns an API server error into the @backstage/errors type the router maps
 * to an HTTP answer, with a message that names the fields and says what to
 * do. Anything that is not a KubeApiError is returned as it is.
 */
export function translateWriteError(
  error: unknown,
  context: WriteErrorContext,
): Error {
  if (!(error instanceof KubeApiError)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const { verb, what, server } = context;
  const status = error.body;
  const causes = status?.details?.causes ?? [];
  const serverMessage = status?.message ?? error.message;
  switch (error.status) {
    case 0:
      return new ServiceUnavailableError(
        `Could not ${verb} ${what}: the Kubernetes API server at ${server} cannot be reached (${error.message}). Check that the cluster is up and that the source's url or kubeconfig points at it.`,
      );
    case 409: {
      const owned = causes.filter(c => c.reason === 'FieldManagerConflict');
      if (owned.length > 0) {
        return new FieldOwnershipError(what, owned.map(fieldOwner));
      }
      return new ConflictError(`Could not ${verb} ${what}: ${serverMessage}`);
    }
    case 422:
    case 400: {
      const lines = invalidLines(causes);
      return new InputError(
        `${what} is invalid: ${
          lines.length > 0 ? lines.join('; ') : serverMessage
        }`,
      );
    }
    case 403:
      return new NotAllowedError(
        `Not allowed to ${verb} ${what}${
          context.impersonated ? ` as ${context.impersonated}` : ''
        }: ${serverMessage}. Ask a cluster admin for the Kubernetes RBAC permission.`,
      );
    case 401:
      return new ServiceUnavailableError(
        `Could not ${verb} ${what}: the API server at ${server} rejected the backend's credentials (401). Renew the token or kubeconfig of the Choreo source.`,
      );
    case 404:
      return new NotFoundError(
        `Could not ${verb} ${what}: ${serverMessage}. ${
          verb === 'delete'
            ? 'It does not exist (any more).'
            : 'Create its namespace first, and check that the OpenChoreo CRDs are installed.'
        }`,
      );
    default:
      if (error.status >= 500) {
        return new ServiceUnavailableError(
          `Could not ${verb} ${what}: the API server at ${server} answered ${error.status}: ${serverMessage}`,
        );
      }
      return new Error(`Could not ${verb} ${what}: ${serverMessage}`);
  }
}
