import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { GitWorkingCopy } from '../../gitops/GitWorkingCopy';
import {
  HttpsGitServer,
  startHttpsGitServer,
} from '../../gitops/__testUtils__/httpsGitServer';
import { recordingLogger } from '../../gitops/__testUtils__/recordingLogger';
import { testRemoteConfig } from '../../gitops/__testUtils__/remoteConfig';
import { TestGitRemote, git } from '../../gitops/__testUtils__/TestGitRemote';
import { DefaultChoreoStoreService } from '../../service/DefaultChoreoStoreService';
import { ChoreoStore } from '../../store/ChoreoStore';
import { eventually } from '../../testUtils/eventually';
import { DirectoryWriter } from '../../writer/directory/DirectoryWriter';
import { GitRemoteConfig } from '../gitRemoteConfig';
import { GitOpsDirectorySource } from './GitOpsDirectorySource';

jest.setTimeout(60_000);

const PASSWORD = 'pa55-Word-for-git';

const component = (name: string) => `apiVersion: openchoreo.dev/v1alpha1
kind: Component
metadata:
  name: ${name}
  namespace: acme
spec:
  owner:
    projectName: shop
`;

const PROJECT = `apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: shop
  namespace: acme
spec:
  deploymentPipelineRef:
    name: default
`;

