import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModuleChoreo from '@choreo-for-backstage/plugin-catalog-backend-module-choreo';
import choreoPlugin from '@choreo-for-backstage/plugin-choreo-backend';
import { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import {
  allowAllPolicy,
  permissionFramework,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import {
  choreoConfig,
  copySampleOrganization,
  eventually,
} from './__testUtils__/choreoBackend';
import { TEMPLATE_RUNS } from './__testUtils__/templateRuns';
import { scaffolderModuleChoreo } from './module';

jest.setTimeout(180_000);

const TEMPLATES = path.resolve(__dirname, '../../../templates');
const ALICE = 'user:default/alice';

/**
 * The whole path a developer takes: the real catalog serves a template from
 * templates/, the real scaffolder runs it through this module's actions, the
 * choreo backend writes the manifests and a git commit, and the Choreo entity
 * provider brings the new component into the catalog.
 */
describe('software templates (scaffolder + catalog + choreo backend)', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let baseUrl: string;

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api${url}`, {
      method,
      headers: {
        Authorization: mockCredentials.user.header(ALICE),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok)
      throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    sample = await copySampleOrganization();
    backend = await startTestBackend({
      features: [
        // the real permission framework, deciding everything for Alice
        ...permissionFramework({ policy: allowAllPolicy }),
        catalogPlugin,
        scaffolderEntityModel,
        catalogModuleChoreo,
        scaffolderPlugin,
        scaffolderModuleChoreo,
        choreoPlugin,
        mockServices.rootConfig.factory({
          data: {
            ...choreoConfig(sample.dir),
            catalog: {
              rules: [
                {
                  allow: [
                    'Template',
                    'Location',
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Domain',
                    'Group',
                  ],
                },
              ],
              locations: [
                {
                  type: 'file',
                  target: path.join(TEMPLATES, 'locations.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }`;
  });

  afterAll(async () => {
    await backend?.stop();
    await sample?.cleanup();
  });

  const runTask = async (
    templateRef: string,
    values: Record<string, unknown>,
  ) => {
    const { id } = await api('POST', '/scaffolder/v2/tasks', {
      templateRef,
      values,
    });
    const task = await eventually(async () => {
      const t = await api('GET', `/scaffolder/v2/tasks/${id}`);
      expect(['completed', 'failed', 'cancelled']).toContain(t.status);
      return t;
    }, 60_000);
    const events: Array<{ body: { message?: string } }> = await api(
      'GET',
      `/scaffolder/v2/tasks/${id}/events`,
    );
    return { task, log: events.map(e => e.body.message ?? '').join('\n') };
  };

  it('registers every template of templates/ in the catalog', async () => {
    const folders = (await fs.readdir(TEMPLATES, { withFileTypes: true }))
      .filter(d => d.isDirectory())
      .map(d => d.name);
    expect(folders).toHaveLength(7);
    for (const folder of folders) {
      const template = parse(
        await fs.readFile(
          path.join(TEMPLATES, folder, 'template.yaml'),
          'utf8',
        ),
      );
      await eventually(
        () =>
          api(
            'GET',
            `/catalog/entities/by-name/template/default/${template.metadata.name}`,
          ),
        60_000,
      );
    }
  });

  it('offers a choice in every catalog picker of the templates', async () => {
    const filters: Array<Record<string, string>> = [];
    const collect = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const options = (node as Record<string, any>)['ui:options'];
      if (options?.catalogFilter) filters.push(options.catalogFilter);
      Object.values(node).forEach(collect);
    };
    for (const folder of await fs.readdir(TEMPLATES, { withFileTypes: true })) {
      if (folder.isDirectory()) {
        const file = path.join(TEMPLATES, folder.name, 'template.yaml');
        collect(parse(await fs.readFile(file, 'utf8')).spec.parameters);
      }
    }
    expect(filters.length).toBeGreaterThan(10);
    for (const filter of filters) {
      const query = Object.entries(filter)
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
      const found = await eventually(async () => {
        const entities = await api(
          'GET',
          `/catalog/entities?filter=${encodeURIComponent(query)}`,
        );
        expect({ query, found: entities.length > 0 }).toEqual({
          query,
          found: true,
        });
        return entities;
      }, 60_000);
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it('creates a service from an image: manifests, a git commit and a catalog entity', async () => {
    const { task, log } = await runTask('template:default/create-service', {
      project: 'system:acme/payments',
      name: 'invoice-service',
      displayName: 'Invoice service',
      sourceType: 'image',
      image: 'registry.acme.example/acme/payments/invoice-service:1.0.0',
      port: 8080,
      visibility: ['namespace'],
    });
    expect(`${task.status}\n${log}`).toMatch(/^completed\n/);
    expect(log).toMatch(/Created Component acme\/invoice-service/);

    // every write since the sample was copied: the Component and its Workload
    const root = sample.git('rev-list', '--max-parents=0', 'HEAD');
    expect(sample.git('log', '--format=%s', `${root}..HEAD`)).toMatch(
      /acme\/invoice-service/,
    );
    const files = sample.git('diff', '--name-only', root, 'HEAD');
    const manifests = (
      await Promise.all(
        files
          .split('\n')
          .filter(Boolean)
          .map(f => fs.readFile(path.join(sample.dir, f), 'utf8')),
      )
    ).join('\n---\n');
    const written = manifests
      .split(/^---$/m)
      .map(doc => parse(doc))
      .filter(Boolean)
      .filter((doc: { metadata?: { name?: string } }) =>
        doc.metadata?.name?.startsWith('invoice-service'),
      );
    expect(written).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'Component',
          spec: expect.objectContaining({
            owner: { projectName: 'payments' },
            componentType: {
              kind: 'ClusterComponentType',
              name: 'deployment/service',
            },
          }),
        }),
        expect.objectContaining({
          kind: 'Workload',
          spec: expect.objectContaining({
            container: {
              image:
                'registry.acme.example/acme/payments/invoice-service:1.0.0',
            },
            endpoints: {
              api: { type: 'HTTP', port: 8080, visibility: ['namespace'] },
            },
          }),
        }),
      ]),
    );

    const entity = await eventually(
      () =>
        api('GET', '/catalog/entities/by-name/component/acme/invoice-service'),
      60_000,
    );
    expect(entity).toMatchObject({
      metadata: { title: 'Invoice service' },
      spec: { system: 'system:acme/payments' },
    });
  });

  /** Waits until the catalog serves the Choreo entities a form would offer. */
  const inCatalog = (ref: string) => {
    const [kind, rest] = ref.split(':');
    return eventually(
      () => api('GET', `/catalog/entities/by-name/${kind}/${rest}`),
      60_000,
    );
  };

  it.each(TEMPLATE_RUNS)('runs %s', async (template, values, expected) => {
    for (const value of Object.values(values)) {
      if (typeof value === 'string' && /^[a-z]+:acme\//.test(value)) {
        await inCatalog(value);
      }
    }
    const before = sample.git('rev-parse', 'HEAD');
    const ref = template.includes('/') ? template : `default/${template}`;
    await inCatalog(`template:${ref}`);
    const { task, log } = await runTask(`template:${ref}`, values);
    expect(`${task.status}\n${log}`).toMatch(/^completed\n/);
    expect(log).toMatch(expected);
    expect(sample.git('rev-parse', 'HEAD')).not.toBe(before);
  });
});
