import { ChoreoSourceStatus } from '@choreo-for-backstage/plugin-choreo-common';

const rank = (source: ChoreoSourceStatus) =>
  source.state === 'failing' ? 0 : 1;

/** The sources worth a warning: stale or failing ones, failing first. */
export function sourceWarnings(
  sources: ChoreoSourceStatus[],
): ChoreoSourceStatus[] {
  return sources
    .filter(s => s.state === 'stale' || s.state === 'failing')
    .sort((a, b) => rank(a) - rank(b));
}
