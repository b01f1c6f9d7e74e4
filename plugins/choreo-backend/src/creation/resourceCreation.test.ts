import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  ChoreoWriter,
  DefaultChoreoStoreService,
  choreoStoreServiceRef,
  parseManifests,
} from '@choreo-for-backstage/plugin-choreo-node';
import request from 'supertest';
import {
  TEST_DATABASE_IDS,
  startChoreoBackend,
} from '../__testUtils__/choreoTestBackend';
import { grantsPolicy } from '../__testUtils__/testPolicies';
import {
  copySampleOrganization,
  eventually,
} from '../__testUtils__/sampleOrganization';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const MALLORY = 'user:default/mallory';
const as = (user: string) => mockCredentials.user.header(user);

/** Alice may do anything; Mallory may only read. */
const policy = grantsPolicy(
  { [MALLORY]: permission => permission === 'choreo.component.read' },
  () => true,
);

/**
 * Test double: a writer that rejects every Workload, as a cluster would an
 * invalid one, and passes everything else to the real writer.
 */
class WorkloadRejectingWriter implements ChoreoWriter {
  constructor(private readonly real: ChoreoWriter) {}
  get reach() {
    return this.real.reach;
  }
  apply: ChoreoWriter['apply'] = async (resource, context) => {
    if (resource.kind === 'Workload') {
      throw new InputError(
        `Workload ${resource.metadata.name} is invalid: spec.endpoints.api.port: must be at most 65535`,
      );
    }
    return this.real.apply(resource, context);
  };
  delete: ChoreoWriter['delete'] = (key, context) =>
    this.real.delete(key, context);
}

