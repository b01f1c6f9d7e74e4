import { resourceKeyString } from '@choreo-for-backstage/plugin-choreo-common';
import { SourceProblem } from './types';

/** `file:line: message (Kind:ns/name)`: one line a platform engineer can act on. */
export function sourceProblemText(problem: SourceProblem): string {
  const where = problem.file
    ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: `
    : '';
  const what = problem.resource
    ? ` (${resourceKeyString(problem.resource)})`
    : '';
  return `${where}${problem.message}${what}`;
}

/** Problems in `next` that were not in `previous`, and those that went away. */
export function problemChanges(
  previous: SourceProblem[],
  next: SourceProblem[],
): { appeared: string[]; resolved: string[] } {
  const before = new Set(previous.map(sourceProblemText));
  const after = new Set(next.map(sourceProblemText));
  return {
    appeared: [...after].filter(p => !before.has(p)),
    resolved: [...before].filter(p => !after.has(p)),
  };
}
