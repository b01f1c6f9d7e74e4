import { testRemoteConfig } from './__testUtils__/remoteConfig';
import { remoteGitEnv } from './remoteGitEnv';

describe('remoteGitEnv', () => {
  it('sends HTTPS credentials as a header scoped to the remote, through the environment', () => {
    const { env, unsetEnv, secrets } = remoteGitEnv(
      testRemoteConfig('https://git.example.com/a.git', {
        https: { username: 'portal', password: 'pw', caFile: '/ca.pem' },
      }),
      { password: 't0ken' },
      {},
    );
    expect(env).toEqual({
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: '4',
      GIT_CONFIG_KEY_0: 'credential.helper',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'core.askPass',
      GIT_CONFIG_VALUE_1: '',
      GIT_CONFIG_KEY_2: 'http.https://git.example.com/a.git.extraHeader',
      GIT_CONFIG_VALUE_2: `Authorization: Basic ${Buffer.from(
        'portal:t0ken',
      ).toString('base64')}`,
      GIT_CONFIG_KEY_3: 'http.sslCAInfo',
      GIT_CONFIG_VALUE_3: '/ca.pem',
    });
    expect(unsetEnv).toEqual(['GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_SSL_CAINFO']);
    expect(secrets).toEqual(['t0ken', 'portal:t0ken']);
  });

  it('uses only the given SSH key and the known hosts, strictly', () => {
    const { env, unsetEnv } = remoteGitEnv(
      testRemoteConfig('git@h:a.git', {
        ssh: {
          privateKeyFile: '/secret/id',
          knownHostsFile: "/it's/known_hosts",
        },
      }),
      { privateKeyPath: '/tmp/private/id' },
      {},
    );
    expect(env.GIT_SSH_COMMAND).toBe(
      `ssh -i '/tmp/private/id' -o IdentitiesOnly=yes -o 'UserKnownHostsFile=/it'\\''s/known_hosts' -o StrictHostKeyChecking=yes -o BatchMode=yes`,
    );
    expect(unsetEnv).toContain('GIT_SSH');
  });

  it('keeps settings the backend was given through GIT_CONFIG_COUNT', () => {
    const { env } = remoteGitEnv(
      testRemoteConfig('/srv/a.git'),
      {},
      {
        GIT_CONFIG_COUNT: '2',
      },
    );
    expect(env).toMatchObject({
      GIT_CONFIG_COUNT: '4',
      GIT_CONFIG_KEY_2: 'credential.helper',
      GIT_CONFIG_KEY_3: 'core.askPass',
    });
  });
});
