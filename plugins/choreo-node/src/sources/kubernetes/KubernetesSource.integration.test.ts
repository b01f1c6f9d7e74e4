import { mockServices } from '@backstage/backend-test-utils';
import { DefaultChoreoStoreService } from '../../service/DefaultChoreoStoreService';
import { ChoreoStore } from '../../store/ChoreoStore';
import { SourceState, StoreChange } from '../../store/types';
import { eventually } from '../../testUtils/eventually';
import { KubernetesWriter } from '../../writer/kubernetes/KubernetesWriter';
import { KubernetesSource, KubernetesSourceOptions } from './KubernetesSource';
import { KubeHttp } from './kubeHttp';
import { ResourceWatcher } from './resourceWatcher';
import {
  KubeTestEnv,
  component,
  controlPlaneNamespace,
  createAll,
  kubeConfigOf,
  mergePatch,
  pathOf,
  project,
  startKubeTestEnv,
} from './__testUtils__/controlPlane';

// Real etcd + kube-apiserver with the OpenChoreo v1.2.3 CRDs. Cold starts on
// a small machine take tens of seconds; nothing here asserts timing.
jest.setTimeout(240_000);

const COMPONENTS = 300;

describe('KubernetesSource against a real API server', () => {
  let env: KubeTestEnv;
  const running: KubernetesSource[] = [];

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    await createAll(env, [
      controlPlaneNamespace('acme'),
      controlPlaneNamespace('lab', false),
      project('acme', 'shop'),
      ...Array.from({ length: COMPONENTS }, (_, i) =>
        component('acme', `api-${i}`),
      ),
      component('lab', 'experiment'),
    ]);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map(source => source.stop()));
  });

  afterAll(async () => {
    await env?.stop();
  });

  async function startSource(options: Partial<KubernetesSourceOptions> = {}) {
    const store = new ChoreoStore();
    const sink = store.sinkFor('cluster', 'kubernetes');
    const states: SourceState[] = [];
    const recording = {
      ...sink,
      setState: (state: SourceState, message?: string) => {
        states.push(state);
        sink.setState(state, message);
      },
    };
    const source = new KubernetesSource({
      name: 'cluster',
      kubeConfig: kubeConfigOf(env),
      watcher: { backoff: { initialMs: 100, maxMs: 1000 } },
      ...options,
    });
    running.push(source);
    await source.start(recording);
    const status = () => store.sources()[0];
    return { store, source, states, status };
  }

  const names = (store: ChoreoStore, namespace?: string) =>
    store
      .list('Component', namespace ? { namespace } : undefined)
      .map(c => c.metadata.name);

  it('loads every object of the labelled control-plane namespaces in the first sync', async () => {
    const { store, status } = await startSource();

    expect(status()).toMatchObject({ state: 'synced', problems: [] });
    expect(names(store, 'acme')).toHaveLength(COMPONENTS);
    expect(names(store, 'lab')).toEqual([]);
    expect(store.list('Namespace').map(ns => ns.metadata.name)).toEqual([
      'acme',
    ]);
    expect(store.get('Project', 'shop', 'acme')?.spec).toEqual({
      deploymentPipelineRef: { kind: 'DeploymentPipeline', name: 'default' },
      type: { kind: 'ClusterProjectType', name: 'default' },
    });
    // managedFields are large and unused; the store does not keep them.
    expect(
      store.get('Component', 'api-0', 'acme')?.metadata,
    ).not.toHaveProperty('managedFields');
  });

  it('follows additions, changes and deletions, and namespaces gaining or losing the label', async () => {
    const { store } = await startSource();

    await createAll(env, [component('acme', 'added')]);
    await mergePatch(env, 'Component', 'api-1', 'acme', {
      metadata: { annotations: { 'openchoreo.dev/display-name': 'API One' } },
    });
    await env.call('DELETE', pathOf('Component', 'api-2', 'acme'));
    await eventually(() => {
      expect(store.get('Component', 'added', 'acme')).toBeDefined();
      expect(
        store.get('Component', 'api-1', 'acme')?.metadata.annotations,
      ).toEqual({ 'openchoreo.dev/display-name': 'API One' });
      expect(store.get('Component', 'api-2', 'acme')).toBeUndefined();
    });

    await mergePatch(env, 'Namespace', 'lab', undefined, {
      metadata: { labels: { 'openchoreo.dev/control-plane': 'true' } },
    });
    await eventually(() => expect(names(store, 'lab')).toEqual(['experiment']));
    await mergePatch(env, 'Namespace', 'lab', undefined, {
      metadata: { labels: { 'openchoreo.dev/control-plane': null } },
    });
    await eventually(() => {
      expect(names(store, 'lab')).toEqual([]);
      expect(store.get('Namespace', 'lab')).toBeUndefined();
    });
  });

  it('watches only the configured namespaces when they are given', async () => {
    const { store } = await startSource({ namespaces: ['lab'] });
    expect(names(store)).toEqual(['experiment']);
    expect(store.list('Namespace').map(ns => ns.metadata.name)).toEqual([
      'lab',
    ]);
  });

  it('runs from choreo.sources and writes through the kubernetes writer', async () => {
    const service = DefaultChoreoStoreService.fromConfig({
      config: mockServices.rootConfig({
        data: {
          choreo: {
            sources: [
              {
                type: 'kubernetes',
                name: 'prod-cp',
                kubeconfig: env.kubeconfigPath,
                context: 'kube-testenv',
              },
            ],
          },
        },
      }),
      logger: mockServices.rootLogger(),
    });
    try {
      await service.ready();
      expect(service.sources()[0]).toMatchObject({
        source: 'prod-cp',
        type: 'kubernetes',
        state: 'synced',
      });
      expect(service.list('Component', { namespace: 'acme' }).length).toBe(
        service.list('Component').length,
      );
      expect(service.writerFor('acme')).toBeInstanceOf(KubernetesWriter);
      expect(
        service.sourceOf({ kind: 'Project', name: 'shop', namespace: 'acme' }),
      ).toBe('prod-cp');
    } finally {
      await service.stop();
    }
  });

  it('keeps serving while the API server restarts, then catches up', async () => {
    const { store, states, status } = await startSource();
    const before = names(store).length;
    const deleted: StoreChange[] = [];
    store.subscribe(event =>
      deleted.push(...event.changes.filter(c => c.type === 'deleted')),
    );

    await env.restartApiServer();
    // Nothing was dropped while the server was away.
    expect(names(store)).toHaveLength(before);
    expect(deleted).toEqual([]);

    await createAll(env, [component('acme', 'after-restart')]);
    await eventually(() => {
      expect(store.get('Component', 'after-restart', 'acme')).toBeDefined();
      expect(status().state).toBe('synced');
    }, 60_000);
    expect(states).toContain('stale');
    expect(deleted).toEqual([]);
  });

  it('lists again when its resourceVersion is too old (410 Gone)', async () => {
    // Resuming from resourceVersion 1 makes the API server answer 410.
    const lists: number[] = [];
    const watcher = new ResourceWatcher(
      new KubeHttp(kubeConfigOf(env)),
      {
        description: 'Component',
        path: '/apis/openchoreo.dev/v1alpha1/namespaces/acme/components',
      },
      {
        onList: items => lists.push(items.length),
        onEvent: () => {},
        onHealthy: () => {},
        onTrouble: error => {
          throw error;
        },
      },
      { resourceVersion: '1' },
    );
    try {
      await watcher.start();
      await eventually(() => expect(lists).toHaveLength(1));
      expect(lists[0]).toBeGreaterThanOrEqual(COMPONENTS);
    } finally {
      await watcher.stop();
    }

    const { store, status } = await startSource({
      watcher: { resourceVersion: '1', backoff: { initialMs: 100 } },
    });
    await eventually(() => {
      expect(names(store, 'acme').length).toBeGreaterThanOrEqual(COMPONENTS);
      expect(status().state).toBe('synced');
    }, 60_000);
  });

  it('reports a kind whose CRD is not installed as a problem and syncs the rest', async () => {
    await env.call(
      'DELETE',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/renderedreleases.openchoreo.dev',
    );
    await eventually(async () => {
      const res = await env.request(
        'GET',
        '/apis/openchoreo.dev/v1alpha1/renderedreleases',
      );
      expect(res.status).toBe(404);
    }, 60_000);

    const { store, status } = await startSource();
    expect(status().state).toBe('synced');
    expect(status().problems).toEqual([
      {
        message: `RenderedRelease: renderedreleases.openchoreo.dev is not served by the API server at ${env.server}; install the OpenChoreo v1.2 CRDs (the source checks again every minute)`,
      },
    ]);
    expect(names(store, 'acme').length).toBeGreaterThanOrEqual(COMPONENTS);
  });
});
