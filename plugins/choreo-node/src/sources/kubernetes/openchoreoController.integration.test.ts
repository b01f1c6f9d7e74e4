import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import {
  OpenChoreoManager,
  minimalOpenChoreoPlatform,
  startOpenChoreoManager,
} from '@internal/kube-testenv';
import { ChoreoStore } from '../../store/ChoreoStore';
import { eventually } from '../../testUtils/eventually';
import { KubernetesWriter } from '../../writer/kubernetes/KubernetesWriter';
import { KubernetesSource } from './KubernetesSource';
import {
  KubeTestEnv,
  kubeConfigOf,
  startKubeTestEnv,
} from './__testUtils__/controlPlane';

// Real etcd, kube-apiserver and OpenChoreo controller manager (webhooks off,
// no cluster gateway). Generous timeouts; nothing asserts timing.
jest.setTimeout(300_000);

describe('our writer and source with the real OpenChoreo controller', () => {
  let env: KubeTestEnv;
  let manager: OpenChoreoManager | undefined;
  let source: KubernetesSource | undefined;

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    manager = await startOpenChoreoManager(env);
  });

  afterAll(async () => {
    await source?.stop();
    await manager?.stop();
    await env?.stop();
  });

  it('sees the ComponentRelease and ReleaseBinding the controller makes from what we applied', async () => {
    const store = new ChoreoStore();
    source = new KubernetesSource({
      name: 'cluster',
      kubeConfig: kubeConfigOf(env),
    });
    await source.start(store.sinkFor('cluster', 'kubernetes'));
    const writer = new KubernetesWriter({ kubeConfig: kubeConfigOf(env) });

    // Namespace, platform objects, Project, Component (autoDeploy), Workload.
    for (const object of minimalOpenChoreoPlatform({ namespace: 'acme' })) {
      const result = await writer.apply(object as unknown as ChoreoResource, {
        actor: 'user:default/jane',
        message: 'e2e',
      });
      expect(result.action).toBe('created');
    }

    const { latest, binding } = await eventually(() => {
      const name = store.get('Component', 'api', 'acme')?.status?.latestRelease
        ?.name;
      const found = store.get('ReleaseBinding', 'api-development', 'acme');
      if (
        !name ||
        !store.get('ComponentRelease', name, 'acme') ||
        found?.spec.releaseName !== name
      ) {
        throw new Error(
          'the store has not seen api released to development yet',
        );
      }
      return { latest: name, binding: found };
    }, 180_000).catch(error => {
      throw new Error(`${error.message}\n${manager?.recentOutput()}`);
    });

    expect(store.get('ComponentRelease', latest, 'acme')?.spec).toMatchObject({
      owner: { projectName: 'shop', componentName: 'api' },
    });
    expect(binding.spec).toMatchObject({
      environment: 'development',
      releaseName: latest,
    });
    expect(
      store.list('ReleaseBinding', {
        component: 'api',
        environment: 'development',
      }),
    ).toEqual([binding]);
    expect(store.sources()[0]).toMatchObject({ state: 'synced', problems: [] });
  });
});
