import { GitRemoteConfig } from '../sources/gitRemoteConfig';

/** The secrets of one remote operation, as read from config or files. */
export interface RemoteSecrets {
  /** HTTPS password or token. */
  password?: string;
  /** A private copy of the SSH key (mode 0600, as ssh demands). */
  privateKeyPath?: string;
}

/** How to run git against the remote: environment to add and to leave out. */
export interface RemoteGitEnv {
  env: Record<string, string>;
  unsetEnv: string[];
  /** Values no log line or message may show. */
  secrets: string[];
}

/** A path as one word of a shell command line (GIT_SSH_COMMAND goes through sh). */
function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The environment for git commands that talk to the remote. Credentials go
 * through the environment, never through argv (visible in `ps`) or the
 * repository's config file: HTTPS as an Authorization header scoped to the
 * remote URL (git's `GIT_CONFIG_KEY_n`), SSH as `GIT_SSH_COMMAND` with only
 * the configured key and strict host key checking. Credential helpers and
 * prompts are switched off, so a wrong secret fails instead of hanging or
 * falling back to another identity.
 */
export function remoteGitEnv(
  remote: GitRemoteConfig,
  secrets: RemoteSecrets,
  inherited: NodeJS.ProcessEnv = process.env,
): RemoteGitEnv {
  const settings: Array<[string, string]> = [
    ['credential.helper', ''],
    ['core.askPass', ''],
  ];
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0' };
  const unsetEnv = ['GIT_ASKPASS', 'SSH_ASKPASS'];
  const hidden: string[] = [];

  const { https, ssh } = remote;
  if (https?.username && secrets.password) {
    const pair = `${https.username}:${secrets.password}`;
    settings.push([
      `http.${remote.url}.extraHeader`,
      `Authorization: Basic ${Buffer.from(pair).toString('base64')}`,
    ]);
    hidden.push(secrets.password, pair);
  }
  if (https?.caFile) {
    settings.push(['http.sslCAInfo', https.caFile]);
    // the variable would win over the setting
    unsetEnv.push('GIT_SSL_CAINFO');
  }
  if (ssh && secrets.privateKeyPath) {
    env.GIT_SSH_COMMAND = [
      'ssh',
      '-i',
      shellWord(secrets.privateKeyPath),
      '-o IdentitiesOnly=yes',
      '-o',
      shellWord(`UserKnownHostsFile=${ssh.knownHostsFile}`),
      '-o StrictHostKeyChecking=yes',
      '-o BatchMode=yes',
    ].join(' ');
    env.GIT_SSH_VARIANT = 'ssh';
    unsetEnv.push('GIT_SSH');
  }

  // keep settings someone passed to the backend the same way
  const offset = Number.parseInt(inherited.GIT_CONFIG_COUNT ?? '0', 10) || 0;
  settings.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${offset + i}`] = key;
    env[`GIT_CONFIG_VALUE_${offset + i}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(offset + settings.length);
  return { env, unsetEnv, secrets: hidden };
}
