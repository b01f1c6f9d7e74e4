import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubeObject,
  KubeTestEnv,
  OpenChoreoManager,
  createObject,
  getObject,
  kubeCall,
  mergePatchObject,
  minimalOpenChoreoPlatform,
  objectPath,
  startKubeTestEnv,
  startOpenChoreoManager,
} from '@internal/kube-testenv';
import {
  CHOREO_ANNOTATIONS,
  ComponentDeployments,
  ComponentReleases,
} from '@choreo-for-backstage/plugin-choreo-common';
import request from 'supertest';
import { startChoreoBackendOnCluster } from '../__testUtils__/choreoTestBackend';
import { eventually } from '../__testUtils__/sampleOrganization';

/*
 * Every change the Deploy tab offers, one after another, against a real
 * kube-apiserver with the real OpenChoreo controller reconciling: after each
 * step the ReleaseBinding holds every field the portal set before, and the
 * controller has seen that generation. Then the two ways another manager
 * holds a field: the controller's autoDeploy, and kubectl.
 */

// Real etcd, kube-apiserver and OpenChoreo controller manager. Generous
// timeouts; nothing asserts timing.
jest.setTimeout(600_000);

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const OC = 'openchoreo.dev/v1alpha1';
const NS = 'acme';

interface Binding {
  metadata: {
    name: string;
    generation: number;
    annotations?: Record<string, string>;
    managedFields: Array<{ manager: string; fieldsV1: object }>;
  };
  spec: { releaseName?: string; state?: string; environment: string };
  status?: {
    conditions?: Array<{ type: string; observedGeneration?: number }>;
  };
}

/** The sample's pipeline with a middle stage: development → staging → production. */
function platform(): KubeObject[] {
  const objects = minimalOpenChoreoPlatform({ namespace: NS });
  const staging: KubeObject = {
    apiVersion: OC,
    kind: 'Environment',
    metadata: { name: 'staging', namespace: NS },
    spec: {
      dataPlaneRef: { kind: 'ClusterDataPlane', name: 'default' },
      isProduction: false,
    },
  };
  return objects.flatMap(object => {
    if (object.kind === 'DeploymentPipeline') {
      return [
        staging,
        {
          ...object,
          spec: {
            promotionPaths: [
              {
                sourceEnvironmentRef: { name: 'development' },
                targetEnvironmentRefs: [{ name: 'staging' }],
              },
              {
                sourceEnvironmentRef: { name: 'staging' },
                targetEnvironmentRefs: [{ name: 'production' }],
              },
            ],
          },
        },
      ];
    }
    if (object.kind === 'ProjectReleaseBinding') {
      return ['development', 'staging', 'production'].map(env => ({
        ...object,
        metadata: { ...object.metadata, name: `shop-${env}` },
        spec: { owner: { projectName: 'shop' }, environment: env },
      }));
    }
    return [object];
  });
}

