import { GitRemoteConfig } from '../../sources/gitRemoteConfig';

/** A remote configuration for tests: fetch only on demand, short retry waits. */
export function testRemoteConfig(
  url: string,
  more: Partial<GitRemoteConfig> = {},
): GitRemoteConfig {
  return {
    url,
    branch: 'main',
    fetchIntervalMs: 60_000,
    pushAttempts: 5,
    retryDelayMs: 20,
    ...more,
  };
}
