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

export interface ComponentBuilds {
  /** Newest first. */
  items: BuildSummary[];
}
