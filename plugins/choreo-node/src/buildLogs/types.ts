import { WorkflowRun } from '@choreo-for-backstage/plugin-choreo-common';

/** Which logs to read: one WorkflowRun, optionally one of its tasks (steps). */
export interface BuildLogRequest {
  /** The WorkflowRun as the store holds it; `status.runReference` names the Argo Workflow. */
  run: WorkflowRun;
  /** A task name from `status.tasks`; absent means every task in step order. */
  task?: string;
  /** Keep reading while the run is going; otherwise return what exists and stop. */
  follow: boolean;
  /** Aborted when the client goes away or the stream times out. */
  signal: AbortSignal;
}

export interface BuildLogLine {
  /** The task (Argo node) the line belongs to. */
  task?: string;
  container?: string;
  /** ISO timestamp, when the source knows it. */
  time?: string;
  text: string;
}

/**
 * Reads build logs from the workflow plane. The Kubernetes implementation
 * reads the Argo pods (label `workflows.argoproj.io/workflow`, annotation
 * `workflows.argoproj.io/node-name`), every container except `wait` and
 * `init`. The stream is pulled, so a slow client slows the reading.
 */
export interface BuildLogSource {
  read(request: BuildLogRequest): AsyncIterable<BuildLogLine>;
}
