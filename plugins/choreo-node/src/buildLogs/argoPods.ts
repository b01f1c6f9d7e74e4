/**
 * How Argo lays out the pods of a Workflow, as far as reading logs goes:
 * pure functions over pod objects, no I/O.
 */

export const ARGO_WORKFLOW_LABEL = 'workflows.argoproj.io/workflow';
export const ARGO_NODE_NAME_ANNOTATION = 'workflows.argoproj.io/node-name';

/** Argo's own containers: `init` stages artifacts, `wait` collects outputs; neither is the user's build. */
const ARGO_EXECUTOR_CONTAINERS = new Set(['wait', 'init']);

/** The parts of a Pod the log reader needs. */
export interface ArgoPod {
  metadata: {
    name: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: { containers?: Array<{ name: string }> };
  status?: { phase?: string; startTime?: string };
}

/** A pod matched to the task (step) it runs. */
export interface TaskPod {
  task: string;
  pod: ArgoPod;
  /** Containers to read, in pod order, without Argo's executor containers. */
  containers: string[];
}

/**
 * The step of a node name `<workflow>[i].<step>`; nested steps keep their
 * path (`<workflow>[0].build[1].push` → `build[1].push`). Undefined for
 * other workflows' pods.
 */
export function stepOfNodeName(
  workflow: string,
  nodeName: string | undefined,
): { index: number; step: string } | undefined {
  if (!nodeName?.startsWith(`${workflow}[`)) return undefined;
  const match = /^\[(\d+)\]\.(.+)$/.exec(nodeName.slice(workflow.length));
  return match ? { index: Number(match[1]), step: match[2] } : undefined;
}

/** Whether a pod's step is the task: the task names the step itself or its last segment. */
function stepIsTask(step: string, task: string): boolean {
  return step === task || step.endsWith(`.${task}`);
}

export function containersToRead(pod: ArgoPod): string[] {
  return (pod.spec?.containers ?? [])
    .map(c => c.name)
    .filter(name => !ARGO_EXECUTOR_CONTAINERS.has(name));
}

/**
 * The pods of a workflow in step order: the order of `status.tasks` where a
 * task is known, then pods of steps not (yet) in the run's status, by step
 * index and start. A retried step has several pods; all are kept, oldest first.
 */
export function taskPodsInOrder(
  workflow: string,
  pods: ArgoPod[],
  taskOrder: string[],
): TaskPod[] {
  const entries = pods.flatMap(pod => {
    const node = stepOfNodeName(
      workflow,
      pod.metadata.annotations?.[ARGO_NODE_NAME_ANNOTATION],
    );
    if (!node) return [];
    const known = taskOrder.findIndex(t => stepIsTask(node.step, t));
    return [
      {
        task: known >= 0 ? taskOrder[known] : node.step,
        rank: known >= 0 ? known : taskOrder.length,
        index: node.index,
        started: pod.status?.startTime ?? pod.metadata.creationTimestamp ?? '',
        pod,
      },
    ];
  });
  entries.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.index - b.index ||
      a.started.localeCompare(b.started) ||
      a.pod.metadata.name.localeCompare(b.pod.metadata.name),
  );
  return entries.map(({ task, pod }) => ({
    task,
    pod,
    containers: containersToRead(pod),
  }));
}

/** Splits a `timestamps=true` log line into its RFC 3339 time and text. */
export function splitTimestamp(line: string): { time?: string; text: string } {
  const space = line.indexOf(' ');
  const head = space > 0 ? line.slice(0, space) : line;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(head)) {
    return { time: head, text: space > 0 ? line.slice(space + 1) : '' };
  }
  return { text: line };
}
