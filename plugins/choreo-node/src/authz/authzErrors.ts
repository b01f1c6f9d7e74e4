import { CustomErrorBase, InputError } from '@backstage/errors';

/**
 * A batch whose subject claim, or one of the values that had to be evaluated,
 * is empty. openchoreo-api answers 500 for the whole batch; so does a
 * Backstage route that lets this error through.
 */
export class AuthzSubjectError extends CustomErrorBase {
  name = 'AuthzSubjectError' as const;
}

/** The HTTP status openchoreo-api answers for an evaluation error. */
export function authzErrorStatus(error: unknown): 400 | 500 {
  return error instanceof InputError ? 400 : 500;
}
