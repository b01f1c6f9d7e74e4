import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readChoreoSourcesConfig } from './config';

const read = (sources: JsonValue) =>
  readChoreoSourcesConfig(new ConfigReader({ choreo: { sources } }), {
    workingDirectory: '/srv/backend',
  });

describe('readChoreoSourcesConfig', () => {
  it('reads directory and kubernetes sources in order, resolving paths from the working directory', () => {
    expect(
      read([
        {
          type: 'directory',
          name: 'acme',
          path: '../../examples/acme',
          git: { commit: true },
        },
        {
          type: 'directory',
          name: 'abs',
          path: '/data/gitops',
          namespaces: ['a'],
        },
        {
          type: 'kubernetes',
          name: 'prod',
          inCluster: true,
          namespaces: ['acme'],
        },
      ]),
    ).toEqual([
      {
        type: 'directory',
        name: 'acme',
        path: path.resolve('/srv/backend', '../../examples/acme'),
        git: { commit: true },
      },
      {
        type: 'directory',
        name: 'abs',
        path: '/data/gitops',
        git: { commit: false },
        namespaces: ['a'],
      },
      {
        type: 'kubernetes',
        name: 'prod',
        inCluster: true,
        namespaces: ['acme'],
      },
    ]);
  });

  it('has no sources when none are configured', () => {
    expect(readChoreoSourcesConfig(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      [
        { type: 'directory', name: 'a', path: 'x' },
        { type: 'directory', name: 'a', path: 'y' },
      ],
      "choreo.sources[1].name 'a' is already used by choreo.sources[0]; every source needs a unique name",
    ],
    [
      [{ type: 'svn', name: 'a' }],
      "choreo.sources[0].type 'svn' is not a known source type; use one of 'directory', 'kubernetes'",
    ],
    [
      [{ type: 'directory', name: 'a' }],
      /Missing required config value at 'choreo.sources\[0\].path'/,
    ],
    [[{ type: 'directory', path: 'x' }], /choreo.sources\[0\].name/],
  ])('names the bad key (%#)', (sources, message) => {
    expect(() => read(sources)).toThrow(message);
  });
});

describe('readChoreoSourcesConfig: a directory source that follows a Git remote', () => {
  let secrets: string;
  beforeAll(() => {
    secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-secrets-'));
    for (const file of ['token', 'id_ed25519', 'known_hosts', 'ca.pem']) {
      fs.writeFileSync(path.join(secrets, file), 'x\n');
    }
  });
  afterAll(() => fs.rmSync(secrets, { recursive: true, force: true }));

  const withRemote = (remote: JsonValue, git: JsonValue = {}) =>
    readChoreoSourcesConfig(
      new ConfigReader({
        choreo: {
          sources: [
            {
              type: 'directory',
              name: 'gitops',
              path: 'gitops',
              git: { ...(git as object), remote } as JsonValue,
            },
          ],
        },
      }),
      { workingDirectory: secrets },
    )[0];

  it('reads HTTPS credentials, defaults and durations; implies commits', () => {
    expect(
      withRemote({
        url: 'https://git.example.com/platform/gitops.git',
        https: {
          username: 'portal',
          passwordFile: 'token',
          caFile: path.join(secrets, 'ca.pem'),
        },
        fetchInterval: '10s',
        retryDelay: { milliseconds: 50 },
      }),
    ).toEqual({
      type: 'directory',
      name: 'gitops',
      path: path.join(secrets, 'gitops'),
      git: {
        commit: true,
        remote: {
          url: 'https://git.example.com/platform/gitops.git',
          branch: 'main',
          https: {
            username: 'portal',
            passwordFile: path.join(secrets, 'token'),
            caFile: path.join(secrets, 'ca.pem'),
          },
          fetchIntervalMs: 10_000,
          pushAttempts: 5,
          retryDelayMs: 50,
        },
      },
    });
  });

  it('reads SSH keys for ssh:// and scp-like URLs', () => {
    for (const url of [
      'ssh://git@git.example.com:2222/platform/gitops.git',
      'git@github.com:acme/gitops.git',
    ]) {
      expect(
        withRemote({
          url,
          branch: 'release',
          pushAttempts: 3,
          ssh: { privateKeyFile: 'id_ed25519', knownHostsFile: 'known_hosts' },
        }),
      ).toMatchObject({
        git: {
          commit: true,
          remote: {
            url,
            branch: 'release',
            pushAttempts: 3,
            fetchIntervalMs: 30_000,
            retryDelayMs: 200,
            ssh: {
              privateKeyFile: path.join(secrets, 'id_ed25519'),
              knownHostsFile: path.join(secrets, 'known_hosts'),
            },
          },
        },
      });
    }
  });

  const at = 'choreo.sources[0].git';
  it.each([
    [
      {},
      /Missing required config value at 'choreo.sources\[0\].git.remote.url'/,
    ],
    [{ url: 'ftp://x/y' }, `${at}.remote.url is not a Git URL`],
    [
      { url: 'https://portal:hunter2@git.example.com/x.git' },
      `${at}.remote.url must not hold credentials; put the password or token in ${at}.remote.https.password or ${at}.remote.https.passwordFile`,
    ],
    [
      { url: 'https://h/x.git', https: { password: 'p' } },
      `${at}.remote.https.username is required with a password or token`,
    ],
    [
      {
        url: 'https://h/x.git',
        https: { username: 'u', password: 'p', passwordFile: 'token' },
      },
      `${at}.remote.https sets both password and passwordFile; keep one`,
    ],
    [
      { url: 'http://h/x.git', https: { username: 'u', password: 'p' } },
      `${at}.remote.url is plain http://, which would send ${at}.remote.https credentials unencrypted`,
    ],
    [
      {
        url: 'https://h/x.git',
        https: { username: 'u', passwordFile: 'missing' },
      },
      /choreo.sources\[0\].git.remote.https.passwordFile '.*missing' cannot be read \(ENOENT\)/,
    ],
    [
      { url: 'git@h:x.git' },
      `${at}.remote.ssh.privateKeyFile and ${at}.remote.ssh.knownHostsFile are required for the ssh URL`,
    ],
    [
      { url: 'git@h:x.git', ssh: { privateKeyFile: 'id_ed25519' } },
      /Missing required config value at 'choreo.sources\[0\].git.remote.ssh.knownHostsFile'/,
    ],
    [
      {
        url: 'git@h:x.git',
        ssh: { privateKeyFile: 'nope', knownHostsFile: 'known_hosts' },
      },
      /choreo.sources\[0\].git.remote.ssh.privateKeyFile '.*nope' cannot be read/,
    ],
    [
      {
        url: 'https://h/x.git',
        ssh: { privateKeyFile: 'id_ed25519', knownHostsFile: 'known_hosts' },
      },
      `${at}.remote.ssh is set, but ${at}.remote.url is not an ssh URL`,
    ],
    [
      { url: 'git@h:x.git', https: { caFile: 'ca.pem' } },
      `${at}.remote.https is set, but ${at}.remote.url is not an https:// URL`,
    ],
    [
      { url: '/srv/x.git', branch: 'a..b' },
      `${at}.remote.branch 'a..b' is not a valid branch name`,
    ],
    [
      { url: '/srv/x.git', pushAttempts: 0 },
      `${at}.remote.pushAttempts must be a whole number from 1 to 20`,
    ],
    [
      { url: '/srv/x.git', fetchInterval: 'soon' },
      `${at}.remote.fetchInterval is not a duration`,
    ],
    [
      { url: '/srv/x.git', fetchInterval: { seconds: 0 } },
      `${at}.remote.fetchInterval must be a positive duration`,
    ],
  ])('names the bad remote key (%#)', (remote, message) => {
    expect(() => withRemote(remote as JsonValue)).toThrow(message);
  });

  it('refuses git.commit: false next to a remote', () => {
    expect(() => withRemote({ url: '/srv/x.git' }, { commit: false })).toThrow(
      `${at}.commit is false, but with ${at}.remote every write is a pushed commit`,
    );
  });

  it('never shows a password from the URL in its error', () => {
    expect(() =>
      withRemote({ url: 'https://portal:hunter2@git.example.com/x.git' }),
    ).not.toThrow(/hunter2/);
  });
});