describe('changes to what runs, one after another, with the real controller', () => {
  let env: KubeTestEnv;
  let manager: OpenChoreoManager | undefined;
  let backend: Awaited<ReturnType<typeof startChoreoBackendOnCluster>>;

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    for (const object of platform()) await createObject(env, object);
    manager = await startOpenChoreoManager(env);
    backend = await startChoreoBackendOnCluster(env);
  });

  afterAll(async () => {
    await backend?.stop();
    await manager?.stop();
    await env?.stop();
  });

  const as = (user: string) => ({
    post: (url: string, body: object) =>
      request(backend.server)
        .post(`/api/choreo${url}`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body),
  });
  const change = (path: string, body: object) =>
    as(ALICE).post(`/components/${NS}/api/${path}`, body);

  const bindingRef = (environment: string) => ({
    apiVersion: OC,
    kind: 'ReleaseBinding',
    metadata: { name: `api-${environment}`, namespace: NS },
  });
  const binding = (environment: string) =>
    getObject<Binding>(env, bindingRef(environment));

  const restartedAtOf = (b: Binding) =>
    b.metadata.annotations?.[CHOREO_ANNOTATIONS.restartedAt];

  /** A wait that timed out says what the controller was doing. */
  async function withControllerLog<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n${manager?.recentOutput()}`,
      );
    }
  }

  /** What the portal shows for an environment (the store, via the backend). */
  async function shown(environment: string) {
    const res = await request(backend.server)
      .get(`/api/choreo/components/${NS}/api/deployments`)
      .set('Authorization', mockCredentials.user.header(ALICE));
    return (res.body as ComponentDeployments).environments.find(
      e => e.environment === environment,
    );
  }

  async function releasesOf(): Promise<string[]> {
    const res = await request(backend.server)
      .get(`/api/choreo/components/${NS}/api/releases`)
      .set('Authorization', mockCredentials.user.header(ALICE));
    return (res.body as ComponentReleases).items.map(r => r.name);
  }

  /**
   * Until the binding is `expected`, the controller has reconciled that
   * generation, and the portal shows it (the next change decides on it).
   */
  async function settled(
    environment: string,
    expected: { releaseName: string; state: string; restartedAt?: string },
  ): Promise<Binding> {
    return withControllerLog(
      eventually(async () => {
        const now = await binding(environment);
        expect({
          releaseName: now?.spec.releaseName,
          state: now?.spec.state ?? 'Active',
          restartedAt: restartedAtOf(now!),
        }).toEqual({
          releaseName: expected.releaseName,
          state: expected.state,
          // a step that does not restart keeps the last restart
          restartedAt: expected.restartedAt ?? restartedAtOf(now!),
        });
        const observed = (now?.status?.conditions ?? []).map(
          c => c.observedGeneration,
        );
        // the controller's view: it reconciled this very generation
        expect(observed).toContain(now!.metadata.generation);
        // the portal shows it too: the next change decides on what it shows
        const portal = await shown(environment);
        expect(portal).toMatchObject({
          releaseName: expected.releaseName,
          state: expected.state,
        });
        expect(portal?.restartedAt).toBe(restartedAtOf(now!));
        return now!;
      }, 180_000),
    );
  }

  /** The release autoDeploy put in development, once there is one other than `not`. */
  async function developmentRelease(not?: string): Promise<string> {
    return withControllerLog(
      eventually(async () => {
        const name = (await binding('development'))?.spec.releaseName;
        expect(name).toBeDefined();
        expect(name).not.toBe(not);
        expect((await shown('development'))?.releaseName).toBe(name);
        return name!;
      }, 180_000),
    );
  }

  it('promote, restart, undeploy, redeploy, roll back and promote again keep every field', async () => {
    const r1 = await developmentRelease();

    await change('promote', { from: 'development', to: 'staging' }).expect(200);
    await settled('staging', { releaseName: r1, state: 'Active' });

    // a second release reaches development
    await mergePatchObject(
      env,
      {
        apiVersion: OC,
        kind: 'Workload',
        metadata: { name: 'api-workload', namespace: NS },
      },
      { spec: { container: { image: 'registry.example.com/shop/api:2.0.0' } } },
    );
    const r2 = await developmentRelease(r1);

    await change('restart', { environment: 'staging' }).expect(200);
    const restarted = restartedAtOf(
      await eventually(async () => {
        const b = await binding('staging');
        expect(restartedAtOf(b!)).toBeDefined();
        return b!;
      }),
    )!;
    await settled('staging', {
      releaseName: r1,
      state: 'Active',
      restartedAt: restarted,
    });

    await change('undeploy', { environment: 'staging' }).expect(200);
    await settled('staging', {
      releaseName: r1,
      state: 'Undeploy',
      restartedAt: restarted,
    });

    await change('redeploy', { environment: 'staging' }).expect(200);
    await settled('staging', {
      releaseName: r1,
      state: 'Active',
      restartedAt: restarted,
    });

    await change('promote', { from: 'development', to: 'staging' }).expect(200);
    await settled('staging', {
      releaseName: r2,
      state: 'Active',
      restartedAt: restarted,
    });

    await change('rollback', {
      environment: 'staging',
      releaseName: r1,
    }).expect(200);
    await settled('staging', {
      releaseName: r1,
      state: 'Active',
      restartedAt: restarted,
    });

    await change('promote', { from: 'development', to: 'staging' }).expect(200);
    const last = await settled('staging', {
      releaseName: r2,
      state: 'Active',
      restartedAt: restarted,
    });
    // one manager for everything the portal set
    expect(last.metadata.managedFields.map(f => f.manager)).toContain(
      'choreo-backstage',
    );

    // production waits for a second person, and keeps its fields the same way
    const asked = await change('promote', {
      from: 'staging',
      to: 'production',
    }).expect(202);
    await as(BOB)
      .post(`/change-requests/${asked.body.request.id}/approve`, {})
      .expect(200);
    await settled('production', { releaseName: r2, state: 'Active' });
  });

  it('leaves a field kubectl took to kubectl, and takes it over only when the user confirms', async () => {
    const before = await binding('staging');
    const r2 = before!.spec.releaseName!;
    const r1 = (await releasesOf()).find(name => name !== r2)!;

    // someone rolls staging back with kubectl edit
    await kubeCall(
      env,
      'PATCH',
      `${await objectPath(
        env,
        bindingRef('staging'),
      )}?fieldManager=kubectl-edit`,
      { spec: { releaseName: r1 } },
      { contentType: 'application/merge-patch+json' },
    );
    await settled('staging', { releaseName: r1, state: 'Active' });

    // a restart does not name the release: kubectl's value stays
    await change('restart', { environment: 'staging' }).expect(200);
    await eventually(async () =>
      expect(restartedAtOf((await binding('staging'))!)).not.toBe(
        restartedAtOf(before!),
      ),
    );
    await settled('staging', { releaseName: r1, state: 'Active' });

    // a promotion would take the release from kubectl: the user is asked
    const refused = await change('promote', {
      from: 'development',
      to: 'staging',
    }).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'FieldOwnership',
      owners: [{ field: 'spec.releaseName', manager: 'kubectl-edit' }],
    });
    expect(refused.body.error.message).toBe(
      'Could not change ReleaseBinding acme/api-staging: spec.releaseName is managed by kubectl-edit. Confirm to take it over, or ask kubectl-edit to make the change.',
    );
    expect((await binding('staging'))?.spec.releaseName).toBe(r1);

    await change('promote', {
      from: 'development',
      to: 'staging',
      takeOver: true,
    }).expect(200);
    await settled('staging', { releaseName: r2, state: 'Active' });
  });

  it("names the controller when a rollback in development would take autoDeploy's field", async () => {
    const latest = (await binding('development'))!.spec.releaseName!;
    const older = (await releasesOf()).find(name => name !== latest)!;

    const refused = await change('rollback', {
      environment: 'development',
      releaseName: older,
    }).expect(409);
    expect(refused.body.error.code).toBe('FieldOwnership');
    const owner = refused.body.error.owners[0];
    expect(owner.field).toBe('spec.releaseName');
    // the controller manager's own field manager, whatever its name
    const development = await binding('development');
    const controllers = development!.metadata.managedFields
      .map(f => f.manager)
      .filter(m => m !== 'choreo-backstage');
    expect(controllers).toContain(owner.manager);
    expect(development?.spec.releaseName).toBe(latest);

    // taken over, the controller puts its latest release back (autoDeploy);
    // the portal warned about exactly that
    const taken = await change('rollback', {
      environment: 'development',
      releaseName: older,
      takeOver: true,
    }).expect(200);
    expect(taken.body.warnings.join(' ')).toMatch(/autoDeploy/);
    await developmentRelease();
  });
});
