import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * The caller's own token, which the default auth service keeps on the
 * credentials as a hidden property; undefined when they carry none.
 */
export function callerToken(
  credentials: BackstageCredentials,
): string | undefined {
  const token = (credentials as { token?: unknown }).token;
  return typeof token === 'string' ? token : undefined;
}
