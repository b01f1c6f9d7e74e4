import { CHOREO_LABELS } from '../constants';
import { Condition, WorkflowRun, WorkflowTask } from '../resources';
import {
  findCondition,
  fromCondition,
  isTrue,
  StatusSummary,
} from './conditionSummary';
import { reasonWords } from './statusReasons';

const FAILED_PHASES = new Set(['Failed', 'Error']);

/** The step that failed; Argo may mark later steps Failed too, so the earliest one. */
function failedTask(
  tasks: WorkflowTask[] | undefined,
): WorkflowTask | undefined {
  return tasks?.find(t => t.phase && FAILED_PHASES.has(t.phase));
}

function runningTask(
  tasks: WorkflowTask[] | undefined,
): WorkflowTask | undefined {
  return tasks?.filter(t => t.phase === 'Running').pop();
}

/**
 * A WorkflowRun; labelled with a project and component it is a build.
 * Names the failed or running step from `status.tasks`.
 */
export function summarizeWorkflowRun(run: WorkflowRun): StatusSummary {
  const { status, metadata } = run;
  const conditions = status?.conditions;
  const labels = metadata.labels ?? {};
  const noun =
    labels[CHOREO_LABELS.project] && labels[CHOREO_LABELS.component]
      ? 'Build'
      : 'Workflow run';
  const sentence = (c: Condition) => {
    const s = fromCondition('WorkflowRun', c, {});
    return {
      ...s,
      message: reasonWords('WorkflowRun', c.reason)
        ? `${noun} ${s.message}`
        : s.message,
    };
  };

  const failed = findCondition(conditions, 'WorkflowFailed');
  if (isTrue(failed)) {
    const task = failedTask(status?.tasks);
    const since = status?.completedAt ?? failed!.lastTransitionTime;
    if (task && failed!.reason === 'WorkflowFailed') {
      const detail = task.message ? `: ${task.message}` : '';
      return {
        state: 'failed',
        reason: failed!.reason,
        message: `${noun} failed in step '${task.name}'${detail}`,
        since,
      };
    }
    return { ...sentence(failed!), state: 'failed', since };
  }
  const succeeded = findCondition(conditions, 'WorkflowSucceeded');
  if (isTrue(succeeded)) {
    return {
      ...sentence(succeeded!),
      since: status?.completedAt ?? succeeded!.lastTransitionTime,
    };
  }
  const running = findCondition(conditions, 'WorkflowRunning');
  if (isTrue(running)) {
    const task = runningTask(status?.tasks);
    return {
      state: 'progressing',
      reason: running!.reason,
      message: task
        ? `${noun} is running step '${task.name}'`
        : `${noun} is running`,
      since: status?.startedAt ?? running!.lastTransitionTime,
    };
  }
  const completed = findCondition(conditions, 'WorkflowCompleted');
  if (completed && completed.reason !== 'WorkflowPending') {
    // Stuck before starting: no workflow plane, or the workflow cannot be resolved.
    return sentence(completed);
  }
  return {
    state: 'progressing',
    reason: completed?.reason ?? 'WorkflowPending',
    message: `${noun} is waiting to start`,
    since: completed?.lastTransitionTime,
  };
}
