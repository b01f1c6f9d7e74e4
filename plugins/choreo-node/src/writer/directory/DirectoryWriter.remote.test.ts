import fs from 'node:fs';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { freeClosedPort } from '../../buildLogs/__testUtils__/closedPort';
import { GitWorkingCopy } from '../../gitops/GitWorkingCopy';
import {
  HttpsGitServer,
  startHttpsGitServer,
} from '../../gitops/__testUtils__/httpsGitServer';
import { recordingLogger } from '../../gitops/__testUtils__/recordingLogger';
import { testRemoteConfig } from '../../gitops/__testUtils__/remoteConfig';
import {
  SshGitServer,
  startSshGitServer,
} from '../../gitops/__testUtils__/sshGitServer';
import { TestGitRemote, git } from '../../gitops/__testUtils__/TestGitRemote';
import { GitRemoteConfig } from '../../sources/gitRemoteConfig';
import { parseManifests } from '../../sources/directory/manifestParser';
import { ResourceChangedError } from '../resourceChanges';
import { DirectoryWriter } from './DirectoryWriter';

jest.setTimeout(60_000);

const PASSWORD = 's3cret-Token-4711';
const USER = { username: 'portal', password: PASSWORD };
const jane = { actor: 'user:default/jane' };

const SHOP = `# Shop project and its api component
apiVersion: openchoreo.dev/v1alpha1
kind: Project
metadata:
  name: shop
  namespace: acme
spec:
  deploymentPipelineRef:
    name: default
---
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
`;

const binding = (name: string, releaseName = 'api-1') =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'ReleaseBinding',
    metadata: { name, namespace: 'acme' },
    spec: {
      owner: { projectName: 'shop', componentName: 'api' },
      environment: 'development',
      releaseName,
    },
  } as unknown as ChoreoResource);

const projectLabel = (label: string) =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'Project',
    metadata: { name: 'shop', namespace: 'acme', labels: { [label]: 'yes' } },
  } as unknown as ChoreoResource);

const replicas = (count: number) =>
  ({
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'Component',
    metadata: { name: 'api', namespace: 'acme' },
    spec: { parameters: { replicas: count } },
  } as unknown as ChoreoResource);

