import { setTimeout as sleep } from 'node:timers/promises';
import { Config } from '@backstage/config';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { WorkflowResourceReference } from '@choreo-for-backstage/plugin-choreo-common';
import { KubeApiError, KubeHttp } from '../sources/kubernetes/kubeHttp';
import {
  ARGO_WORKFLOW_LABEL,
  ArgoPod,
  TaskPod,
  splitTimestamp,
  taskPodsInOrder,
} from './argoPods';
import { linesOf, openKubeStream } from './podLogStream';
import { BuildLogLine, BuildLogRequest, BuildLogSource } from './types';
import { workflowPlaneKubeConfig } from './workflowPlaneConfig';

export interface KubernetesBuildLogSourceOptions {
  /** Client configuration of the workflow-plane cluster. */
  kubeConfig: KubeConfig;
  /** While following a run: how often to look for the pods of later steps. Default 2 s. */
  pollIntervalMs?: number;
}

type RunReference = Required<Pick<WorkflowResourceReference, 'name'>> & {
  namespace: string;
};

const FINISHED_PHASES = new Set(['Succeeded', 'Failed', 'Error']);
/** What the kubelet answers (HTTP 400) for a container that has not started yet. */
const NOT_STARTED = /waiting to start|ContainerCreating|PodInitializing/;

/** What the identity needs on the workflow plane, as the shipped Role grants it. */
const BUILD_LOG_RIGHTS =
  "list on pods, get on pods/log and get on argoproj.io's workflows";

/**
 * Build logs from the Argo pods of a WorkflowRun on the workflow plane:
 * pods labelled `workflows.argoproj.io/workflow=<run reference>`, matched to
 * tasks by their node-name annotation, read container by container through
 * the pods/log subresource. Lines are pulled one by one, so the reader's pace
 * sets the pace of the HTTP stream.
 */
export class KubernetesBuildLogSource implements BuildLogSource {
  private readonly http: KubeHttp;
  private readonly pollIntervalMs: number;

  /** The source for `choreo.workflowPlane`, or undefined when it is not configured. */
  static fromConfig(
    config: Config,
    options: { workingDirectory?: string; pollIntervalMs?: number } = {},
  ): KubernetesBuildLogSource | undefined {
    const kubeConfig = workflowPlaneKubeConfig(config, options);
    return kubeConfig
      ? new KubernetesBuildLogSource({ ...options, kubeConfig })
      : undefined;
  }

  constructor(options: KubernetesBuildLogSourceOptions) {
    this.http = new KubeHttp(options.kubeConfig);
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
  }

  async *read(request: BuildLogRequest): AsyncGenerator<BuildLogLine> {
    const { run, task, follow, signal } = request;
    const runName = run.metadata.name;
    const ref = run.status?.runReference;
    if (!ref?.name || !ref.namespace) {
      throw new NotFoundError(
        `Build '${runName}' has no Argo workflow on the workflow plane yet (its status.runReference is empty); try again once the build started`,
      );
    }
    const wf: RunReference = { name: ref.name, namespace: ref.namespace };
    const taskOrder = run.status?.tasks?.map(t => t.name) ?? [];
    const read = new Set<string>();

    while (!signal.aborted) {
      // Checked before listing, so pods that appear meanwhile are still read.
      const finished = follow
        ? await this.workflowFinished(runName, wf, signal)
        : true;
      const all = taskPodsInOrder(
        wf.name,
        await this.listPods(runName, wf, signal),
        taskOrder,
      );
      const wanted = task ? all.filter(p => p.task === task) : all;
      const unread = wanted.filter(p => !read.has(p.pod.metadata.name));
      if (unread.length === 0 && read.size === 0 && finished) {
        throw this.noPods(runName, wf, task, all);
      }
      for (const taskPod of unread) {
        read.add(taskPod.pod.metadata.name);
        yield* this.readPod(runName, wf, taskPod, follow && !finished, signal);
        if (signal.aborted) return;
      }
      // one task is done once its pod was read; a run once Argo finished it
      if (finished || (task && read.size > 0)) return;
      if (unread.length === 0) await pause(this.pollIntervalMs, signal);
    }
  }

