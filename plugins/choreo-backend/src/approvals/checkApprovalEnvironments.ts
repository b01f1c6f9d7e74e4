import { LoggerService } from '@backstage/backend-plugin-api';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { ApprovalConfig, unknownApprovalEnvironments } from './approvalConfig';

/**
 * At start-up: a name in choreo.approvals.environments that no source has
 * is almost always a typo, and it leaves the environment meant unguarded
 * (production still is, by isProduction). The start-up fails naming it.
 * While a source is not synced its environments may simply not be loaded
 * yet, so then it only warns.
 */
export function checkApprovalEnvironments(
  approvals: ApprovalConfig,
  store: ChoreoStoreReader,
  logger: LoggerService,
): void {
  if (!approvals.enabled) {
    logger.warn(
      'choreo.approvals.enabled is false: changes in production environments apply without a second person',
    );
    return;
  }
  const known = new Set(
    store.list('Environment').map(environment => environment.metadata.name),
  );
  const unknown = unknownApprovalEnvironments(approvals, known);
  if (unknown.length === 0) return;
  const message = `choreo.approvals.environments names ${unknown
    .map(name => `'${name}'`)
    .join(', ')}, but no source has an Environment of that name (known: ${
    [...known].sort().join(', ') || 'none'
  })`;
  const unsynced = store.sources().filter(s => s.state !== 'synced');
  if (unsynced.length > 0) {
    logger.warn(
      `${message}; not all sources are loaded yet (${unsynced
        .map(s => s.source)
        .join(
          ', ',
        )}), so it may appear later. Changes there need approval until then.`,
    );
    return;
  }
  throw new Error(`${message}. Fix the name or remove it.`);
}