describe('DirectoryWriter with a Git remote', () => {
  let remote: TestGitRemote;
  let https: HttpsGitServer;
  let ssh: SshGitServer;
  const copies: GitWorkingCopy[] = [];
  let portals = 0;

  beforeAll(async () => {
    remote = TestGitRemote.create({ 'acme/shop.yaml': SHOP });
    [https, ssh] = await Promise.all([
      startHttpsGitServer(remote, USER),
      startSshGitServer(remote),
    ]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(copies.map(c => c.dispose()));
    await https?.stop();
    await ssh?.stop();
    remote?.remove();
  });

  afterEach(() => remote.allowPushes());

  const viaHttps = (more: Partial<GitRemoteConfig> = {}) =>
    testRemoteConfig(https.url, {
      https: {
        username: USER.username,
        password: PASSWORD,
        caFile: https.caFile,
      },
      ...more,
    });
  const viaSsh = (more: Partial<GitRemoteConfig> = {}) =>
    testRemoteConfig(ssh.url, {
      ssh: {
        privateKeyFile: ssh.privateKeyFile,
        knownHostsFile: ssh.knownHostsFile,
      },
      ...more,
    });

  /** A portal replica: its own clone of the remote and a writer on it. */
  function replica(config: GitRemoteConfig) {
    portals += 1;
    const logger = recordingLogger();
    const copy = new GitWorkingCopy({
      root: remote.folder(`portal-${portals}`),
      remote: config,
      name: 'gitops',
      logger,
    });
    copies.push(copy);
    const writer = new DirectoryWriter({ root: copy.root, remote: copy });
    return {
      copy,
      writer,
      logger,
      git: (...args: string[]) => git(copy.root, ...args),
      /** Clean, at the remote head, nothing left of a private index. */
      expectAtRemoteHead() {
        expect(git(copy.root, 'status', '--porcelain')).toBe('');
        expect(git(copy.root, 'rev-parse', 'HEAD')).toBe(remote.head());
        expect(
          fs
            .readdirSync(`${copy.root}/.git`)
            .filter(f => f.startsWith('choreo-')),
        ).toEqual([]);
      },
    };
  }

  it('pushes a write over HTTPS before answering, authored by the actor', async () => {
    const portal = replica(viaHttps());

    const result = await portal.writer.apply(binding('api-development'), {
      ...jane,
      message: 'Promote api to development',
    });

    expect(result).toMatchObject({ action: 'created', commit: remote.head() });
    const outside = remote.clone();
    expect(outside.read(result.location!)).toContain('releaseName: api-1');
    expect(outside.git('log', '-1', '--format=%an <%ae>%n%B')).toBe(
      'user:default/jane <jane@backstage>\nPromote api to development\n\nBackstage-Actor: user:default/jane',
    );
    // the portal's clone shows what landed, so its source sees it too
    portal.expectAtRemoteHead();
    expect(
      fs.readFileSync(`${portal.copy.root}/${result.location}`, 'utf8'),
    ).toBe(outside.read(result.location!));
  });

  it('pushes over SSH with a world-readable key file, deletes too', async () => {
    const portal = replica(viaSsh());

    const created = await portal.writer.apply(binding('api-ssh'), jane);
    expect(remote.show(created.location!)).toContain('name: api-ssh');
    const deleted = await portal.writer.delete(
      { kind: 'ReleaseBinding', namespace: 'acme', name: 'api-ssh' },
      jane,
    );

    expect(deleted.commit).toBe(remote.head());
    expect(remote.show(created.location!)).toBeUndefined();
    expect(remote.log('-1', '--format=%s')).toBe(
      'Delete ReleaseBinding acme/api-ssh',
    );
    portal.expectAtRemoteHead();
  });

  it('keeps a push from outside that lands between its fetch and push, and lands on top of it', async () => {
    const portal = replica(viaHttps());
    await portal.copy.follow();
    const outside = remote.clone();
    fs.writeFileSync(
      `${outside.dir}/acme/shop.yaml`,
      outside
        .read('acme/shop.yaml')
        .replace('name: default', 'name: fast-track'),
    );
    outside.git('commit', '--quiet', '-am', 'Outside: fast-track pipeline');
    const theirs = outside.git('rev-parse', 'HEAD');
    https.beforeNextPush(
      `git -C '${outside.dir}' push --quiet origin HEAD:main`,
    );

    const result = await portal.writer.apply(replicas(3), {
      ...jane,
      message: 'Scale api to 3',
    });

    expect(remote.log('-2', '--format=%s')).toBe(
      'Scale api to 3\nOutside: fast-track pipeline',
    );
    expect(git(remote.bare, 'rev-parse', 'main^')).toBe(theirs);
    expect(result.commit).toBe(remote.head());
    const shop = remote.show('acme/shop.yaml')!;
    expect(shop).toContain('name: fast-track');
    expect(shop).toContain('replicas: 3');
    portal.expectAtRemoteHead();
  });

  it('lands every write of two replicas writing at once, each once, in a straight line', async () => {
    const a = replica(viaHttps({ pushAttempts: 10 }));
    const b = replica(viaSsh({ pushAttempts: 10 }));
    const before = remote.head();

    const results = await Promise.all([
      ...['a1', 'a2', 'a3'].map(l => a.writer.apply(projectLabel(l), jane)),
      ...['b1', 'b2', 'b3'].map(l => b.writer.apply(projectLabel(l), jane)),
      a.writer.apply(binding('from-a'), jane),
      b.writer.apply(binding('from-b'), jane),
    ]);

    const landed = git(remote.bare, 'rev-list', `${before}..main`).split('\n');
    expect(landed).toHaveLength(8);
    expect(new Set(results.map(r => r.commit))).toEqual(new Set(landed));
    expect(git(remote.bare, 'rev-list', '--merges', `${before}..main`)).toBe(
      '',
    );
    const project = parseManifests(remote.show('acme/shop.yaml')!, 'shop.yaml')
      .resources[0].resource;
    expect(project.metadata.labels).toMatchObject({
      a1: 'yes',
      a2: 'yes',
      a3: 'yes',
      b1: 'yes',
      b2: 'yes',
      b3: 'yes',
    });
    expect(remote.show(results[6].location!)).toContain('name: from-a');
    expect(remote.show(results[7].location!)).toContain('name: from-b');
    await a.copy.follow();
    await b.copy.follow();
    a.expectAtRemoteHead();
    b.expectAtRemoteHead();
  });

  it('answers a push the remote refuses with a clear error and leaves the clone at the remote head', async () => {
    const portal = replica(viaHttps());
    await portal.copy.follow();
    const before = remote.head();
    remote.refusePushes('protected branch: changes go through review');

    const error = await portal.writer
      .apply(binding('api-refused'), jane)
      .catch(e => e);

    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^The change was not saved: the GitOps repository https:\/\/127\.0\.0\.1:\d+\/git\/gitops\.git refused the push \(pre-receive hook declined: protected branch: changes go through review\)\. Nothing was written; ask a platform engineer/,
      ),
    });
    expect(error.message).not.toContain(PASSWORD);
    expect(error.message).not.toContain(remote.dir);
    expect(remote.head()).toBe(before);
    portal.expectAtRemoteHead();
    expect(portal.logger.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('reads the password file for every push: a wrong one gives a clear error without the secret', async () => {
    const secret = remote.folder('password');
    fs.writeFileSync(secret, `${PASSWORD}\n`);
    const portal = replica(
      viaHttps({
        https: {
          username: 'portal',
          passwordFile: secret,
          caFile: https.caFile,
        },
      }),
    );
    await portal.writer.apply(binding('api-rotated'), jane);
    const before = remote.head();
    fs.writeFileSync(secret, 'wrong-Password-0815\n');

    const error = await portal.writer
      .apply(binding('api-rotated', 'api-2'), jane)
      .catch(e => e);

    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        "did not accept the portal's credentials",
      ),
    });
    for (const text of [error.message, portal.logger.lines.join('\n')]) {
      expect(text).not.toContain('wrong-Password-0815');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(
        Buffer.from(`portal:wrong-Password-0815`).toString('base64'),
      );
    }
    expect(remote.head()).toBe(before);
    portal.expectAtRemoteHead();
  });

  it('gives the same clear error when the SSH server does not know the key', async () => {
    const key = remote.folder('rotated_key');
    fs.copyFileSync(ssh.privateKeyFile, key);
    const portal = replica(
      viaSsh({
        ssh: { privateKeyFile: key, knownHostsFile: ssh.knownHostsFile },
      }),
    );
    await portal.copy.follow();
    fs.copyFileSync(ssh.unknownKeyFile, key);
    const before = remote.head();

    await expect(
      portal.writer.apply(binding('api-unknown-key'), jane),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        "did not accept the portal's credentials",
      ),
    });
    expect(remote.head()).toBe(before);
    portal.expectAtRemoteHead();
  });

  it('says so when the remote cannot be reached, writing nothing', async () => {
    const port = await freeClosedPort();
    const portal = replica(
      viaHttps({ url: `https://127.0.0.1:${port}/git/gitops.git` }),
    );

    await expect(
      portal.writer.apply(binding('api-nowhere'), jane),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: `The change was not saved: the GitOps repository https://127.0.0.1:${port}/git/gitops.git cannot be reached. Nothing was written; retry in a moment.`,
    });
    expect(fs.existsSync(portal.copy.root)).toBe(false);
  });

  it('refuses a write whose expected resource is stale, writing nothing', async () => {
    const portal = replica(viaSsh());
    const served = (text: string) =>
      parseManifests(text, 'shop.yaml').resources.find(
        r => r.resource.kind === 'Component',
      )!.resource;
    const seen = served(remote.show('acme/shop.yaml')!);
    const outside = remote.clone();
    outside.push(
      {
        'acme/shop.yaml': outside
          .read('acme/shop.yaml')
          .replace(/replicas: \d+/, 'replicas: 5'),
      },
      'Outside: scale api to 5',
    );
    const before = remote.head();

    await expect(
      portal.writer.apply(replicas(2), { ...jane, expected: seen }),
    ).rejects.toMatchObject({
      code: 'ResourceChanged',
      message: expect.stringMatching(
        /^Component acme\/api changed since you looked at it: spec\.parameters\.replicas was \d+, is 5/,
      ),
    });
    expect(remote.head()).toBe(before);
    portal.expectAtRemoteHead();

    // what the source serves now, unchanged, is no change
    const fresh = served(remote.show('acme/shop.yaml')!);
    const result = await portal.writer.apply(replicas(2), {
      ...jane,
      expected: fresh,
    });
    expect(result.commit).toBe(remote.head());
    await expect(
      portal.writer.apply(binding('api-development'), {
        ...jane,
        expected: null,
      }),
    ).rejects.toThrow(ResourceChangedError);
  });

  it('checks expected again after losing a race: a change from outside wins', async () => {
    const portal = replica(viaHttps());
    await portal.copy.follow();
    const seen = parseManifests(remote.show('acme/shop.yaml')!, 'shop.yaml')
      .resources[1].resource;
    const outside = remote.clone();
    fs.writeFileSync(
      `${outside.dir}/acme/shop.yaml`,
      outside.read('acme/shop.yaml').replace(/replicas: \d+/, 'replicas: 9'),
    );
    outside.git('commit', '--quiet', '-am', 'Outside: scale api to 9');
    https.beforeNextPush(
      `git -C '${outside.dir}' push --quiet origin HEAD:main`,
    );

    await expect(
      portal.writer.apply(replicas(4), { ...jane, expected: seen }),
    ).rejects.toThrow(ResourceChangedError);

    expect(remote.log('-1', '--format=%s')).toBe('Outside: scale api to 9');
    portal.expectAtRemoteHead();
  });
});
