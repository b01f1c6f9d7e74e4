import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import {
  KubeTestEnv,
  createObject,
  mergePatchObject,
} from '@internal/kube-testenv';
import {
  CHOREO_API_VERSION,
  WorkflowRun,
} from '@choreo-for-backstage/plugin-choreo-common';
import { freeClosedPort } from './__testUtils__/closedPort';
import { KubeletLogsTestDouble } from './__testUtils__/KubeletLogsTestDouble';
import {
  WORKFLOW_NODE,
  startWorkflowPlaneCluster,
} from './__testUtils__/workflowPlaneCluster';
import { KubernetesBuildLogSource } from './KubernetesBuildLogSource';
import { BuildLogLine } from './types';

// A real etcd + kube-apiserver proxies pods/log to the kubelet of the pod's
// node; only that kubelet is a test double. Cold starts take tens of seconds.
jest.setTimeout(180_000);

const NS = 'workflows-acme';
const NODE = WORKFLOW_NODE;

function workflowRun(argoName: string, tasks: string[]): WorkflowRun {
  return {
    apiVersion: CHOREO_API_VERSION,
    kind: 'WorkflowRun',
    metadata: { name: `${argoName}-run`, namespace: 'acme' },
    spec: { workflow: { kind: 'ClusterWorkflow', name: 'dockerfile-builder' } },
    status: {
      runReference: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        name: argoName,
        namespace: NS,
      },
      tasks: tasks.map(name => ({ name, phase: 'Succeeded' as const })),
    },
  };
}