  private async *readPod(
    runName: string,
    wf: RunReference,
    { task, pod, containers }: TaskPod,
    follow: boolean,
    signal: AbortSignal,
  ): AsyncGenerator<BuildLogLine> {
    const podName = pod.metadata.name;
    for (const container of containers) {
      const res = await this.openLog(runName, wf, task, podName, container, {
        follow,
        signal,
      });
      if (!res) return;
      try {
        for await (const line of linesOf(res)) {
          yield { task, container, ...splitTimestamp(line) };
        }
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
    }
  }

  /** Opens one container's log; while following, waits for a container that has not started. */
  private async openLog(
    runName: string,
    wf: RunReference,
    task: string,
    pod: string,
    container: string,
    { follow, signal }: { follow: boolean; signal: AbortSignal },
  ) {
    const path = `/api/v1/namespaces/${encodeURIComponent(
      wf.namespace,
    )}/pods/${encodeURIComponent(pod)}/log`;
    for (;;) {
      try {
        return await openKubeStream(
          this.http.kubeConfig,
          path,
          { container, follow: String(follow), timestamps: 'true' },
          signal,
        );
      } catch (error) {
        if (signal.aborted) return undefined;
        const waiting =
          error instanceof KubeApiError &&
          error.status === 400 &&
          NOT_STARTED.test(error.body?.message ?? '');
        if (!(follow && waiting)) {
          throw this.planeError(error, runName, wf, {
            what: `read the log of container '${container}' of pod '${pod}' (step '${task}')`,
            gone: `The pod '${pod}' of step '${task}' of build '${runName}' is gone from namespace '${wf.namespace}' on the workflow plane (Argo deletes pods after the workflow's TTL); its logs are no longer available`,
          });
        }
        await pause(this.pollIntervalMs, signal);
      }
    }
  }

  private async listPods(
    runName: string,
    wf: RunReference,
    signal: AbortSignal,
  ): Promise<ArgoPod[]> {
    try {
      const list = await this.http.request<{ items?: ArgoPod[] }>(
        'GET',
        `/api/v1/namespaces/${encodeURIComponent(wf.namespace)}/pods`,
        undefined,
        {
          query: { labelSelector: `${ARGO_WORKFLOW_LABEL}=${wf.name}` },
          signal,
        },
      );
      return list.items ?? [];
    } catch (error) {
      throw this.planeError(error, runName, wf, { what: 'list pods' });
    }
  }

  /** Whether Argo finished the workflow; a deleted workflow counts as finished. */
  private async workflowFinished(
    runName: string,
    wf: RunReference,
    signal: AbortSignal,
  ): Promise<boolean> {
    try {
      const workflow = await this.http.request<{ status?: { phase?: string } }>(
        'GET',
        `/apis/argoproj.io/v1alpha1/namespaces/${encodeURIComponent(
          wf.namespace,
        )}/workflows/${encodeURIComponent(wf.name)}`,
        undefined,
        { signal },
      );
      return FINISHED_PHASES.has(workflow.status?.phase ?? '');
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return true;
      throw this.planeError(error, runName, wf, {
        what: `read Argo workflow '${wf.name}'`,
      });
    }
  }

  private noPods(
    runName: string,
    wf: RunReference,
    task: string | undefined,
    all: TaskPod[],
  ): Error {
    const where = `namespace '${wf.namespace}' on the workflow plane`;
    if (task && all.length > 0) {
      return new NotFoundError(
        `Build '${runName}' has no pod for step '${task}' in ${where}; it has pods for steps ${[
          ...new Set(all.map(p => `'${p.task}'`)),
        ].join(', ')}`,
      );
    }
    return new NotFoundError(
      `${
        task
          ? `Build '${runName}' has no pod for step '${task}'`
          : `Build '${runName}' has no pods`
      } (Argo workflow '${
        wf.name
      }') in ${where}; Argo deletes them after the workflow's TTL, so its logs are no longer available`,
    );
  }

  private planeError(
    error: unknown,
    runName: string,
    wf: RunReference,
    context: { what: string; gone?: string },
  ): unknown {
    if (!(error instanceof KubeApiError)) return error;
    if (error.status === 0) {
      return new ServiceUnavailableError(
        `Cannot reach the workflow plane to read the logs of build '${runName}': ${error.message}. Check choreo.workflowPlane`,
      );
    }
    if (error.status === 401 || error.status === 403) {
      return new NotAllowedError(
        `The workflow plane refused to ${context.what} in namespace '${wf.namespace}' for build '${runName}' (HTTP ${error.status}: ${error.body?.message}); the backend's workflow-plane identity needs ${BUILD_LOG_RIGHTS} there (deploy/kubernetes/rbac/workflow-plane-build-logs.yaml)`,
      );
    }
    if (error.status === 404 && context.gone) {
      return new NotFoundError(context.gone);
    }
    return error;
  }
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
