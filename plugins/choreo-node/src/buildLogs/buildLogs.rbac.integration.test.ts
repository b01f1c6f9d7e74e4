import { NotAllowedError } from '@backstage/errors';
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
import {
  createAllOf,
  rulesWithout,
  shippedObject,
  shippedRbac,
  untilAccess,
} from '../sources/kubernetes/__testUtils__/shippedRbac';
import { KubeletLogsTestDouble } from './__testUtils__/KubeletLogsTestDouble';
import {
  WORKFLOW_NODE,
  startWorkflowPlaneCluster,
} from './__testUtils__/workflowPlaneCluster';
import { KubernetesBuildLogSource } from './KubernetesBuildLogSource';
import { BuildLogLine } from './types';

// deploy/kubernetes/rbac/workflow-plane-build-logs.yaml applied as it is to a
// real kube-apiserver with RBAC on; the build log source reads as the
// ServiceAccount it binds. Only the kubelet behind pods/log is a test double.
jest.setTimeout(180_000);

const FILE = 'workflow-plane-build-logs.yaml';
const role = shippedObject(FILE, 'Role');
const NS = role.metadata.namespace!;
const account = shippedObject('service-account.yaml', 'ServiceAccount');
const NODE = WORKFLOW_NODE;
const WF = 'api-build-1';
const logAccess = {
  verb: 'get',
  resource: 'pods',
  subresource: 'log',
  namespace: NS,
};

const run: WorkflowRun = {
  apiVersion: CHOREO_API_VERSION,
  kind: 'WorkflowRun',
  metadata: { name: WF, namespace: 'default' },
  spec: { workflow: { kind: 'ClusterWorkflow', name: 'dockerfile-builder' } },
  status: {
    runReference: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      name: WF,
      namespace: NS,
    },
    tasks: [{ name: 'build-step', phase: 'Succeeded' }],
  },
};

async function collect(lines: AsyncIterable<BuildLogLine>) {
  const out: string[] = [];
  for await (const line of lines) out.push(line.text);
  return out;
}

describe('build logs with the shipped workflow-plane Role', () => {
  let env: KubeTestEnv;
  let kubelet: KubeletLogsTestDouble;
  let source: KubernetesBuildLogSource;
  let user: string;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    ({ env, kubelet } = await startWorkflowPlaneCluster());
    for (const name of [account.metadata.namespace!, NS]) {
      await createObject(env, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
    }
    await createAllOf(env, [
      ...shippedRbac('service-account.yaml'),
      ...shippedRbac(FILE),
    ]);
    await createObject(env, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: WF, namespace: NS },
      spec: {},
      status: { phase: 'Succeeded' },
    });
    const pod = `${WF}-build-step-1000`;
    await createObject(env, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: pod,
        namespace: NS,
        labels: { 'workflows.argoproj.io/workflow': WF },
        annotations: {
          'workflows.argoproj.io/node-name': `${WF}[0].build-step`,
        },
      },
      spec: {
        nodeName: NODE,
        containers: [{ name: 'main', image: 'builder:latest' }],
      },
    });
    kubelet.container(NS, pod, 'main', ['Step 1/2', 'Step 2/2']);

    const backend = await env.serviceAccount(
      account.metadata.namespace!,
      account.metadata.name,
    );
    user = backend.user;
    await untilAccess(env, user, logAccess, true);
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(backend.kubeconfig);
    source = new KubernetesBuildLogSource({ kubeConfig, pollIntervalMs: 50 });
  });

  afterAll(async () => {
    await env?.stop();
    await kubelet?.stop();
  });

  it('reads and follows a build as the bound ServiceAccount', async () => {
    expect(await collect(source.read({ run, follow: false, signal }))).toEqual([
      'Step 1/2',
      'Step 2/2',
    ]);
    // following asks Argo's workflow whether the build finished
    expect(await collect(source.read({ run, follow: true, signal }))).toEqual([
      'Step 1/2',
      'Step 2/2',
    ]);
  });

  it('without get on pods/log, names the missing right', async () => {
    await mergePatchObject(env, role, {
      rules: rulesWithout(role, 'pods/log', 'get'),
    });
    try {
      await untilAccess(env, user, logAccess, false);
      const error = await collect(
        source.read({ run, follow: false, signal }),
      ).catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toContain(
        `User "${user}" cannot get resource "pods/log" in API group "" in the namespace "${NS}"`,
      );
      // the advice is what the shipped Role grants
      expect(error.message).toContain(
        "needs list on pods, get on pods/log and get on argoproj.io's workflows there (deploy/kubernetes/rbac/workflow-plane-build-logs.yaml)",
      );
    } finally {
      await mergePatchObject(env, role, { rules: role.rules });
      await untilAccess(env, user, logAccess, true);
    }
  });
});
