import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_READ_DECISION_TTL_MS } from './CachedReadPermissions';

const KEY = 'choreo.permissions.readDecisionTtl';

/** `choreo.permissions.readDecisionTtl` in milliseconds; 0 turns the reuse off. */
export function readDecisionTtlMs(config: Config): number {
  if (!config.has(KEY)) return DEFAULT_READ_DECISION_TTL_MS;
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key: KEY }));
  } catch (error) {
    throw new Error(
      `${KEY} is not a duration (e.g. '5s' or { seconds: 5 }; { seconds: 0 } turns it off): ${
        (error as Error).message
      }`,
    );
  }
  if (!Number.isFinite(ms) || ms < 0 || ms > 60_000) {
    throw new Error(
      `${KEY} must be between 0 and one minute: a revoked right would let reads through that long`,
    );
  }
  return ms;
}
