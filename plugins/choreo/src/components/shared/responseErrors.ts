import { ResponseError } from '@backstage/errors';

/** The HTTP status of an error the ChoreoClient threw, if it came from a response. */
export function statusCodeOf(error: unknown): number | undefined {
  if (error instanceof ResponseError) return error.statusCode;
  // instanceof fails across bundles; the client's errors still carry statusCode.
  const code = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** A field another manager owns, as a 409 with `error.code` FieldOwnership names it. */
export interface FieldOwner {
  field: string;
  manager: string;
}

/** The fields a write was refused for because others manage them; undefined for any other error. */
export function fieldOwnersOf(error: unknown): FieldOwner[] | undefined {
  const body = (
    error as { body?: { error?: { code?: unknown; owners?: unknown } } }
  )?.body?.error;
  if (statusCodeOf(error) !== 409 || body?.code !== 'FieldOwnership') {
    return undefined;
  }
  const owners = Array.isArray(body.owners) ? body.owners : [];
  const valid = owners.filter(
    (o): o is FieldOwner =>
      typeof o?.field === 'string' && typeof o?.manager === 'string',
  );
  return valid.length > 0 ? valid : undefined;
}

export const isPermissionDenied = (error: unknown) =>
  statusCodeOf(error) === 403;

/** The backend's message (the client puts it on `.message`). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
