import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStore } from './ChoreoStore';
import { StoreChangeEvent } from './types';

const project = (name: string, namespace = 'acme', extra = {}) =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'Project',
    metadata: { name, namespace },
    spec: { deploymentPipelineRef: { name: 'default' }, ...extra },
  } as unknown as ChoreoResource);

const component = (name: string, projectName: string, namespace = 'acme') =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace },
    spec: {
      owner: { projectName },
      componentType: { kind: 'ComponentType', name: 'deployment/service' },
    },
  } as unknown as ChoreoResource);

const binding = (componentName: string, env: string, namespace = 'acme') =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'ReleaseBinding',
    metadata: { name: `${componentName}-${env}`, namespace },
    spec: {
      owner: { projectName: 'shop', componentName },
      environment: env,
    },
  } as unknown as ChoreoResource);

function recordEvents(store: ChoreoStore) {
  const events: StoreChangeEvent[] = [];
  store.subscribe(event => events.push(event));
  return events;
}

describe('ChoreoStore', () => {
  it('finds resources by key and lists them by namespace, project, component and environment', () => {
    const store = new ChoreoStore();
    store
      .sinkFor('files', 'directory')
      .replaceAll([
        project('shop'),
        project('blog'),
        project('shop', 'other'),
        component('api', 'shop'),
        component('web', 'shop'),
        component('editor', 'blog'),
        binding('api', 'development'),
        binding('api', 'production'),
        binding('web', 'development'),
      ]);

    expect(store.get('Project', 'shop', 'acme')?.metadata.namespace).toBe(
      'acme',
    );
    expect(store.get('Project', 'missing', 'acme')).toBeUndefined();
    expect(store.list('Project')).toHaveLength(3);
    expect(
      store.list('Project', { namespace: 'acme' }).map(p => p.metadata.name),
    ).toEqual(['shop', 'blog']);
    expect(
      store.list('Component', { project: 'shop' }).map(c => c.metadata.name),
    ).toEqual(['api', 'web']);
    expect(
      store
        .list('ReleaseBinding', { component: 'api' })
        .map(b => b.metadata.name),
    ).toEqual(['api-development', 'api-production']);
    expect(
      store
        .list('ReleaseBinding', { environment: 'development', project: 'shop' })
        .map(b => b.metadata.name),
    ).toEqual(['api-development', 'web-development']);
    expect(store.list('ReleaseBinding', { environment: 'staging' })).toEqual(
      [],
    );
    expect(store.list('Component', { source: 'files' })).toHaveLength(3);
    expect(
      store.sourceOf({ kind: 'Project', namespace: 'acme', name: 'shop' }),
    ).toBe('files');
  });

  it('emits one event per batch with what was added, modified and deleted', () => {
    const store = new ChoreoStore();
    const sink = store.sinkFor('files', 'directory');
    const events = recordEvents(store);

    sink.replaceAll([project('shop'), project('blog')]);
    sink.replaceAll([
      project('shop', 'acme', { description: 'changed' }),
      project('wiki'),
    ]);

    expect(events).toHaveLength(2);
    expect(
      events[0].changes.map(c => [c.type, c.resource.metadata.name]),
    ).toEqual([
      ['added', 'shop'],
      ['added', 'blog'],
    ]);
    const second = events[1].changes.map(c => [
      c.type,
      c.resource.metadata.name,
    ]);
    expect(second).toEqual(
      expect.arrayContaining([
        ['deleted', 'blog'],
        ['modified', 'shop'],
        ['added', 'wiki'],
      ]),
    );
    expect(second).toHaveLength(3);
    const modified = events[1].changes.find(c => c.type === 'modified')!;
    expect(modified.previous?.spec).not.toHaveProperty('description');
    expect(
      store
        .list('Project')
        .map(p => p.metadata.name)
        .sort(),
    ).toEqual(['shop', 'wiki']);
  });

  it('emits nothing for a reload that changes nothing', () => {
    const store = new ChoreoStore();
    const sink = store.sinkFor('files', 'directory');
    sink.replaceAll([project('shop')]);
    const events = recordEvents(store);

    sink.replaceAll([project('shop')]);
    sink.applyChanges({ upserts: [project('shop')] });

    expect(events).toEqual([]);
  });

  it('compares by resourceVersion when both versions have one', () => {
    const store = new ChoreoStore();
    const sink = store.sinkFor('cluster', 'kubernetes');
    const versioned = (rv: string, description: string) => {
      const p = project('shop', 'acme', { description });
      p.metadata.resourceVersion = rv;
      return p;
    };
    sink.replaceAll([versioned('1', 'a')]);
    const events = recordEvents(store);

    sink.applyChanges({ upserts: [versioned('1', 'a')] });
    expect(events).toHaveLength(0);
    sink.applyChanges({ upserts: [versioned('2', 'b')] });
    expect(events).toHaveLength(1);
    expect(events[0].changes[0].type).toBe('modified');
  });

  it('applies deltas: upserts and removals', () => {
    const store = new ChoreoStore();
    const sink = store.sinkFor('files', 'directory');
    sink.replaceAll([project('shop'), component('api', 'shop')]);
    const events = recordEvents(store);

    sink.applyChanges({
      upserts: [component('web', 'shop')],
      removals: [{ kind: 'Component', namespace: 'acme', name: 'api' }],
    });

    expect(events[0].changes.map(c => c.type).sort()).toEqual([
      'added',
      'deleted',
    ]);
    expect(
      store.list('Component', { project: 'shop' }).map(c => c.metadata.name),
    ).toEqual(['web']);
    expect(store.sources()[0].resourceCount).toBe(2);
  });

  it('serves each namespace from one source: the first registered that has it, and names both in a conflict', () => {
    const store = new ChoreoStore();
    const first = store.sinkFor('cluster', 'kubernetes');
    const second = store.sinkFor('files', 'directory');

    second.replaceAll([
      project('shop', 'acme', { from: 'files' }),
      project('web', 'acme', { from: 'files' }),
    ]);
    expect(
      store.sourceOf({ kind: 'Project', namespace: 'acme', name: 'shop' }),
    ).toBe('files');
    expect(store.ownerOfNamespace('acme')).toBe('files');

    const events = recordEvents(store);
    first.replaceAll([project('shop', 'acme', { from: 'cluster' })]);

    // the cluster owns acme now: its copy of shop, and none of the files' others
    expect(store.ownerOfNamespace('acme')).toBe('cluster');
    expect(store.get('Project', 'shop', 'acme')?.spec).toMatchObject({
      from: 'cluster',
    });
    expect(store.get('Project', 'web', 'acme')).toBeUndefined();
    expect(
      events.flatMap(e =>
        e.changes.map(c => [c.type, c.resource.metadata.name]),
      ),
    ).toEqual(
      expect.arrayContaining([
        ['modified', 'shop'],
        ['deleted', 'web'],
      ]),
    );
    const [clusterStatus, filesStatus] = store.sources();
    expect(clusterStatus.problems).toEqual([]);
    expect(filesStatus.problems).toEqual([
      {
        message:
          "Namespace 'acme' comes from source 'cluster', which is configured first; this source's 2 objects in it are ignored. Each organisation must come from one source: remove it from one of them, or give each source its own namespaces (choreo.sources[].namespaces)",
        resource: { kind: 'Namespace', name: 'acme' },
      },
    ]);
    expect(filesStatus.resourceCount).toBe(0);

    // another namespace of the files is theirs
    second.applyChanges({ upserts: [project('shop', 'globex')] });
    expect(store.ownerOfNamespace('globex')).toBe('files');
    expect(store.get('Project', 'shop', 'globex')).toBeDefined();

    // When the owner lets go, the other source's copies take its place.
    first.replaceAll([]);
    expect(store.ownerOfNamespace('acme')).toBe('files');
    expect(store.get('Project', 'shop', 'acme')?.spec).toMatchObject({
      from: 'files',
    });
    expect(store.get('Project', 'web', 'acme')).toBeDefined();
    expect(store.sources()[1].problems).toEqual([]);
  });

  it('keeps the data of a source that goes stale or fails', () => {
    const now = jest
      .fn()
      .mockReturnValueOnce(new Date('2024-01-01T00:00:00Z'))
      .mockReturnValue(new Date('2024-01-01T00:05:00Z'));
    const store = new ChoreoStore({ now });
    const sink = store.sinkFor('files', 'directory');
    expect(store.sources()[0]).toMatchObject({
      state: 'starting',
      since: '2024-01-01T00:00:00.000Z',
    });
    sink.replaceAll([project('shop')]);
    sink.setState('synced');
    sink.setState('failing', "Directory '/x' does not exist");

    expect(store.list('Project')).toHaveLength(1);
    expect(store.sources()[0]).toMatchObject({
      state: 'failing',
      since: '2024-01-01T00:05:00.000Z',
      message: "Directory '/x' does not exist",
      resourceCount: 1,
    });
  });

  it('reports problems a source sets', () => {
    const store = new ChoreoStore();
    const sink = store.sinkFor('files', 'directory');
    sink.setProblems([{ message: 'bad', file: 'a.yaml', line: 3 }]);
    expect(store.sources()[0].problems).toEqual([
      { message: 'bad', file: 'a.yaml', line: 3 },
    ]);
  });

  it('refuses two sources with the same name', () => {
    const store = new ChoreoStore();
    store.sinkFor('files', 'directory');
    expect(() => store.sinkFor('files', 'directory')).toThrow(
      /already registered/,
    );
  });

  it('keeps notifying other listeners when one throws', () => {
    const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const store = new ChoreoStore({ logger });
    const seen: string[] = [];
    store.subscribe(() => {
      throw new Error('boom');
    });
    const unsubscribe = store.subscribe(event =>
      seen.push(event.changes[0].resource.metadata.name),
    );
    const sink = store.sinkFor('files', 'directory');

    sink.replaceAll([project('shop')]);
    unsubscribe();
    sink.replaceAll([project('shop'), project('blog')]);

    expect(seen).toEqual(['shop']);
    expect(store.list('Project')).toHaveLength(2);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });
});
