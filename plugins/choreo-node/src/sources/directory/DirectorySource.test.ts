import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChoreoStore } from '../../store/ChoreoStore';
import { eventually } from '../../testUtils/eventually';
import { DirectorySource } from './DirectorySource';

const manifest = (kind: string, name: string, extra = '') =>
  `apiVersion: openchoreo.dev/v1alpha1
kind: ${kind}
metadata:
  name: ${name}
  namespace: acme
${extra}`;

const projectYaml = (name: string) =>
  manifest(
    'Project',
    name,
    'spec:\n  deploymentPipelineRef:\n    name: default\n',
  );
const componentYaml = (name: string, project: string) =>
  manifest('Component', name, `spec:\n  owner:\n    projectName: ${project}\n`);

jest.setTimeout(30_000);

describe('DirectorySource', () => {
  let root: string;
  let tmp: string;
  const sources: DirectorySource[] = [];

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-dir-'));
    root = path.join(tmp, 'gitops');
    await fs.mkdir(root);
  });

  afterEach(async () => {
    await Promise.all(sources.splice(0).map(s => s.stop()));
    await fs.rm(tmp, { recursive: true, force: true });
  });

  async function write(file: string, text: string) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }

  async function startSource(options: { namespaces?: string[] } = {}) {
    const store = new ChoreoStore();
    const source = new DirectorySource({
      name: 'gitops',
      path: root,
      retryMs: 100,
      ...options,
    });
    sources.push(source);
    await source.start(store.sinkFor('gitops', 'directory'));
    const status = () => store.sources()[0];
    return { store, source, status };
  }

  it('loads a nested tree of multi-document files and skips dot-folders and node_modules', async () => {
    await write(
      'acme/namespace.yaml',
      `apiVersion: v1
kind: Namespace
metadata:
  name: acme
  labels:
    openchoreo.dev/control-plane: "true"
`,
    );
    await write(
      'acme/projects/shop/project.yml',
      `${projectYaml('shop')}---\n${componentYaml('api', 'shop')}`,
    );
    await write(
      'acme/projects/shop/components/web/component.yaml',
      componentYaml('web', 'shop'),
    );
    await write('.git/hidden.yaml', projectYaml('hidden'));
    await write('node_modules/pkg/x.yaml', projectYaml('vendored'));
    await write('README.md', '# not yaml');

    const { store, status, source } = await startSource();

    expect(status()).toMatchObject({
      state: 'synced',
      problems: [],
      resourceCount: 4,
    });
    expect(store.get('Namespace', 'acme')).toBeDefined();
    expect(store.list('Project').map(p => p.metadata.name)).toEqual(['shop']);
    expect(
      store
        .list('Component', { project: 'shop' })
        .map(c => c.metadata.name)
        .sort(),
    ).toEqual(['api', 'web']);
    expect(
      source.fileOf({ kind: 'Component', namespace: 'acme', name: 'web' }),
    ).toBe('acme/projects/shop/components/web/component.yaml');
  });

  it('reports a broken file with its line while the rest loads, and picks up the fix', async () => {
    await write('good.yaml', projectYaml('shop'));
    await write('broken.yaml', `${projectYaml('blog')}spec: [unclosed\n`);

    const { store, status } = await startSource();

    expect(store.list('Project').map(p => p.metadata.name)).toEqual(['shop']);
    expect(status().problems).toEqual([
      expect.objectContaining({
        file: 'broken.yaml',
        line: expect.any(Number),
        message: expect.stringMatching(/YAML syntax error/),
      }),
    ]);

    await write('broken.yaml', projectYaml('blog'));

    await eventually(() =>
      expect(
        store
          .list('Project')
          .map(p => p.metadata.name)
          .sort(),
      ).toEqual(['blog', 'shop']),
    );
    expect(status().problems).toEqual([]);
  });

  it('keeps the last good version of a file that breaks', async () => {
    await write('shop.yaml', projectYaml('shop'));
    const { store, status } = await startSource();

    await write(
      'shop.yaml',
      'apiVersion: openchoreo.dev/v1alpha1\nkind: Project\nmetadata:\n\tname: shop\n',
    );

    await eventually(() =>
      expect(status().problems).toContainEqual(
        expect.objectContaining({
          file: 'shop.yaml',
          line: 4,
          message: expect.stringContaining('Tabs are not allowed'),
        }),
      ),
    );
    expect(store.get('Project', 'shop', 'acme')).toBeDefined();
  });

  it('applies added, changed and deleted files', async () => {
    await write('shop.yaml', projectYaml('shop'));
    const { store } = await startSource();

    await write('nested/deeper/blog.yaml', projectYaml('blog'));
    await eventually(() =>
      expect(store.get('Project', 'blog', 'acme')).toBeDefined(),
    );

    await write(
      'shop.yaml',
      manifest('Project', 'shop', 'spec:\n  description: changed\n'),
    );
    await eventually(() =>
      expect(store.get('Project', 'shop', 'acme')?.spec).toEqual({
        description: 'changed',
      }),
    );

    await fs.rm(path.join(root, 'shop.yaml'));
    await eventually(() =>
      expect(store.get('Project', 'shop', 'acme')).toBeUndefined(),
    );

    await fs.rm(path.join(root, 'nested'), { recursive: true });
    await eventually(() => expect(store.list('Project')).toEqual([]));
  });

  it('reports a resource defined in two files, naming both', async () => {
    await write('a.yaml', projectYaml('shop'));
    await write('b.yaml', `# copy\n${projectYaml('shop')}`);

    const { store, status } = await startSource();

    expect(store.list('Project')).toHaveLength(1);
    expect(status().problems).toEqual([
      {
        file: 'b.yaml',
        line: 2,
        message:
          'Project:acme/shop is also defined in a.yaml (line 1); this copy is ignored',
        resource: { kind: 'Project', namespace: 'acme', name: 'shop' },
      },
    ]);
  });

  it('fails with a helpful message when the root is missing and keeps what it had', async () => {
    await write('shop.yaml', projectYaml('shop'));
    const { store, status } = await startSource();
    expect(store.list('Project')).toHaveLength(1);

    await fs.rm(root, { recursive: true });

    await eventually(() => expect(status().state).toBe('failing'));
    expect(status().message).toContain(`'${root}'`);
    expect(status().message).toMatch(/Create it or fix choreo.sources/);
    expect(store.list('Project')).toHaveLength(1);

    // When the directory comes back, the source recovers on its own.
    await write('blog.yaml', projectYaml('blog'));
    await eventually(() => expect(status().state).toBe('synced'));
    expect(store.list('Project').map(p => p.metadata.name)).toEqual(['blog']);
  });

  it('starts failing when the root does not exist', async () => {
    root = path.join(tmp, 'missing');
    const { status } = await startSource();
    expect(status().state).toBe('failing');
    expect(status().message).toContain(root);
  });

  it('stops (and lets the process exit) when stopped while its first load is still starting', async () => {
    await write('acme/project.yaml', projectYaml('shop'));
    for (const delayMs of [0, 1, 3, 5, 10]) {
      const store = new ChoreoStore();
      const source = new DirectorySource({ name: 'gitops', path: root });
      const started = source.start(store.sinkFor('gitops', 'directory'));
      await new Promise(resolve => setTimeout(resolve, delayMs));
      // before the fix this never resolved, and the watcher it left open kept Jest's worker alive
      await source.stop();
      await started;
    }
  });

  it('loads only the configured namespaces', async () => {
    await write('acme.yaml', projectYaml('shop'));
    await write('other.yaml', projectYaml('blog').replace('acme', 'other'));
    const { store } = await startSource({ namespaces: ['other'] });
    expect(store.list('Project').map(p => p.metadata.namespace)).toEqual([
      'other',
    ]);
  });
});
