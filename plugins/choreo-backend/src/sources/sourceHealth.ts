import { ChoreoSourceStatus } from '@choreo-for-backstage/plugin-choreo-common';
import { SourceStatus } from '@choreo-for-backstage/plugin-choreo-node';

const SUMMARY: Record<SourceStatus['state'], string> = {
  starting: 'Loading for the first time',
  synced: 'Healthy',
  stale: 'Stale: showing the last data it read',
  failing: 'Failing: nothing could be read',
};

/** A failing source that had loaded before still serves what it loaded. */
const FAILING_WITH_DATA = {
  summary: 'Failing: showing the last data it read',
  whatToDo:
    'What you see may be out of date, and changes to it may not go through until it recovers. Ask a platform engineer: the Platform page shows them the cause.',
};

const WHAT_TO_DO: Record<SourceStatus['state'], string | undefined> = {
  starting: undefined,
  synced: undefined,
  stale:
    'What you see may be out of date. Changes still go through; ask a platform engineer to look at this source on the Platform page.',
  failing:
    'The portal shows nothing from this source until it recovers. Ask a platform engineer: the Platform page shows them the cause.',
};

/**
 * A source's health as everyone may see it; with `details` only for those
 * allowed to see paths, server URLs and raw errors.
 */
export function publicSourceStatus(
  status: SourceStatus,
  withDetails: boolean,
): ChoreoSourceStatus {
  const problems = status.problems.length;
  const servesLastLoad = status.state === 'failing' && status.resourceCount > 0;
  const whatToDo = servesLastLoad
    ? FAILING_WITH_DATA.whatToDo
    : WHAT_TO_DO[status.state] ??
      (problems > 0
        ? `${problems} resource${
            problems === 1 ? '' : 's'
          } could not be read and ${
            problems === 1 ? 'is' : 'are'
          } left out; a platform engineer sees which on the Platform page.`
        : undefined);
  return {
    source: status.source,
    type: status.type,
    state: status.state,
    since: status.since,
    resourceCount: status.resourceCount,
    summary: servesLastLoad ? FAILING_WITH_DATA.summary : SUMMARY[status.state],
    ...(whatToDo ? { whatToDo } : {}),
    problemCount: problems,
    ...(withDetails
      ? {
          details: {
            ...(status.message ? { message: status.message } : {}),
            problems: status.problems.map(p => ({ ...p })),
          },
        }
      : {}),
  };
}
