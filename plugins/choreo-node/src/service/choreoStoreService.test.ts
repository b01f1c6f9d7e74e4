import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ServiceFactoryTester,
  mockServices,
} from '@backstage/backend-test-utils';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { eventually } from '../testUtils/eventually';
import {
  choreoStoreServiceFactory,
  choreoStoreServiceRef,
} from './choreoStoreService';
import { DefaultChoreoStoreService } from './DefaultChoreoStoreService';

jest.setTimeout(30_000);

const project = (
  name: string,
  namespace: string,
) => `apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: ${name}
  namespace: ${namespace}
spec: {}
`;

describe('choreoStoreService', () => {
  let tmp: string;
  let gitops: string;
  let examples: string;
  const services: DefaultChoreoStoreService[] = [];

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-service-'));
    gitops = path.join(tmp, 'gitops');
    examples = path.join(tmp, 'examples');
    await fs.mkdir(gitops);
    await fs.mkdir(examples);
    await fs.writeFile(path.join(gitops, 'shop.yaml'), project('shop', 'acme'));
    await fs.writeFile(
      path.join(examples, 'wiki.yaml'),
      project('wiki', 'demo'),
    );
    execFileSync('git', ['init', '--quiet'], { cwd: gitops });
  });

  afterEach(async () => {
    await Promise.all(services.splice(0).map(s => s.stop()));
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const config = {
    choreo: {
      sources: [
        { type: 'directory', name: 'examples', path: 'examples' },
        {
          type: 'directory',
          name: 'gitops',
          path: 'gitops',
          git: { commit: true },
        },
        { type: 'kubernetes', name: 'prod', inCluster: true },
      ],
    },
  };

  async function create() {
    const service = DefaultChoreoStoreService.fromConfig({
      config: mockServices.rootConfig({ data: config }),
      logger: mockServices.rootLogger(),
      workingDirectory: tmp,
    });
    services.push(service);
    await service.ready();
    return service;
  }

  it('is provided by the service ref and loads the configured sources', async () => {
    const tester = ServiceFactoryTester.from(choreoStoreServiceFactory, {
      dependencies: [
        mockServices.rootConfig.factory({
          data: {
            choreo: {
              sources: [{ type: 'directory', name: 'gitops', path: gitops }],
            },
          },
        }),
      ],
    });
    const service = await tester.getSubject();
    services.push(service as DefaultChoreoStoreService);
    await service.ready();

    expect(choreoStoreServiceRef.id).toBe('choreo.store');
    expect(service.list('Project').map(p => p.metadata.name)).toEqual(['shop']);
    expect(service.reader.get('Project', 'shop', 'acme')).toBeDefined();
  });

  it('reports every source, including ones it cannot run', async () => {
    const service = await create();
    expect(
      service.sources().map(s => [s.source, s.type, s.state, s.resourceCount]),
    ).toEqual([
      ['examples', 'directory', 'synced', 1],
      ['gitops', 'directory', 'synced', 1],
      ['prod', 'kubernetes', 'failing', 0],
    ]);
    expect(service.sources()[2].message).toMatch(
      /inCluster: true, but the backend does not run in a Kubernetes pod/,
    );
  });

  it('picks the writer of the source that holds a namespace, and the git source for new ones', async () => {
    const service = await create();
    const component = {
      apiVersion: 'openchoreo.dev/v1alpha1',
      kind: 'Project',
      metadata: { name: 'blog', namespace: 'acme' },
      spec: {},
    } as unknown as ChoreoResource;

    const result = await service
      .writerFor('acme')
      .apply(component, { actor: 'user:default/jane' });
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    // The write comes back through the source's watcher, not by a shortcut.
    await eventually(() =>
      expect(
        service.sourceOf({ kind: 'Project', namespace: 'acme', name: 'blog' }),
      ).toBe('gitops'),
    );

    const demo = await service
      .writerFor('demo')
      .apply(
        { ...component, metadata: { name: 'docs', namespace: 'demo' } },
        { actor: 'user:default/jane' },
      );
    expect(demo.commit).toBeUndefined();
    await eventually(() =>
      expect(service.get('Project', 'docs', 'demo')).toBeDefined(),
    );

    const brandNew = service.writerFor('brand-new');
    expect(brandNew).toBe(service.writerFor('acme'));
    expect(() => service.writerFor('')).toThrow(
      /needs the control-plane namespace/,
    );
  });

  it('says so when no source can be written to', async () => {
    const service = DefaultChoreoStoreService.fromConfig({
      config: mockServices.rootConfig({ data: {} }),
      logger: mockServices.rootLogger(),
    });
    services.push(service);
    await service.ready();
    expect(() => service.writerFor('acme')).toThrow(
      /No Choreo source can take resources of namespace 'acme'/,
    );
  });
});
