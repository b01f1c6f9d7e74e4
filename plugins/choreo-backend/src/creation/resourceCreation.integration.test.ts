import { mockCredentials } from '@backstage/backend-test-utils';
// The harness is a workspace package hoisted to the root node_modules; it is
// not declared in this package's devDependencies yet (see the lead's notes).
import {
  KubeTestEnv,
  createObject,
  getObject,
  minimalOpenChoreoPlatform,
  startKubeTestEnv,
} from '@internal/kube-testenv';
import request from 'supertest';
import { startChoreoBackendOnCluster } from '../__testUtils__/choreoTestBackend';
import { eventually } from '../__testUtils__/sampleOrganization';

// Real etcd + kube-apiserver with the OpenChoreo v1.2.3 CRDs (schemas and CEL rules).
jest.setTimeout(240_000);

const ALICE = 'user:default/alice';

interface Obj {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Record<string, any>;
}

describe('creating resources against a real API server', () => {
  let env: KubeTestEnv;
  let backend: Awaited<ReturnType<typeof startChoreoBackendOnCluster>>;

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    for (const object of minimalOpenChoreoPlatform()) {
      await createObject(env, object);
    }
    backend = await startChoreoBackendOnCluster(env);
  });

  afterAll(async () => {
    await backend?.stop();
    await env?.stop();
  });

  const post = (url: string, body: unknown) =>
    request(backend.server)
      .post(`/api/choreo${url}`)
      .set('Authorization', mockCredentials.user.header(ALICE))
      .send(body as object);
  const get = (kind: string, name: string) =>
    getObject<Obj>(env, {
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind,
      metadata: { name, namespace: 'acme' },
    });

  it('creates an environment and a pipeline through it, which the CRDs accept', async () => {
    await eventually(() =>
      post('/namespaces/acme/environments?dryRun=true', {
        name: 'staging',
        dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
      }).expect(200),
    );
    await post('/namespaces/acme/environments', {
      name: 'staging',
      displayName: 'Staging',
      dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
    }).expect(201);
    const staging = await get('Environment', 'staging');
    expect(staging?.spec.dataPlaneRef).toEqual({
      kind: 'ClusterDataPlane',
      name: 'default',
    });
    expect(staging?.metadata.annotations).toEqual({
      'openchoreo.dev/display-name': 'Staging',
    });

    const pipeline = {
      name: 'three-stage',
      promotionPaths: [
        { sourceEnvironment: 'development', targets: ['staging'] },
        { sourceEnvironment: 'staging', targets: ['production'] },
      ],
    };
    await eventually(() =>
      post('/namespaces/acme/pipelines?dryRun=true', pipeline).expect(200),
    );
    await post('/namespaces/acme/pipelines', pipeline).expect(201);
    expect(
      (await get('DeploymentPipeline', 'three-stage'))?.spec.promotionPaths,
    ).toHaveLength(2);
  });

  it('creates a project with a binding per environment, and a component from an image with its Workload', async () => {
    await eventually(() =>
      post('/namespaces/acme/projects?dryRun=true', {
        name: 'orders',
        deploymentPipeline: 'three-stage',
      }).expect(200),
    );
    const project = await post('/namespaces/acme/projects', {
      name: 'orders',
      description: 'Order handling',
      owner: 'group:default/orders-team',
      deploymentPipeline: 'three-stage',
    }).expect(201);
    expect(project.body.resources.map((r: any) => r.name)).toEqual([
      'orders',
      'orders-development',
      'orders-staging',
      'orders-production',
    ]);
    expect((await get('Project', 'orders'))?.spec).toEqual({
      deploymentPipelineRef: {
        kind: 'DeploymentPipeline',
        name: 'three-stage',
      },
      type: { kind: 'ClusterProjectType', name: 'default' },
    });
    expect(
      (await get('ProjectReleaseBinding', 'orders-staging'))?.spec,
    ).toEqual({
      owner: { projectName: 'orders' },
      environment: 'staging',
    });

    const component = {
      project: 'shop',
      name: 'checkout',
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
      },
      autoDeploy: false,
      source: { image: 'registry.example.com/shop/checkout:1.0.0' },
      endpoints: [
        {
          name: 'api',
          type: 'HTTP',
          port: 8080,
          visibility: ['namespace', 'external'],
          basePath: '/checkout',
        },
      ],
      dependencies: [
        {
          component: 'api',
          name: 'http',
          visibility: 'project',
          envBindings: { address: 'SHOP_API_URL' },
        },
      ],
    };
    await post('/namespaces/acme/components', component).expect(201);
    expect((await get('Component', 'checkout'))?.spec).toMatchObject({
      owner: { projectName: 'shop' },
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
      },
    });
    expect((await get('Workload', 'checkout-workload'))?.spec).toEqual({
      owner: { projectName: 'shop', componentName: 'checkout' },
      container: { image: 'registry.example.com/shop/checkout:1.0.0' },
      endpoints: {
        api: {
          type: 'HTTP',
          port: 8080,
          visibility: ['namespace', 'external'],
          basePath: '/checkout',
        },
      },
      dependencies: {
        endpoints: [
          {
            component: 'api',
            name: 'http',
            visibility: 'project',
            envBindings: { address: 'SHOP_API_URL' },
          },
        ],
      },
    });

    // adding a dependency keeps what the Workload had (server-side apply)
    await post('/namespaces/acme/components', {
      ...component,
      name: 'billing',
      source: { image: 'registry.example.com/shop/billing:1.0.0' },
      endpoints: [],
      dependencies: [],
    }).expect(201);
    const dependency = {
      component: 'checkout',
      name: 'api',
      visibility: 'project',
      envBindings: { address: 'CHECKOUT_URL' },
    };
    const url = '/components/acme/billing/dependencies';
    await eventually(() => post(`${url}?dryRun=true`, dependency).expect(200));
    await post(url, dependency).expect(200);
    const billing = await get('Workload', 'billing-workload');
    expect(billing?.spec.container.image).toBe(
      'registry.example.com/shop/billing:1.0.0',
    );
    expect(billing?.spec.dependencies).toEqual({ endpoints: [dependency] });

    // a retry once the source has seen everything writes nothing
    await eventually(async () => {
      const retry = await post('/namespaces/acme/components', component).expect(
        200,
      );
      expect(retry.body.resources.map((r: any) => r.action)).toEqual([
        'unchanged',
        'unchanged',
      ]);
    });
  });
});
