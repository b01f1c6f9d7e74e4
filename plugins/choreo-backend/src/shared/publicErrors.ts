import { randomBytes } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** Errors whose name the router turns into a 4xx or 503 answer. */
const ANSWERABLE: Record<string, new (message: string) => Error> = {
  InputError,
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ConflictError,
  ServiceUnavailableError,
};

const PUBLIC = Symbol('choreo.publicError');

/** Answers 429; Backstage's errors have no such type. */
export class TooManyRequestsError extends Error {
  name = 'TooManyRequestsError';
}

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`)]+/gi;
// an absolute path: a slash after start, space, quote or '(' and then a name
const PATH_PATTERN = /(^|[\s'"`(=])(\/[^\s'"`),;]+)/g;

/**
 * The caller's version of a message: server URLs, file system paths and
 * anything after the first line (git stderr, parser snippets with the lines
 * around an error — possibly a kubeconfig's token) are left out.
 */
export function scrubMessage(message: string): string {
  return message
    .split('\n')[0]
    .replace(URL_PATTERN, '<server>')
    .replace(PATH_PATTERN, '$1<path>')
    .trim();
}

const isPublic = (error: unknown) =>
  !!error && typeof error === 'object' && PUBLIC in error;

function markPublic<E extends Error>(error: E): E {
  Object.defineProperty(error, PUBLIC, { value: true });
  // the stack would show the backend's files in development answers
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/**
 * What a caller may be told about `error`: the same HTTP meaning with a
 * plain message. When anything had to be left out, the full error goes to
 * the server log under a reference the message names, so a platform
 * engineer can find it. Idempotent: a public error is returned as it is.
 */
export function toPublicError(error: unknown, logger: LoggerService): Error {
  if (error instanceof Error && isPublic(error)) return error;
  const original = error instanceof Error ? error : new Error(String(error));
  if (original.name === 'TooManyRequestsError') return markPublic(original);
  const Type = ANSWERABLE[original.name];
  const scrubbed = Type ? scrubMessage(original.message) : '';
  if (Type && scrubbed === original.message.trim()) {
    // a cause (a git or HTTP error) would be serialized into the answer
    return markPublic(original.cause ? new Type(original.message) : original);
  }
  const reference = randomBytes(4).toString('hex');
  logger.error(`choreo request failed (reference ${reference})`, original);
  const message = Type
    ? `${scrubbed} (details in the backend log, reference ${reference})`
    : `The choreo backend could not complete the request (reference ${reference}); a platform engineer finds the cause in the backend log`;
  return markPublic(Type ? new Type(message) : new Error(message));
}
