import fs from 'node:fs';
import path from 'node:path';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { parseRemoteUrl } from '../gitops/remoteUrl';

/** HTTPS access to a remote: basic auth with a password or access token, and an own CA. */
export interface GitHttpsAuthConfig {
  username?: string;
  /** Secret; one of password and passwordFile. */
  password?: string;
  /** A mounted secret holding the password or token; read for every operation. */
  passwordFile?: string;
  /** CA bundle that signed the server's certificate (git's http.sslCAInfo). */
  caFile?: string;
}

/** SSH access to a remote: a private key and the known server keys. */
export interface GitSshAuthConfig {
  privateKeyFile: string;
  knownHostsFile: string;
}

/** The Git remote a directory source follows and pushes its writes to. */
export interface GitRemoteConfig {
  url: string;
  branch: string;
  https?: GitHttpsAuthConfig;
  ssh?: GitSshAuthConfig;
  /** How often the remote is fetched. */
  fetchIntervalMs: number;
  /** Pushes per write before giving up when others keep pushing first. */
  pushAttempts: number;
  /** Wait before the second push attempt; doubles after each, with jitter. */
  retryDelayMs: number;
}

export const GIT_REMOTE_DEFAULTS = {
  branch: 'main',
  fetchIntervalMs: 30_000,
  pushAttempts: 5,
  retryDelayMs: 200,
} as const;

// git check-ref-format, the parts a configured branch name can get wrong
const BAD_BRANCH = /(^[-/.])|([/.]$)|\.\.|\/\/|@\{|[\s~^:?*[\\]|\.lock$/;

function isBadBranch(name: string): boolean {
  return (
    BAD_BRANCH.test(name) ||
    [...name].some(c => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  );
}

/**
 * Reads `git.remote` of a directory source entry (`at` is the entry's key,
 * e.g. `choreo.sources[0]`). Undefined when no remote is configured. Throws an
 * error naming the key when a setting is missing, invalid or points at a file
 * that cannot be read.
 */
export function readGitRemoteConfig(
  entry: Config,
  at: string,
  workingDirectory: string,
): GitRemoteConfig | undefined {
  const remote = entry.getOptionalConfig('git.remote');
  if (!remote) {
    return undefined;
  }
  const key = `${at}.git.remote`;
  if (entry.getOptionalBoolean('git.commit') === false) {
    throw new Error(
      `${at}.git.commit is false, but with ${key} every write is a pushed commit; remove git.commit or set it to true`,
    );
  }
  const url = remote.getString('url').trim();
  const info = parseRemoteUrl(url);
  if (!info) {
    throw new Error(
      `${key}.url is not a Git URL git can push to; use https://host/path.git, ssh://user@host/path.git, user@host:path.git or an absolute path`,
    );
  }
  if (info.hasPassword) {
    throw new Error(
      `${key}.url must not hold credentials; put the password or token in ${key}.https.password or ${key}.https.passwordFile`,
    );
  }
  const file = (name: string, value: string | undefined) =>
    value === undefined
      ? undefined
      : readableFile(name, value, workingDirectory);

  const httpsConfig = remote.getOptionalConfig('https');
  const sshConfig = remote.getOptionalConfig('ssh');
  let https: GitHttpsAuthConfig | undefined;
  let ssh: GitSshAuthConfig | undefined;

  if (httpsConfig) {
    if (info.transport !== 'https' && info.transport !== 'http') {
      throw new Error(
        `${key}.https is set, but ${key}.url is not an https:// URL; use ${key}.ssh for an ssh URL`,
      );
    }
    const username = httpsConfig.getOptionalString('username');
    const password = httpsConfig.getOptionalString('password');
    const passwordFile = httpsConfig.getOptionalString('passwordFile');
    if (password !== undefined && passwordFile !== undefined) {
      throw new Error(
        `${key}.https sets both password and passwordFile; keep one`,
      );
    }
    const hasSecret = password !== undefined || passwordFile !== undefined;
    if (hasSecret && !username?.trim()) {
      throw new Error(
        `${key}.https.username is required with a password or token (for a token, any name the Git server accepts, e.g. 'oauth2' or 'x-access-token')`,
      );
    }
    if (password !== undefined && !password) {
      throw new Error(`${key}.https.password must not be empty`);
    }
    if (hasSecret && info.transport === 'http') {
      throw new Error(
        `${key}.url is plain http://, which would send ${key}.https credentials unencrypted; use an https:// URL`,
      );
    }
    https = withoutUndefined({
      username: username?.trim(),
      password,
      passwordFile: file(`${key}.https.passwordFile`, passwordFile),
      caFile: file(
        `${key}.https.caFile`,
        httpsConfig.getOptionalString('caFile'),
      ),
    });
  }
  if (sshConfig) {
    if (info.transport !== 'ssh') {
      throw new Error(
        `${key}.ssh is set, but ${key}.url is not an ssh URL (ssh://user@host/path.git or user@host:path.git)`,
      );
    }
    ssh = {
      privateKeyFile: file(
        `${key}.ssh.privateKeyFile`,
        sshConfig.getString('privateKeyFile'),
      )!,
      knownHostsFile: file(
        `${key}.ssh.knownHostsFile`,
        sshConfig.getString('knownHostsFile'),
      )!,
    };
  } else if (info.transport === 'ssh') {
    throw new Error(
      `${key}.ssh.privateKeyFile and ${key}.ssh.knownHostsFile are required for the ssh URL in ${key}.url`,
    );
  }

  const branch = (
    remote.getOptionalString('branch') ?? GIT_REMOTE_DEFAULTS.branch
  ).trim();
  if (!branch || isBadBranch(branch)) {
    throw new Error(`${key}.branch '${branch}' is not a valid branch name`);
  }
  const pushAttempts =
    remote.getOptionalNumber('pushAttempts') ??
    GIT_REMOTE_DEFAULTS.pushAttempts;
  if (
    !Number.isInteger(pushAttempts) ||
    pushAttempts < 1 ||
    pushAttempts > 20
  ) {
    throw new Error(`${key}.pushAttempts must be a whole number from 1 to 20`);
  }
  return withoutUndefined({
    url,
    branch,
    https,
    ssh,
    fetchIntervalMs: duration(
      remote,
      'fetchInterval',
      `${key}.fetchInterval`,
      GIT_REMOTE_DEFAULTS.fetchIntervalMs,
    ),
    pushAttempts,
    retryDelayMs: duration(
      remote,
      'retryDelay',
      `${key}.retryDelay`,
      GIT_REMOTE_DEFAULTS.retryDelayMs,
      true,
    ),
  });
}

function duration(
  config: Config,
  name: string,
  key: string,
  fallback: number,
  zeroAllowed = false,
): number {
  if (!config.has(name)) {
    return fallback;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key: name }));
  } catch (error) {
    throw new Error(
      `${key} is not a duration (e.g. '30s' or { seconds: 30 }): ${
        (error as Error).message
      }`,
    );
  }
  if (!Number.isFinite(ms) || ms < 0 || (!zeroAllowed && ms === 0)) {
    throw new Error(`${key} must be a positive duration`);
  }
  return ms;
}

/** The absolute path of a file the backend can read; names the key when not. */
function readableFile(key: string, value: string, cwd: string): string {
  if (!value.trim()) {
    throw new Error(`${key} must not be empty`);
  }
  const absolute = path.resolve(cwd, value.trim());
  try {
    if (!fs.statSync(absolute).isFile()) {
      throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    }
    fs.accessSync(absolute, fs.constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(
      `${key} '${absolute}' cannot be read (${code}); mount the secret there or fix the path`,
    );
  }
  return absolute;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
