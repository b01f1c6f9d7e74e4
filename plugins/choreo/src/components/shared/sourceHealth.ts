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

/** `file:line: message`, or the message when it names no file. */
export function problemText(problem: {
  message: string;
  file?: string;
  line?: number;
}): string {
  if (!problem.file) return problem.message;
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${
    problem.message
  }`;
}

/**
 * "3 resources could not be read", for people who may not see which: the
 * details (paths, URLs, parser errors) come only to those allowed to.
 */
export function unreadableCount(
  source: ChoreoSourceStatus,
): string | undefined {
  if (source.problemCount === 0 || source.details) return undefined;
  return `${source.problemCount} resource${
    source.problemCount === 1 ? '' : 's'
  } could not be read`;
}
