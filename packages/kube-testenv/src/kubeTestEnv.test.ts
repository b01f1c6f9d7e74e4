import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { locateBinaries } from './binaries';
import { KubeTestEnv, startKubeTestEnv } from './kubeTestEnv';
import { KubeApiError, waitFor } from './kubeRest';
import {
  createObject,
  getObject,
  listObjects,
  mergePatchObject,
} from './objectApi';
import { minimalOpenChoreoPlatform } from './openchoreoFixtures';
import { OpenChoreoManager, startOpenChoreoManager } from './openchoreoManager';

// Starts real processes (etcd, kube-apiserver, the OpenChoreo manager); on a 2-core machine a
// cold start takes tens of seconds, so the timeouts are generous and nothing asserts timing.
jest.setTimeout(180_000);

const OC = 'openchoreo.dev/v1alpha1';
const NS = 'acme';

interface Status<T> {
  metadata: { name: string; resourceVersion: string };
  spec: Record<string, unknown>;
  status?: T;
}
type ComponentStatus = Status<{
  latestRelease?: { name: string; releaseHash: string };
}>;

describe('KubeTestEnv with the real OpenChoreo v1.2.3 CRDs', () => {
  let env: KubeTestEnv;
  let manager: OpenChoreoManager | undefined;

  beforeAll(async () => {
    // Builds whatever binary is missing first (once; a cold build takes many minutes), so that
    // no later test times out while a build blocks the event loop.
    locateBinaries({ openchoreoManager: true });
    env = await startKubeTestEnv({
      crds: 'openchoreo',
      extraCrds: ['argo-workflows', 'cilium-network-policies'],
    });
  }, 45 * 60_000);

  afterAll(async () => {
    await manager?.stop();
    await env?.stop();
  });

  it('serves the core API through a kubeconfig that @kubernetes/client-node accepts', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(env.kubeconfigPath);
    const namespaces = await kc.makeApiClient(CoreV1Api).listNamespace();
    expect(namespaces.items.map(ns => ns.metadata?.name)).toEqual(
      expect.arrayContaining(['default', 'kube-system']),
    );
  });

  it('installs every OpenChoreo CRD and the Argo and Cilium CRDs', async () => {
    const crds = await env.call<{
      items: Array<{ spec: { group: string; names: { kind: string } } }>;
    }>('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
    const kinds = crds.items.map(
      crd => `${crd.spec.names.kind}.${crd.spec.group}`,
    );
    expect(kinds.filter(kind => kind.endsWith('.openchoreo.dev'))).toHaveLength(
      37,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Workflow.argoproj.io',
        'CiliumNetworkPolicy.cilium.io',
      ]),
    );
  });

  it('accepts a minimal valid OpenChoreo platform', async () => {
    for (const obj of minimalOpenChoreoPlatform({ namespace: NS })) {
      await expect(createObject(env, obj)).resolves.toMatchObject({
        kind: obj.kind,
      });
    }
  });

  it('rejects schema-invalid objects and names the offending field', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(env.kubeconfig);
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const badEnvironment = {
      apiVersion: OC,
      kind: 'Environment',
      metadata: { name: 'broken', namespace: NS },
      spec: { dataPlaneRef: { kind: 'Cluster', name: 'default' } },
    };
    const apiError = (await objects
      .create(badEnvironment)
      .catch((error: unknown) => error)) as ApiException<string>;
    expect(apiError).toBeInstanceOf(ApiException);
    expect(apiError.code).toBe(422);
    const status = JSON.parse(apiError.body) as {
      message: string;
      details: { causes: Array<{ field: string; reason: string }> };
    };
    expect(status.message).toMatch(
      /spec\.dataPlaneRef\.kind: Unsupported value: "Cluster"/,
    );
    expect(status.details.causes).toContainEqual({
      field: 'spec.dataPlaneRef.kind',
      reason: 'FieldValueNotSupported',
      message: expect.stringContaining('"ClusterDataPlane"'),
    });

    // A CEL rule of the CRD: the primary resource id must equal the workloadType.
    const badType = {
      apiVersion: OC,
      kind: 'ClusterComponentType',
      metadata: { name: 'broken' },
      spec: {
        workloadType: 'deployment',
        resources: [
          { id: 'other', template: { apiVersion: 'v1', kind: 'ConfigMap' } },
        ],
      },
    };
    const rejection = await createObject(env, badType).catch(
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(KubeApiError);
    expect((rejection as KubeApiError).status).toBe(422);
    expect((rejection as KubeApiError).message).toMatch(
      /spec: Invalid value.*primary resource with id matching workloadType/,
    );
  });

  it('runs the real controller manager: autoDeploy yields a ComponentRelease and a ReleaseBinding', async () => {
    manager = await startOpenChoreoManager(env);
    const componentRef = {
      apiVersion: OC,
      kind: 'Component',
      metadata: { name: 'api', namespace: NS },
    };

    const latest = await waitFor(
      'Component api to report status.latestRelease',
      async () =>
        (
          await getObject<ComponentStatus>(env, componentRef)
        )?.status?.latestRelease,
      { timeoutMs: 120_000 },
    ).catch(error => {
      throw new Error(`${error.message}\n${manager?.recentOutput()}`);
    });
    const release = await getObject<Status<unknown>>(env, {
      apiVersion: OC,
      kind: 'ComponentRelease',
      metadata: { name: latest.name, namespace: NS },
    });
    expect(release?.spec).toMatchObject({
      owner: { projectName: 'shop', componentName: 'api' },
    });

    const binding = await waitFor('ReleaseBinding api-development', () =>
      getObject<Status<unknown>>(env, {
        apiVersion: OC,
        kind: 'ReleaseBinding',
        metadata: { name: 'api-development', namespace: NS },
      }),
    );
    expect(binding.spec).toMatchObject({
      environment: 'development',
      releaseName: latest.name,
    });

    // The project side: Project -> ProjectRelease, pinned once on the ProjectReleaseBinding.
    const prb = await waitFor(
      'ProjectReleaseBinding shop-development to be pinned',
      async () => {
        const current = await getObject<Status<unknown>>(env, {
          apiVersion: OC,
          kind: 'ProjectReleaseBinding',
          metadata: { name: 'shop-development', namespace: NS },
        });
        return current?.spec.projectRelease ? current : undefined;
      },
    );
    const projectReleases = await listObjects<Status<unknown>>(
      env,
      OC,
      'ProjectRelease',
      NS,
    );
    expect(projectReleases.map(r => r.metadata.name)).toContain(
      prb.spec.projectRelease,
    );
  });

  it('restarts kube-apiserver on the same port and data; the manager carries on', async () => {
    await env.restartApiServer();
    const workloadRef = {
      apiVersion: OC,
      kind: 'Workload',
      metadata: { name: 'api-workload', namespace: NS },
    };
    expect(await getObject(env, workloadRef)).toBeDefined();
    expect(existsSync(env.kubeconfigPath)).toBe(true);

    // A new image after the restart must reach a new ComponentRelease through the manager's
    // re-established watches.
    const before = await getObject<ComponentStatus>(env, {
      ...workloadRef,
      kind: 'Component',
      metadata: { name: 'api', namespace: NS },
    });
    await mergePatchObject(env, workloadRef, {
      spec: { container: { image: 'registry.example.com/shop/api:2.0.0' } },
    });
    const after = await waitFor(
      'a new ComponentRelease after the restart',
      async () => {
        const component = await getObject<ComponentStatus>(env, {
          apiVersion: OC,
          kind: 'Component',
          metadata: { name: 'api', namespace: NS },
        });
        const name = component?.status?.latestRelease?.name;
        return name && name !== before?.status?.latestRelease?.name
          ? name
          : undefined;
      },
      { timeoutMs: 120_000 },
    ).catch(error => {
      throw new Error(`${error.message}\n${manager?.recentOutput()}`);
    });
    expect(after).toMatch(/^api-/);
  });
});
