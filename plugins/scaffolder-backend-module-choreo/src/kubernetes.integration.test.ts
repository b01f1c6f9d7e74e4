import {
  KubeTestEnv,
  createObject,
  getObject,
  minimalOpenChoreoPlatform,
  startKubeTestEnv,
} from '@internal/kube-testenv';
import {
  ActionHarness,
  CheckpointState,
  startActionHarness,
} from './__testUtils__/actionHarness';
import { eventually } from './__testUtils__/choreoBackend';
import {
  createComponentCreateAction,
  createDependencyAddAction,
  createEnvironmentCreateAction,
  createPipelineCreateAction,
  createProjectCreateAction,
} from './actions';

// Real etcd + kube-apiserver with the OpenChoreo v1.2.3 CRDs (schemas and CEL
// rules): the same actions, through the backend's Kubernetes writer.
jest.setTimeout(240_000);

interface Obj {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Record<string, any>;
}

describe('create actions against a real API server (server-side apply)', () => {
  let env: KubeTestEnv;
  let harness: ActionHarness;

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    for (const object of minimalOpenChoreoPlatform()) {
      await createObject(env, object);
    }
    harness = await startActionHarness({
      config: {
        sources: [
          {
            type: 'kubernetes',
            name: 'cluster',
            kubeconfig: env.kubeconfigPath,
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await harness?.stop();
    await env?.stop();
  });

  const get = (kind: string, name: string) =>
    getObject<Obj>(env, {
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind,
      metadata: { name, namespace: 'acme' },
    });

  /**
   * Runs an action once the store has seen what it depends on: a dry run is
   * retried until the backend accepts it, then the real run writes.
   */
  const runWhenReady = async (
    action: Parameters<ActionHarness['run']>[0],
    input: Record<string, unknown>,
    checkpoints?: CheckpointState,
  ) => {
    await eventually(
      () => harness.run(action, input, { dryRun: true }),
      30_000,
    );
    return harness.run(action, input, { checkpoints });
  };

  it('creates an environment, a pipeline and a project the CRDs accept', async () => {
    await runWhenReady(createEnvironmentCreateAction(harness.deps), {
      namespace: 'acme',
      name: 'staging',
      displayName: 'Staging',
      dataPlane: 'default',
      dataPlaneKind: 'ClusterDataPlane',
    });
    expect((await get('Environment', 'staging'))?.spec).toEqual({
      dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
      isProduction: false,
    });

    await runWhenReady(createPipelineCreateAction(harness.deps), {
      namespace: 'acme',
      name: 'three-stage',
      environments: ['development', 'resource:acme/staging', 'production'],
    });
    expect(
      (await get('DeploymentPipeline', 'three-stage'))?.spec.promotionPaths,
    ).toEqual([
      {
        sourceEnvironmentRef: expect.objectContaining({ name: 'development' }),
        targetEnvironmentRefs: [expect.objectContaining({ name: 'staging' })],
      },
      {
        sourceEnvironmentRef: expect.objectContaining({ name: 'staging' }),
        targetEnvironmentRefs: [
          expect.objectContaining({ name: 'production' }),
        ],
      },
    ]);

    const project = await runWhenReady(
      createProjectCreateAction(harness.deps),
      {
        namespace: 'acme',
        name: 'orders',
        description: 'Order handling',
        deploymentPipeline: 'resource:acme/three-stage-pipeline',
      },
    );
    expect(project.outputs.entityRef).toBe('system:acme/orders');
    expect((await get('Project', 'orders'))?.spec).toMatchObject({
      deploymentPipelineRef: { name: 'three-stage' },
    });
  });

  it('creates a component from an image with its Workload once, and connects another component to it', async () => {
    const input = {
      project: 'system:acme/shop',
      name: 'checkout',
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
      },
      image: 'registry.example.com/shop/checkout:1.0.0',
      endpoints: [
        { name: 'api', type: 'HTTP', port: 9090, visibility: ['namespace'] },
      ],
      dependencies: [{ component: 'api', name: 'http', visibility: 'project' }],
    };
    const checkpoints: CheckpointState = new Map();
    const first = await runWhenReady(
      createComponentCreateAction(harness.deps),
      input,
      checkpoints,
    );
    await harness.run(createComponentCreateAction(harness.deps), input, {
      checkpoints,
    });
    expect(first.outputs.resources).toEqual([
      expect.objectContaining({
        kind: 'Component',
        name: 'checkout',
        action: 'created',
      }),
      expect.objectContaining({ kind: 'Workload', action: 'created' }),
    ]);
    const workload = await get('Workload', 'checkout-workload');
    expect(workload?.spec).toMatchObject({
      owner: { projectName: 'shop', componentName: 'checkout' },
      container: { image: 'registry.example.com/shop/checkout:1.0.0' },
      endpoints: {
        api: { type: 'HTTP', port: 9090, visibility: ['namespace'] },
      },
      dependencies: {
        endpoints: [
          expect.objectContaining({ component: 'api', name: 'http' }),
        ],
      },
    });

    const connect = await runWhenReady(
      createDependencyAddAction(harness.deps),
      {
        component: 'component:acme/api',
        targetComponent: 'checkout',
        endpoint: 'api',
        envBindings: { address: 'CHECKOUT_URL' },
      },
    );
    expect(connect.outputs.visibility).toBe('project');
    expect((await get('Workload', 'api-workload'))?.spec.dependencies).toEqual({
      endpoints: [
        {
          component: 'checkout',
          name: 'api',
          visibility: 'project',
          envBindings: { address: 'CHECKOUT_URL' },
        },
      ],
    });
  });
});
