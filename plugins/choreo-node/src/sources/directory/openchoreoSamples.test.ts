import path from 'node:path';
import { openchoreoModuleDir } from '@internal/kube-testenv';
import { ChoreoStore } from '../../store/ChoreoStore';
import { DirectorySource } from './DirectorySource';

jest.setTimeout(120_000);

// OpenChoreo's own samples, as `go mod download` puts them on disk (read-only):
// what a platform team that starts from them has in its GitOps repository.
async function load(sampleDir: string) {
  const store = new ChoreoStore();
  const source = new DirectorySource({
    name: 'samples',
    path: path.join(openchoreoModuleDir(), 'samples', sampleDir),
    watch: false,
  });
  await source.start(store.sinkFor('samples', 'directory'));
  await source.stop();
  return { store, status: store.sources()[0] };
}

describe("OpenChoreo's resource samples in a directory source", () => {
  it('knows every kind of getting-started (all.yaml repeats the split files, which is reported)', async () => {
    const { status } = await load('getting-started');
    expect(
      status.problems
        .map(p => p.message)
        .filter(m => !/is also defined in all\.yaml/.test(m)),
    ).toEqual([]);
  });

  it("loads getting-started's ClusterResourceTypes with their outputs", async () => {
    const { store, status } = await load(
      'getting-started/cluster-resource-types',
    );
    expect(status.problems).toEqual([]);
    const types = store.list('ClusterResourceType');
    expect(types.map(t => t.metadata.name).sort()).toEqual(
      expect.arrayContaining(['nats', 'postgres', 'valkey']),
    );
    const postgres = store.get('ClusterResourceType', 'postgres');
    expect(postgres?.spec.outputs?.map(o => o.name)).toEqual(
      expect.arrayContaining(['host', 'port', 'password']),
    );
    // Secrets are references to the data plane, never values.
    expect(
      postgres?.spec.outputs?.find(o => o.name === 'password'),
    ).toMatchObject({ secretKeyRef: { key: 'password' } });
    expect(
      postgres?.spec.outputs?.find(o => o.name === 'password')?.value,
    ).toBe(undefined);
  });

  it("loads the microservices demo's redis Resource, its binding and its consumer", async () => {
    const { store, status } = await load('gcp-microservices-demo');
    expect(status.problems).toEqual([]);
    const redis = store.get('Resource', 'redis', 'default');
    expect(redis?.spec).toMatchObject({
      owner: { projectName: 'gcp-microservice-demo' },
      type: { kind: 'ClusterResourceType', name: 'valkey' },
    });
    expect(
      store
        .list('ResourceReleaseBinding', {
          namespace: 'default',
          project: 'gcp-microservice-demo',
          environment: 'development',
        })
        .map(b => b.spec.owner.resourceName),
    ).toEqual(['redis']);
    const consumers = store
      .list('Workload', { namespace: 'default' })
      .filter(w =>
        w.spec.dependencies?.resources?.some(r => r.ref === 'redis'),
      );
    expect(consumers.length).toBeGreaterThan(0);
  });
});