/** The configured store, with the test double in front of its writers. */
const workloadRejectingStore = createServiceFactory({
  service: choreoStoreServiceRef,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.rootLogger,
    lifecycle: coreServices.rootLifecycle,
  },
  factory({ config, logger, lifecycle }) {
    const store = DefaultChoreoStoreService.fromConfig({ config, logger });
    lifecycle.addShutdownHook(() => store.stop());
    return new Proxy(store, {
      get(target, property) {
        if (property === 'writerFor') {
          return (namespace: string) =>
            new WorkloadRejectingWriter(target.writerFor(namespace));
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  },
});

const fraudCheck = {
  project: 'payments',
  name: 'fraud-check',
  displayName: 'Fraud check',
  owner: 'group:default/payments-team',
  componentType: { kind: 'ClusterComponentType', name: 'deployment/service' },
  source: { image: 'registry.acme.example/payments/fraud-check:1.0.0' },
  endpoints: [
    { name: 'api', type: 'HTTP', port: 8080, visibility: ['namespace'] },
  ],
  dependencies: [
    {
      component: 'ledger-service',
      name: 'grpc',
      visibility: 'project',
      envBindings: { address: 'LEDGER_ADDR' },
    },
  ],
};

const databases = TestDatabases.create({ ids: TEST_DATABASE_IDS });

describe.each(databases.eachSupportedId())('creating resources on %s', id => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;

  const start = async (features: BackendFeature[] = []) => {
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      knex: await databases.init(id),
      policy,
      features,
    });
  };

  beforeEach(async () => {
    sample = await copySampleOrganization();
  });

  afterEach(async () => {
    await backend?.stop();
    await sample.cleanup();
  });

  const post = (url: string, body: unknown, user = ALICE) =>
    request(backend.server)
      .post(`/api/choreo${url}`)
      .set('Authorization', as(user))
      .send(body as object);
  const commits = () => Number(sample.git('rev-list', '--count', 'HEAD'));
  const lastCommit = () => sample.git('log', '-1', '--format=%an%n%B');
  const manifestsIn = async (file: string) => {
    const text = await fs.readFile(path.join(sample.dir, file), 'utf8');
    // the tests read fields of several kinds
    return parseManifests(text, file).resources.map(
      r => r.resource as { kind: string; spec: Record<string, any> },
    );
  };
  const exists = (file: string) =>
    fs.access(path.join(sample.dir, file)).then(
      () => true,
      () => false,
    );
  const auditOf = async (target: string) =>
    (
      await request(backend.server)
        .get('/api/choreo/audit')
        .query({ target })
        .set('Authorization', as(ALICE))
        .expect(200)
    ).body.items;

  it('creates a project with one binding per pipeline environment, as commits by the caller; a retry is unchanged', async () => {
    await start();
    const body = {
      name: 'marketing',
      displayName: 'Marketing',
      description: 'Campaigns and newsletters',
      owner: 'group:default/marketing',
    };
    const before = commits();
    const res = await post('/namespaces/acme/projects', body).expect(201);
    expect(res.body).toMatchObject({
      result: 'applied',
      resources: [
        { kind: 'Project', name: 'marketing', action: 'created' },
        { kind: 'ProjectReleaseBinding', name: 'marketing-development' },
        { kind: 'ProjectReleaseBinding', name: 'marketing-staging' },
        { kind: 'ProjectReleaseBinding', name: 'marketing-production' },
      ],
      warnings: [],
    });
    expect(res.body.commit).toMatch(/^[0-9a-f]{7,}$/);
    expect(commits()).toBe(before + 4);
    expect(lastCommit()).toContain(ALICE);

    const [project] = await manifestsIn(
      'acme/projects/marketing/project-marketing.yaml',
    );
    expect(project).toMatchObject({
      kind: 'Project',
      metadata: {
        name: 'marketing',
        namespace: 'acme',
        annotations: {
          'openchoreo.dev/display-name': 'Marketing',
          'openchoreo.dev/description': 'Campaigns and newsletters',
          'backstage.io/owner': 'group:default/marketing',
        },
      },
      spec: {
        deploymentPipelineRef: { name: 'default' },
        type: { kind: 'ClusterProjectType', name: 'default' },
      },
    });
    const [binding] = await manifestsIn(
      'acme/projects/marketing/projectreleasebinding-marketing-production.yaml',
    );
    expect(binding.spec).toEqual({
      owner: { projectName: 'marketing' },
      environment: 'production',
    });

    const [row] = await auditOf('system:acme/marketing');
    expect(row).toMatchObject({
      actor: ALICE,
      action: 'project.create',
      result: 'ok',
    });

    const again = await post('/namespaces/acme/projects', body).expect(200);
    expect(again.body.resources.map((r: any) => r.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(commits()).toBe(before + 4);
  });

  it('creates a component from an image as Component plus Workload, then adds a dependency to it', async () => {
    await start();
    const res = await post('/namespaces/acme/components', fraudCheck).expect(
      201,
    );
    expect(res.body.resources).toEqual([
      {
        kind: 'Component',
        namespace: 'acme',
        name: 'fraud-check',
        action: 'created',
      },
      {
        kind: 'Workload',
        namespace: 'acme',
        name: 'fraud-check-workload',
        action: 'created',
      },
    ]);
    const dir = 'acme/projects/payments/components/fraud-check';
    const [workload] = await manifestsIn(
      `${dir}/workload-fraud-check-workload.yaml`,
    );
    expect(workload.spec).toEqual({
      owner: { projectName: 'payments', componentName: 'fraud-check' },
      container: { image: 'registry.acme.example/payments/fraud-check:1.0.0' },
      endpoints: {
        api: { type: 'HTTP', port: 8080, visibility: ['namespace'] },
      },
      dependencies: {
        endpoints: [
          {
            component: 'ledger-service',
            name: 'grpc',
            visibility: 'project',
            envBindings: { address: 'LEDGER_ADDR' },
          },
        ],
      },
    });
    const [component] = await manifestsIn(`${dir}/component-fraud-check.yaml`);
    expect(component.spec).toEqual({
      owner: { projectName: 'payments' },
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
      },
    });

    // the store sees the new Workload through the directory watcher
    const dependency = {
      project: 'logistics',
      component: 'shipping-api',
      name: 'api',
      visibility: 'namespace',
      envBindings: { address: 'SHIPPING_API_URL' },
    };
    const url = '/components/acme/fraud-check/dependencies';
    await eventually(() => post(`${url}?dryRun=true`, dependency).expect(200));
    const added = await post(url, dependency).expect(200);
    expect(added.body.resources).toEqual([
      {
        kind: 'Workload',
        namespace: 'acme',
        name: 'fraud-check-workload',
        action: 'updated',
      },
    ]);
    expect(lastCommit()).toContain(ALICE);
    const [updated] = await manifestsIn(
      `${dir}/workload-fraud-check-workload.yaml`,
    );
    expect(updated.spec.container.image).toBe(
      'registry.acme.example/payments/fraud-check:1.0.0',
    );
    expect(
      updated.spec.dependencies.endpoints.map((d: any) => d.component),
    ).toEqual(['ledger-service', 'shipping-api']);
    await eventually(async () => {
      const retry = await post(url, dependency).expect(200);
      expect(retry.body.resources[0].action).toBe('unchanged');
    });
  });

  it('creates a component from source with the repository where the workflow keeps it, and no Workload', async () => {
    await start();
    const res = await post('/namespaces/acme/components', {
      project: 'payments',
      name: 'refunds',
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
      },
      autoDeploy: true,
      source: {
        repository: {
          url: 'https://github.com/acme-sample/refunds',
          branch: 'main',
          appPath: '/service',
        },
        workflow: { name: 'dockerfile-builder' },
      },
    }).expect(201);
    expect(res.body.resources).toEqual([
      expect.objectContaining({ kind: 'Component', action: 'created' }),
    ]);
    expect(res.body.warnings[0]).toMatch(/no Workload until its first build/);
    const [component] = await manifestsIn(
      'acme/projects/payments/components/refunds/component-refunds.yaml',
    );
    expect(component.spec).toMatchObject({
      autoDeploy: true,
      workflow: {
        kind: 'ClusterWorkflow',
        name: 'dockerfile-builder',
        parameters: {
          repository: {
            url: 'https://github.com/acme-sample/refunds',
            revision: { branch: 'main' },
            appPath: '/service',
          },
        },
      },
    });
  });

  it('creates an environment and a pipeline through it', async () => {
    await start();
    await post('/namespaces/acme/environments', {
      name: 'qa',
      displayName: 'QA',
      dataPlaneRef: { kind: 'DataPlane', name: 'default' },
    }).expect(201);
    expect(lastCommit()).toContain(ALICE);
    const [environment] = await manifestsIn(
      'acme/platform/environment-qa.yaml',
    );
    expect(environment.spec).toEqual({
      dataPlaneRef: { kind: 'DataPlane', name: 'default' },
      isProduction: false,
    });

    const pipeline = {
      name: 'with-qa',
      promotionPaths: [
        { sourceEnvironment: 'development', targets: ['qa'] },
        { sourceEnvironment: 'qa', targets: ['production'] },
      ],
    };
    await eventually(() =>
      post('/namespaces/acme/pipelines?dryRun=true', pipeline).expect(200),
    );
    await post('/namespaces/acme/pipelines', pipeline).expect(201);
    const [written] = await manifestsIn(
      'acme/platform/deploymentpipeline-with-qa.yaml',
    );
    expect(written.spec.promotionPaths).toEqual([
      {
        sourceEnvironmentRef: { name: 'development' },
        targetEnvironmentRefs: [{ name: 'qa' }],
      },
      {
        sourceEnvironmentRef: { name: 'qa' },
        targetEnvironmentRefs: [{ name: 'production' }],
      },
    ]);
  });

  it('answers a dry run with the manifests and writes nothing, not even an audit row', async () => {
    await start();
    const before = commits();
    const res = await post(
      '/namespaces/acme/components?dryRun=true',
      fraudCheck,
    ).expect(200);
    expect(res.body.result).toBe('dry-run');
    expect(res.body.resources.map((r: any) => r.action)).toEqual([
      'created',
      'created',
    ]);
    expect(res.body.manifests.map((m: any) => m.kind)).toEqual([
      'Component',
      'Workload',
    ]);
    expect(commits()).toBe(before);
    expect(await exists('acme/projects/payments/components/fraud-check')).toBe(
      false,
    );
    expect(sample.git('status', '--porcelain')).toBe('');
    expect(await auditOf('component:acme/fraud-check')).toEqual([]);
  });

  it('creates neither Component nor Workload when the Workload write fails, and says why', async () => {
    await start([workloadRejectingStore]);
    const res = await post('/namespaces/acme/components', fraudCheck).expect(
      400,
    );
    expect(res.body.error.message).toBe(
      'Could not create component fraud-check in acme/payments: writing Workload acme/fraud-check-workload failed: Workload fraud-check-workload is invalid: spec.endpoints.api.port: must be at most 65535; Component acme/fraud-check, created just before, was deleted again, so nothing was created',
    );
    expect(await exists('acme/projects/payments/components/fraud-check')).toBe(
      false,
    );
    expect(sample.git('status', '--porcelain')).toBe('');
    const [row] = await auditOf('component:acme/fraud-check');
    expect(row).toMatchObject({ result: 'error', actor: ALICE });
  });

  it('refuses to overwrite a different existing resource and says what differs', async () => {
    await start();
    const res = await post('/namespaces/acme/projects', {
      name: 'payments',
      displayName: 'Payments v2',
    }).expect(409);
    expect(res.body.error.message).toBe(
      'Project acme/payments already exists and differs from the request (metadata.annotations.openchoreo.dev/display-name is "Payments", the request says "Payments v2"); it is not overwritten: choose another name, or change the existing one in place',
    );
  });

  it('answers 403 naming the missing permission, and records the refusal', async () => {
    await start();
    const project = await post(
      '/namespaces/acme/projects',
      { name: 'sneaky' },
      MALLORY,
    ).expect(403);
    expect(project.body.error.message).toBe(
      `You may not create project sneaky in acme: the permission policy denies 'choreo.project.create' on choreo:ns/acme for ${MALLORY} (an OpenChoreo role granting 'project:create' there would allow it)`,
    );
    const component = await post(
      '/namespaces/acme/components',
      fraudCheck,
      MALLORY,
    ).expect(403);
    expect(component.body.error.message).toContain(
      "'choreo.component.create' on choreo:ns/acme/project/payments?componentType=deployment%2Fservice",
    );
    await post(
      '/namespaces/acme/environments',
      { name: 'x', dataPlaneRef: { kind: 'DataPlane', name: 'default' } },
      MALLORY,
    ).expect(403, /choreo\.environment\.create.*'environment:create'/);
    await post(
      '/components/acme/checkout-api/dependencies',
      { component: 'ledger-service', name: 'grpc', visibility: 'project' },
      MALLORY,
    ).expect(
      403,
      /'choreo\.workload\.update' on choreo:ns\/acme\/project\/payments\/component\/checkout-api/,
    );
    const [row] = await auditOf('system:acme/sneaky');
    expect(row).toMatchObject({ actor: MALLORY, result: 'refused' });
  });

  it('answers 400 naming the field for bad names and impossible references', async () => {
    await start();
    const badName = await post('/namespaces/acme/projects', {
      name: 'Shop_EU',
    }).expect(400);
    expect(badName.body.error.message).toMatch(
      /^Invalid request body: name: 'Shop_EU' is not a valid Kubernetes name \(it has upper-case letters; it contains '_'\).*e\.g\. 'shop-eu'/,
    );
    const badEndpoint = await post('/namespaces/acme/components', {
      ...fraudCheck,
      endpoints: [{ name: 'api', type: 'HTTP', port: 70000 }],
    }).expect(400);
    expect(badEndpoint.body.error.message).toMatch(/endpoints\.0\.port/);

    const crossProject = await post('/namespaces/acme/components', {
      ...fraudCheck,
      dependencies: [
        {
          project: 'logistics',
          component: 'shipping-api',
          name: 'api',
          visibility: 'project',
        },
      ],
    }).expect(400);
    expect(crossProject.body.error.message).toBe(
      "dependencies.0.visibility: a 'project' dependency stays inside project 'payments'; use visibility 'namespace' to reach logistics/shipping-api/api",
    );
    const notOffered = await post(
      '/components/acme/checkout-api/dependencies',
      {
        project: 'logistics',
        component: 'warehouse-service',
        name: 'grpc',
        visibility: 'namespace',
      },
    ).expect(400);
    expect(notOffered.body.error.message).toBe(
      "dependency.visibility: endpoint 'grpc' of logistics/warehouse-service is not offered with visibility 'namespace'; it offers 'project'",
    );
    const noProject = await post('/namespaces/acme/components', {
      ...fraudCheck,
      project: 'marketing',
    }).expect(400);
    expect(noProject.body.error.message).toBe(
      "project: project 'marketing' does not exist in namespace 'acme'; use one of 'logistics', 'payments', 'storefront'",
    );
    await post('/namespaces/acme/components', {
      ...fraudCheck,
      componentType: { kind: 'ClusterComponentType', name: 'service' },
    }).expect(400, /componentType\.name: 'service' must be/);
    await post('/namespaces/nowhere/projects', { name: 'x' }).expect(
      404,
      /Namespace 'nowhere'/,
    );
  });
});
