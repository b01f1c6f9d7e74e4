import { ResponseError } from '@backstage/errors';

/** The HTTP status of an error the ChoreoClient threw, if it came from a response. */
export function statusCodeOf(error: unknown): number | undefined {
  if (error instanceof ResponseError) return error.statusCode;
  // instanceof fails across bundles; the client's errors still carry statusCode.
  const code = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

export const isPermissionDenied = (error: unknown) =>
  statusCodeOf(error) === 403;

/** The backend's message (the client puts it on `.message`). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