function argoPod(workflow: string, index: number, step: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${workflow}-${step}-${1000 + index}`,
      namespace: NS,
      labels: { 'workflows.argoproj.io/workflow': workflow },
      annotations: {
        'workflows.argoproj.io/node-name': `${workflow}[${index}].${step}`,
      },
    },
    spec: {
      nodeName: NODE,
      initContainers: [{ name: 'init', image: 'argoexec:v3.6' }],
      containers: [
        { name: 'wait', image: 'argoexec:v3.6' },
        { name: 'main', image: 'builder:latest' },
      ],
    },
  };
}

function argoWorkflow(name: string, phase: string) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, namespace: NS },
    spec: {},
    status: { phase },
  };
}

async function waitUntil(check: () => boolean) {
  while (!check()) await new Promise(resolve => setTimeout(resolve, 20));
}

async function collect(lines: AsyncIterable<BuildLogLine>) {
  const out: BuildLogLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('KubernetesBuildLogSource through a real API server', () => {
  let env: KubeTestEnv;
  let kubelet: KubeletLogsTestDouble;
  let source: KubernetesBuildLogSource;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    ({ env, kubelet } = await startWorkflowPlaneCluster());
    await createObject(env, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(env.kubeconfig);
    source = new KubernetesBuildLogSource({ kubeConfig, pollIntervalMs: 50 });
  });

  afterAll(async () => {
    await env?.stop();
    await kubelet?.stop();
  });

  /** A finished three-step build; pods created out of step order. */
  async function finishedBuild(wf: string) {
    await createObject(env, argoWorkflow(wf, 'Succeeded'));
    const steps = ['clone-step', 'build-step', 'push-step'];
    for (const i of [2, 0, 1]) {
      const pod = argoPod(wf, i, steps[i]);
      await createObject(env, pod);
      kubelet.container(NS, pod.metadata.name, 'main', [
        `${steps[i]} line 1`,
        `${steps[i]} line 2`,
      ]);
      kubelet.container(NS, pod.metadata.name, 'wait', ['argo executor noise']);
    }
    return workflowRun(wf, steps);
  }

  it('reads the logs of one task, without the wait container', async () => {
    const run = await finishedBuild('one-task');
    const lines = await collect(
      source.read({ run, task: 'build-step', follow: false, signal }),
    );
    expect(lines.map(l => [l.task, l.container, l.text])).toEqual([
      ['build-step', 'main', 'build-step line 1'],
      ['build-step', 'main', 'build-step line 2'],
    ]);
    expect(lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    // the API server leaves out follow=false when it proxies to the kubelet
    expect(kubelet.requests.filter(r => r.includes('one-task'))).toEqual([
      `${NS}/one-task-build-step-1001/main?timestamps=true`,
    ]);
  });

  it('reads a whole run in step order, each line tagged with its task', async () => {
    const run = await finishedBuild('whole-run');
    const lines = await collect(source.read({ run, follow: false, signal }));
    expect(lines.map(l => `${l.task}: ${l.text}`)).toEqual([
      'clone-step: clone-step line 1',
      'clone-step: clone-step line 2',
      'build-step: build-step line 1',
      'build-step: build-step line 2',
      'push-step: push-step line 1',
      'push-step: push-step line 2',
    ]);
    expect(kubelet.requests.some(r => r.includes('/wait?'))).toBe(false);
  });

  it('follows a running build as the kubelet writes, until Argo finishes it', async () => {
    const wf = 'live-run';
    await createObject(env, argoWorkflow(wf, 'Running'));
    const clone = argoPod(wf, 0, 'clone-step');
    await createObject(env, clone);
    kubelet.container(NS, clone.metadata.name, 'main', ['cloned']);
    const build = argoPod(wf, 1, 'build-step');
    await createObject(env, build);
    const live = kubelet.container(
      NS,
      build.metadata.name,
      'main',
      ['Step 1/2'],
      { live: true },
    );

    const run = workflowRun(wf, ['clone-step', 'build-step']);
    const lines = source
      .read({ run, follow: true, signal })
      [Symbol.asyncIterator]();
    const next = async () => (await lines.next()).value?.text;
    expect(await next()).toBe('cloned');
    expect(await next()).toBe('Step 1/2');

    // the next line exists only once the "kubelet" writes it
    const pending = next();
    live.write('Step 2/2');
    expect(await pending).toBe('Step 2/2');

    live.end();
    await mergePatchObject(env, argoWorkflow(wf, 'Succeeded'), {
      status: { phase: 'Succeeded' },
    });
    expect(await lines.next()).toEqual({ done: true, value: undefined });
    expect(
      kubelet.requests.filter(r =>
        r.startsWith(`${NS}/${build.metadata.name}`),
      ),
    ).toEqual([
      `${NS}/${build.metadata.name}/main?follow=true&timestamps=true`,
    ]);
  });

  it('waits for the container of a followed task to start', async () => {
    const wf = 'starting';
    await createObject(env, argoWorkflow(wf, 'Running'));
    const build = argoPod(wf, 0, 'build-step');
    await createObject(env, build);
    const log = kubelet.container(NS, build.metadata.name, 'main', ['first'], {
      started: false,
    });
    const run = workflowRun(wf, ['build-step']);
    const reading = collect(
      source.read({ run, task: 'build-step', follow: true, signal }),
    );
    await waitUntil(() =>
      kubelet.requests.some(r => r.startsWith(`${NS}/${build.metadata.name}`)),
    );
    log.start();
    expect((await reading).map(l => l.text)).toEqual(['first']);
  });

  it('names the run and the task when the pod is missing', async () => {
    const run = await finishedBuild('missing-pod');
    const reading = collect(
      source.read({ run, task: 'deploy-step', follow: false, signal }),
    );
    await expect(reading).rejects.toThrow(NotFoundError);
    await expect(reading).rejects.toThrow(
      "Build 'missing-pod-run' has no pod for step 'deploy-step'",
    );
  });

  it('says the logs are gone when the pods were deleted after the TTL', async () => {
    const run = workflowRun('expired', ['clone-step']);
    await expect(
      collect(source.read({ run, follow: false, signal })),
    ).rejects.toThrow(
      /Build 'expired-run' has no pods .* namespace 'workflows-acme' .*TTL/,
    );
  });

  it('says so when the workflow plane cannot be reached', async () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromClusterAndUser(
      {
        name: 'gone',
        server: `https://127.0.0.1:${await freeClosedPort()}`,
        skipTLSVerify: false,
      },
      { name: 'gone', token: 'x' },
    );
    const unreachable = new KubernetesBuildLogSource({ kubeConfig });
    const run = workflowRun('anything', ['clone-step']);
    const reading = collect(unreachable.read({ run, follow: false, signal }));
    await expect(reading).rejects.toThrow(ServiceUnavailableError);
    await expect(reading).rejects.toThrow(
      /Cannot reach the workflow plane .* build 'anything-run'/,
    );
  });
});
