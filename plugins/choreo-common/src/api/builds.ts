import { StatusSummary } from '../domain/conditionSummary';
import { WorkflowTaskPhase } from '../resources';

export interface BuildTask {
  name: string;
  phase?: WorkflowTaskPhase;
  startedAt?: string;
  completedAt?: string;
  durationSeconds?: number;
  message?: string;
}

/** One WorkflowRun of a component. */
export interface BuildSummary {
  name: string;
  namespace: string;
  workflow: string;
  createdAt?: string;
  startedAt?: string;
  completedAt?: string;
  durationSeconds?: number;
  status: StatusSummary;
  commit?: string;
  branch?: string;
  tasks: BuildTask[];
}

/**
 * Whether a new build of the component would run. It would not when the
 * component is deployed from an image (no build workflow), or when the
 * portal's writes for its organisation reach no OpenChoreo control plane
 * (a local directory): a WorkflowRun there is never executed.
 */
export type BuildTriggerState =
  | { possible: true }
  | {
      possible: false;
      /** What is missing and how to connect it. */
      reason: string;
    };

export interface ComponentBuilds {
  /** Newest first. */
  items: BuildSummary[];
  trigger: BuildTriggerState;
}
