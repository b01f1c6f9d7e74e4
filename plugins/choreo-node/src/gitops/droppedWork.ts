import { GitResult } from '../writer/directory/gitProcess';

/** Work in a clone that never reached the remote. */
export interface DroppedWork {
  /** Subjects of the commits the remote branch does not have, oldest first. */
  commits: string[];
  /** Files with uncommitted changes (staged, unstaged or untracked). */
  files: string[];
}

/**
 * What resetting the clone would throw away: commits no remote-tracking
 * branch has (so not those of a branch it followed before) and changes that
 * were never committed.
 */
export async function droppedWork(
  git: (...args: string[]) => Promise<GitResult>,
): Promise<DroppedWork> {
  const hasHead = await git('rev-parse', '--verify', '--quiet', 'HEAD').then(
    () => true,
    () => false,
  );
  const commits = hasHead
    ? (
        await git(
          'log',
          '--reverse',
          '--format=%s',
          'HEAD',
          '--not',
          '--remotes',
        )
      ).stdout
        .split('\n')
        .filter(Boolean)
    : [];
  const files = (
    await git('status', '--porcelain', '--untracked-files=all')
  ).stdout
    .split('\n')
    .filter(Boolean)
    .map(line => line.slice(3));
  return { commits, files };
}

const LISTED = 5;

function listed(items: string[], quote: boolean): string {
  const shown = items
    .slice(0, LISTED)
    .map(item => (quote ? `"${item}"` : item))
    .join(', ');
  return items.length > LISTED
    ? `${shown} and ${items.length - LISTED} more`
    : shown;
}

/** e.g. `2 unpushed commits ("Promote api", "Restart web") and uncommitted changes to a.yaml` */
export function describeDropped(dropped: DroppedWork): string {
  const parts: string[] = [];
  const { commits, files } = dropped;
  if (commits.length > 0) {
    parts.push(
      `${commits.length} unpushed commit${
        commits.length === 1 ? '' : 's'
      } (${listed(commits, true)})`,
    );
  }
  if (files.length > 0) {
    parts.push(`uncommitted changes to ${listed(files, false)}`);
  }
  return parts.join(' and ') || 'nothing';
}
