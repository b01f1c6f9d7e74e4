import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { parseManifests } from '../../sources/directory/manifestParser';
import { ResourceChangedError } from '../resourceChanges';
import { DirectoryWriter } from './DirectoryWriter';

jest.setTimeout(30_000);

const actor = { actor: 'user:default/jane' };

const binding = (extra: Record<string, unknown> = {}) =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'ReleaseBinding',
    metadata: { name: 'api-development', namespace: 'acme' },
    spec: {
      owner: { projectName: 'shop', componentName: 'api' },
      environment: 'development',
      releaseName: 'api-1',
    },
    ...extra,
  } as unknown as ChoreoResource);

const MULTI_DOC = `# Shop project and its api component
apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: shop
  namespace: acme
  labels:
    team: blue # owned by the blue team
spec:
  deploymentPipelineRef:
    name: default
---
# The api
apiVersion: openchoreo.dev/v1alpha1
kind: Component
metadata:
  name: api
  namespace: acme
spec:
  owner:
    projectName: shop
  parameters:
    replicas: 1
    ports: [8080, 9090]
status:
  conditions:
    - type: Ready
      status: "True"
`;

describe('DirectoryWriter', () => {
  let root: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-writer-'));
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const read = (file: string) => fs.readFile(path.join(root, file), 'utf8');
  const exists = (file: string) =>
    fs.access(path.join(root, file)).then(
      () => true,
      () => false,
    );
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

  it('creates new resources at the conventional path, without caller status', async () => {
    const writer = new DirectoryWriter({ root });

    const result = await writer.apply(
      binding({ status: { conditions: [] } }),
      actor,
    );

    const file =
      'acme/projects/shop/components/api/releasebinding-api-development.yaml';
    expect(result).toEqual({
      action: 'created',
      location: file,
      resource: binding(),
    });
    expect(await read(file)).toBe(`apiVersion: openchoreo.dev/v1alpha1
kind: ReleaseBinding
metadata:
  name: api-development
  namespace: acme
spec:
  owner:
    projectName: shop
    componentName: api
  environment: development
  releaseName: api-1
`);

    const environment = await writer.apply(
      {
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Environment',
        metadata: { name: 'development', namespace: 'acme' },
        spec: {},
      } as ChoreoResource,
      actor,
    );
    expect(environment.location).toBe(
      'acme/platform/environment-development.yaml',
    );
    const cluster = await writer.apply(
      {
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'ClusterTrait',
        metadata: { name: 'autoscaler' },
        spec: {},
      } as unknown as ChoreoResource,
      actor,
    );
    expect(cluster.location).toBe('cluster/clustertrait-autoscaler.yaml');
  });

  it('creates control-plane Namespaces with the label the sources look for', async () => {
    const writer = new DirectoryWriter({ root });
    const result = await writer.apply(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'acme',
          annotations: { 'openchoreo.dev/display-name': 'ACME' },
        },
      } as ChoreoResource,
      actor,
    );
    expect(result.location).toBe('cluster/namespace-acme.yaml');
    expect(result.resource.metadata.labels).toEqual({
      'openchoreo.dev/control-plane': 'true',
    });
  });

  it('updates a resource in place, keeping the other documents and comments', async () => {
    await fs.mkdir(path.join(root, 'acme'));
    await fs.writeFile(path.join(root, 'acme/shop.yaml'), MULTI_DOC);
    const writer = new DirectoryWriter({ root });

    const result = await writer.apply(
      {
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Component',
        metadata: { name: 'api', namespace: 'acme', labels: { tier: 'web' } },
        spec: { parameters: { replicas: 3, ports: [8080] } },
        status: { conditions: [] },
      } as unknown as ChoreoResource,
      actor,
    );

    expect(result.action).toBe('updated');
    expect(result.location).toBe('acme/shop.yaml');
    expect(result.resource).toMatchObject({
      metadata: { labels: { tier: 'web' } },
      spec: {
        owner: { projectName: 'shop' },
        parameters: { replicas: 3, ports: [8080] },
      },
      // The file's status (an exported snapshot) stays; the caller's is ignored.
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    const text = await read('acme/shop.yaml');
    const [project, component] = text.split(/^---$/m);
    expect(MULTI_DOC.startsWith(project)).toBe(true);
    expect(component).toContain('# The api');
    expect(component).toContain('replicas: 3');
    expect(component).toContain('tier: web');
    expect(component).not.toContain('9090');
  });

  it('reports unchanged and writes nothing when the resource already says the same', async () => {
    await fs.writeFile(path.join(root, 'shop.yaml'), MULTI_DOC);
    const writer = new DirectoryWriter({ root });
    const result = await writer.apply(
      {
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Project',
        metadata: { name: 'shop', namespace: 'acme', labels: { team: 'blue' } },
        spec: {},
      } as unknown as ChoreoResource,
      actor,
    );
    expect(result.action).toBe('unchanged');
    expect(await read('shop.yaml')).toBe(MULTI_DOC);
  });

  it('deletes one document of a file, and the file when it becomes empty', async () => {
    await fs.writeFile(path.join(root, 'shop.yaml'), MULTI_DOC);
    const writer = new DirectoryWriter({ root });

    const result = await writer.delete(
      { kind: 'Component', namespace: 'acme', name: 'api' },
      actor,
    );
    expect(result).toMatchObject({
      action: 'deleted',
      location: 'shop.yaml',
      resource: { kind: 'Component', metadata: { name: 'api' } },
    });
    const text = await read('shop.yaml');
    expect(text).toContain('owned by the blue team');
    expect(text).not.toContain('kind: Component');

    const created = await writer.apply(binding(), actor);
    await writer.delete(
      { kind: 'ReleaseBinding', namespace: 'acme', name: 'api-development' },
      actor,
    );
    expect(await exists(created.location!)).toBe(false);
    expect(await exists('acme')).toBe(false);

    await expect(
      writer.delete(
        { kind: 'Project', namespace: 'acme', name: 'nope' },
        actor,
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        'Project acme/nope is not in any manifest',
      ),
    });
  });

  it('writes nothing on a dry run and says what it would do', async () => {
    await fs.writeFile(path.join(root, 'shop.yaml'), MULTI_DOC);
    const writer = new DirectoryWriter({ root });
    const dryRun = { ...actor, dryRun: true };

    const created = await writer.apply(binding(), dryRun);
    const updated = await writer.apply(
      {
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Project',
        metadata: { name: 'shop', namespace: 'acme' },
        spec: { description: 'new' },
      } as unknown as ChoreoResource,
      dryRun,
    );
    const deleted = await writer.delete(
      { kind: 'Component', namespace: 'acme', name: 'api' },
      dryRun,
    );

    expect([created.action, updated.action, deleted.action]).toEqual([
      'created',
      'updated',
      'deleted',
    ]);
    expect(updated.resource.spec).toMatchObject({ description: 'new' });
    expect(await fs.readdir(root)).toEqual(['shop.yaml']);
    expect(await read('shop.yaml')).toBe(MULTI_DOC);
  });

  it.each([
    [
      binding({ metadata: { name: 'My_Service', namespace: 'acme' } }),
      "ReleaseBinding name 'My_Service' is not a valid Kubernetes name (it has upper-case letters; it contains '_'): use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters, e.g. 'my-service'",
    ],
    [
      binding({ metadata: { name: 'api' } }),
      "ReleaseBinding 'api' needs metadata.namespace: ReleaseBinding is namespaced; set the control-plane namespace it belongs to",
    ],
    [
      binding({ kind: 'Gadget' }),
      expect.stringMatching(
        /^kind 'Gadget' is not an OpenChoreo kind; use one of/,
      ),
    ],
    [
      binding({ apiVersion: 'openchoreo.dev/v2' }),
      "apiVersion 'openchoreo.dev/v2' does not fit kind ReleaseBinding; use 'openchoreo.dev/v1alpha1'",
    ],
  ])(
    'refuses invalid input with an InputError (%#)',
    async (resource, message) => {
      const writer = new DirectoryWriter({ root });
      await expect(writer.apply(resource, actor)).rejects.toMatchObject({
        name: 'InputError',
        message,
      });
      expect(await fs.readdir(root)).toEqual([]);
    },
  );

  it('refuses a write without an actor', async () => {
    const writer = new DirectoryWriter({ root });
    await expect(writer.apply(binding(), { actor: ' ' })).rejects.toMatchObject(
      {
        name: 'InputError',
        message: expect.stringContaining('needs an actor'),
      },
    );
  });

  it('lands concurrent writes into one file', async () => {
    await fs.writeFile(path.join(root, 'shop.yaml'), MULTI_DOC);
    const writer = new DirectoryWriter({ root });
    const component = (replicas: number) =>
      ({
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Component',
        metadata: { name: 'api', namespace: 'acme' },
        spec: { parameters: { replicas } },
      } as unknown as ChoreoResource);

    await Promise.all([
      writer.apply(
        {
          apiVersion: 'openchoreo.dev/v1alpha1',
          kind: 'Project',
          metadata: { name: 'shop', namespace: 'acme' },
          spec: { description: 'concurrent' },
        } as unknown as ChoreoResource,
        actor,
      ),
      writer.apply(component(7), actor),
    ]);

    const text = await read('shop.yaml');
    expect(text).toContain('description: concurrent');
    expect(text).toContain('replicas: 7');
  });

  describe('with what the caller saw (expected)', () => {
    /** The resources as the directory source serves them from a file. */
    const served = async (file: string) =>
      parseManifests(await read(file), file).resources.map(r => r.resource);
    const component = (replicas: number) =>
      ({
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Component',
        metadata: { name: 'api', namespace: 'acme' },
        spec: { parameters: { replicas } },
      } as unknown as ChoreoResource);

    it('writes when the resource is as the source served it', async () => {
      await fs.writeFile(path.join(root, 'shop.yaml'), MULTI_DOC);
      const [, seen] = await served('shop.yaml');
      const writer = new DirectoryWriter({ root });

      const result = await writer.apply(component(2), {
        ...actor,
        expected: seen,
      });

      expect(result.action).toBe('updated');
      expect(await read('shop.yaml')).toContain('replicas: 2');
    });

    it('refuses a stale view, saying what changed, and writes nothing', async () => {
      await fs.writeFile(path.join(root, 'shop.yaml'), MULTI_DOC);
      const [, seen] = await served('shop.yaml');
      const changed = MULTI_DOC.replace('replicas: 1', 'replicas: 4');
      await fs.writeFile(path.join(root, 'shop.yaml'), changed);
      const writer = new DirectoryWriter({ root });

      const refused = writer.apply(component(2), { ...actor, expected: seen });

      await expect(refused).rejects.toThrow(ResourceChangedError);
      await expect(refused).rejects.toMatchObject({
        code: 'ResourceChanged',
        message:
          'Component acme/api changed since you looked at it: spec.parameters.replicas was 1, is 4. Reload and try again.',
      });
      expect(await read('shop.yaml')).toBe(changed);
      await expect(
        writer.delete(
          { kind: 'Component', namespace: 'acme', name: 'api' },
          { ...actor, expected: seen },
        ),
      ).rejects.toThrow(ResourceChangedError);
      expect(await read('shop.yaml')).toBe(changed);
    });

    it('refuses to create what exists (expected null) and to change what is gone', async () => {
      await fs.writeFile(path.join(root, 'shop.yaml'), MULTI_DOC);
      const [, seen] = await served('shop.yaml');
      const writer = new DirectoryWriter({ root });

      await expect(
        writer.apply(component(2), { ...actor, expected: null }),
      ).rejects.toMatchObject({
        message: expect.stringContaining('it was created meanwhile'),
      });
      await writer.delete(
        { kind: 'Component', namespace: 'acme', name: 'api' },
        actor,
      );
      await expect(
        writer.apply(component(2), { ...actor, expected: seen }),
      ).rejects.toMatchObject({
        message: expect.stringContaining('it was deleted meanwhile'),
      });
      await expect(
        writer.delete(
          { kind: 'Component', namespace: 'acme', name: 'api' },
          { ...actor, expected: seen },
        ),
      ).rejects.toThrow(ResourceChangedError);
      expect(
        (await writer.apply(binding(), { ...actor, expected: null })).action,
      ).toBe('created');
    });

    it('compares like for like: a cluster-scoped resource with a namespace in its file, a labelled Namespace', async () => {
      await fs.mkdir(path.join(root, 'cluster'));
      await fs.writeFile(
        path.join(root, 'cluster/platform.yaml'),
        `apiVersion: openchoreo.dev/v1alpha1
kind: ClusterTrait
metadata:
  name: autoscaler
  namespace: ignored-by-kubernetes
spec: {}
---
apiVersion: v1
kind: Namespace
metadata:
  name: acme
  labels:
    openchoreo.dev/control-plane: "true"
`,
      );
      const [trait, namespace] = await served('cluster/platform.yaml');
      const writer = new DirectoryWriter({ root });

      const traitResult = await writer.apply(
        { ...trait, spec: { parameters: {} } } as unknown as ChoreoResource,
        { ...actor, expected: trait },
      );
      const namespaceResult = await writer.apply(
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'acme', annotations: { note: 'x' } },
        } as ChoreoResource,
        { ...actor, expected: namespace },
      );

      expect([traitResult.action, namespaceResult.action]).toEqual([
        'updated',
        'updated',
      ]);
    });

    it('treats a Namespace the source ignores (no control-plane label) as absent', async () => {
      await fs.writeFile(
        path.join(root, 'ns.yaml'),
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: acme\n',
      );
      const writer = new DirectoryWriter({ root });
      const result = await writer.apply(
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: 'acme',
            labels: { 'openchoreo.dev/control-plane': 'true' },
          },
        } as ChoreoResource,
        { ...actor, expected: null },
      );
      expect(result).toMatchObject({ action: 'updated', location: 'ns.yaml' });
    });
  });

  describe('in GitOps mode', () => {
    beforeEach(() => {
      git('init', '--quiet');
      git('config', 'user.name', 'Test');
      git('config', 'user.email', 'test@example.com');
    });

    it('commits each write as the actor with a trailer and returns the sha', async () => {
      const writer = new DirectoryWriter({ root, git: { commit: true } });

      const created = await writer.apply(binding(), {
        ...actor,
        message: 'Promote api to development',
      });
      const updated = await writer.apply(
        binding({
          spec: { ...binding().spec, releaseName: 'api-2' },
        }),
        actor,
      );

      expect(updated.commit).toBe(git('rev-parse', 'HEAD'));
      expect(git('log', '-1', '--format=%an <%ae>%n%B', created.commit!)).toBe(
        'user:default/jane <jane@backstage>\nPromote api to development\n\nBackstage-Actor: user:default/jane',
      );
      expect(git('log', '-1', '--format=%s')).toBe(
        'Update ReleaseBinding acme/api-development',
      );
      expect(git('status', '--porcelain')).toBe('');

      const deleted = await writer.delete(resourceKey(), actor);
      expect(git('log', '-1', '--format=%s', deleted.commit!)).toBe(
        'Delete ReleaseBinding acme/api-development',
      );
      expect(git('ls-files')).toBe('');
    });

    it('commits concurrent writes one after the other', async () => {
      const writer = new DirectoryWriter({ root, git: { commit: true } });
      const results = await Promise.all(
        ['development', 'staging', 'production'].map(env =>
          writer.apply(
            binding({
              metadata: { name: `api-${env}`, namespace: 'acme' },
              spec: { ...binding().spec, environment: env },
            }),
            actor,
          ),
        ),
      );
      expect(new Set(results.map(r => r.commit)).size).toBe(3);
      expect(git('rev-list', '--count', 'HEAD')).toBe('3');
    });

    it('says why when git fails and leaves the directory as it was', async () => {
      await fs.writeFile(path.join(root, '.gitignore'), 'acme/\n');
      const writer = new DirectoryWriter({ root, git: { commit: true } });

      await expect(writer.apply(binding(), actor)).rejects.toMatchObject({
        name: 'GitCommandError',
        message: expect.stringMatching(/git add failed in .*ignored/s),
      });
      expect(await exists('acme')).toBe(false);
    });
  });

  it('refuses GitOps writes outside a git work tree', async () => {
    const writer = new DirectoryWriter({ root, git: { commit: true } });
    await expect(writer.apply(binding(), actor)).rejects.toMatchObject({
      name: 'GitCommandError',
      message: expect.stringContaining('is not inside a git work tree'),
    });
    expect(await fs.readdir(root)).toEqual([]);
  });
});

function resourceKey() {
  return {
    kind: 'ReleaseBinding' as const,
    namespace: 'acme',
    name: 'api-development',
  };
}