describe('GitOpsDirectorySource', () => {
  let remote: TestGitRemote;
  let https: HttpsGitServer;
  let clones = 0;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    remote = TestGitRemote.create({ 'acme/shop.yaml': PROJECT });
    https = await startHttpsGitServer(remote, {
      username: 'portal',
      password: PASSWORD,
    });
  }, 300_000);

  afterEach(async () => {
    await Promise.all(stops.splice(0).map(stop => stop()));
  });

  afterAll(async () => {
    await https?.stop();
    remote?.remove();
  });

  const viaHttps = (more: Partial<GitRemoteConfig> = {}) =>
    testRemoteConfig(https.url, {
      https: { username: 'portal', password: PASSWORD, caFile: https.caFile },
      ...more,
    });

  async function startSource(
    config: GitRemoteConfig,
    root = remote.folder(`clone-${++clones}`),
  ) {
    const logger = recordingLogger();
    const store = new ChoreoStore();
    const workingCopy = new GitWorkingCopy({
      root,
      remote: config,
      name: 'gitops',
      logger,
    });
    const source = new GitOpsDirectorySource({
      name: 'gitops',
      workingCopy,
      debounceMs: 20,
      logger,
    });
    stops.push(() => source.stop());
    await source.start(store.sinkFor('gitops', 'directory'));
    return { store, source, workingCopy, logger, root };
  }

  it('clones into a missing directory, serves it, and fetches a commit pushed from outside on demand', async () => {
    const { store, source, root } = await startSource(viaHttps());
    expect(store.get('Project', 'shop', 'acme')).toBeDefined();
    expect(store.sources()[0]).toMatchObject({ state: 'synced' });

    const pushed = remote
      .clone()
      .push({ 'acme/web.yaml': component('web') }, 'Add web');
    await expect(source.sync()).resolves.toEqual({
      head: pushed,
      changed: true,
    });

    expect(git(root, 'rev-parse', 'HEAD')).toBe(pushed);
    await eventually(() =>
      expect(store.get('Component', 'web', 'acme')).toBeDefined(),
    );
    await expect(source.sync()).resolves.toEqual({
      head: pushed,
      changed: false,
    });
  });

  it('follows the remote on its own, on the fetch interval', async () => {
    const { store } = await startSource(viaHttps({ fetchIntervalMs: 100 }));
    remote
      .clone()
      .push({ 'acme/interval.yaml': component('interval') }, 'Add interval');
    await eventually(() =>
      expect(store.get('Component', 'interval', 'acme')).toBeDefined(),
    );
  });

  it('repairs a clone a crash left behind, logging what it dropped by commit subject', async () => {
    const root = remote.folder('crashed');
    const first = new GitWorkingCopy({
      root,
      remote: viaHttps(),
      name: 'gitops',
    });
    await first.follow();
    await first.dispose();
    fs.writeFileSync(`${root}/acme/half.yaml`, component('half-done'));
    git(root, 'add', 'acme/half.yaml');
    git(root, 'commit', '--quiet', '-m', 'Promote half-done to production');
    fs.writeFileSync(`${root}/acme/stray.yaml`, component('stray'));
    fs.appendFileSync(`${root}/acme/shop.yaml`, '# edited by hand\n');
    fs.writeFileSync(`${root}/.git/index.lock`, '');
    fs.writeFileSync(`${root}/.git/refs/remotes/origin/main.lock`, '');
    fs.writeFileSync(`${root}/.git/choreo-index-1-abcd`, '');

    const { store, logger, source } = await startSource(viaHttps(), root);

    expect(store.get('Component', 'half-done', 'acme')).toBeUndefined();
    expect(store.get('Component', 'stray', 'acme')).toBeUndefined();
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(git(root, 'rev-parse', 'HEAD')).toBe(remote.head());
    const logged = logger.lines.join('\n');
    expect(logged).toMatch(
      /dropping 1 unpushed commit \("Promote half-done to production"\) and uncommitted changes to acme\/shop\.yaml, acme\/stray\.yaml/,
    );
    expect(logged).toContain(
      'removed what an interrupted git left in the working copy: choreo-index-1-abcd, index.lock, refs/remotes/origin/main.lock',
    );
    // the next fetch works
    remote.clone().push({ 'acme/after.yaml': component('after') }, 'After');
    await expect(source.sync()).resolves.toMatchObject({ changed: true });
    expect(logged).not.toContain(PASSWORD);
  });

  it('fails before its first clone and goes stale later when the remote refuses it, never showing the secret', async () => {
    const wrong = await startSource(
      viaHttps({
        https: {
          username: 'portal',
          password: 'not-the-Password',
          caFile: https.caFile,
        },
      }),
    );
    expect(wrong.store.sources()[0]).toMatchObject({ state: 'failing' });
    expect(wrong.store.sources()[0].message).not.toContain('not-the-Password');
    await expect(wrong.source.sync()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        "did not accept the portal's credentials",
      ),
    });

    const secret = remote.folder('rotating-password');
    fs.writeFileSync(secret, PASSWORD);
    const rotating = await startSource(
      viaHttps({
        https: {
          username: 'portal',
          passwordFile: secret,
          caFile: https.caFile,
        },
      }),
    );
    expect(rotating.store.sources()[0]).toMatchObject({ state: 'synced' });
    fs.writeFileSync(secret, 'rotated-Wrongly');
    await expect(rotating.source.sync()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    const stale = rotating.store.sources()[0];
    expect(stale).toMatchObject({ state: 'stale' });
    expect(stale.message).toContain('the source serves what it fetched last');
    expect(stale.message).not.toContain('rotated-Wrongly');
    expect(rotating.store.get('Project', 'shop', 'acme')).toBeDefined();

    fs.writeFileSync(secret, PASSWORD);
    await rotating.source.sync();
    expect(rotating.store.sources()[0]).toMatchObject({ state: 'synced' });
    expect(rotating.logger.lines.join('\n')).not.toContain('rotated-Wrongly');
  });

  it('runs from choreo.sources: two replicas write through the remote and see each other on demand', async () => {
    const secret = remote.folder('service-password');
    fs.writeFileSync(secret, `${PASSWORD}\n`);
    const replica = (name: string) =>
      DefaultChoreoStoreService.fromConfig({
        config: mockServices.rootConfig({
          data: {
            choreo: {
              sources: [
                {
                  type: 'directory',
                  name: 'gitops',
                  path: remote.folder(name),
                  git: {
                    remote: {
                      url: https.url,
                      https: {
                        username: 'portal',
                        passwordFile: secret,
                        caFile: https.caFile,
                      },
                    },
                  },
                },
              ],
            },
          },
        }),
        logger: mockServices.rootLogger(),
      });
    const a = replica('replica-a');
    const b = replica('replica-b');
    stops.push(
      () => a.stop(),
      () => b.stop(),
    );
    await Promise.all([a.ready(), b.ready()]);
    expect(a.sources()[0]).toMatchObject({
      type: 'directory',
      state: 'synced',
    });

    const writer = a.writerFor('acme');
    expect(writer).toBeInstanceOf(DirectoryWriter);
    const result = await writer.apply(
      {
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'Component',
        metadata: { name: 'from-a', namespace: 'acme' },
        spec: { owner: { projectName: 'shop' } },
      } as unknown as ChoreoResource,
      { actor: 'user:default/jane' },
    );
    expect(result.commit).toBe(remote.head());
    await eventually(() =>
      expect(a.get('Component', 'from-a', 'acme')).toBeDefined(),
    );

    await expect(b.syncSource('gitops')).resolves.toEqual({
      source: 'gitops',
      head: result.commit,
      changed: true,
    });
    await eventually(() =>
      expect(b.get('Component', 'from-a', 'acme')).toBeDefined(),
    );
    await expect(b.syncSource('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
