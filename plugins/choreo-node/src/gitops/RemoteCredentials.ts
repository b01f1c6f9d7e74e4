import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRemoteConfig } from '../sources/gitRemoteConfig';
import { RemoteGitEnv, remoteGitEnv } from './remoteGitEnv';
import { GitRemoteError } from './remoteErrors';

/**
 * The credentials of one remote, read again for every operation so a
 * rotated secret (a re-mounted Kubernetes secret) takes effect without a
 * restart. The SSH key is copied to a private file: ssh ignores keys that
 * others may read, and mounted secrets are world-readable by default.
 */
export class RemoteCredentials {
  private privateDir?: string;
  private copiedKey?: string;

  constructor(private readonly remote: GitRemoteConfig) {}

  async environment(): Promise<RemoteGitEnv> {
    const { https, ssh } = this.remote;
    const password =
      https?.password ??
      (https?.passwordFile
        ? (
            await this.readSecret(
              https.passwordFile,
              'git.remote.https.passwordFile',
            )
          ).replace(/\r?\n$/, '')
        : undefined);
    const privateKeyPath = ssh
      ? await this.privateKeyCopy(ssh.privateKeyFile)
      : undefined;
    const result = remoteGitEnv(this.remote, { password, privateKeyPath });
    return result;
  }

  /** Removes the private copy of the key. */
  async dispose(): Promise<void> {
    const dir = this.privateDir;
    this.privateDir = undefined;
    this.copiedKey = undefined;
    if (dir) {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  private async privateKeyCopy(file: string): Promise<string> {
    const key = await this.readSecret(file, 'git.remote.ssh.privateKeyFile');
    if (!this.privateDir) {
      this.privateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-git-'));
      await fs.chmod(this.privateDir, 0o700);
    }
    const copy = path.join(this.privateDir, 'id');
    if (this.copiedKey !== key) {
      await fs.rm(copy, { force: true });
      // ssh wants the key to end with a newline
      await fs.writeFile(copy, key.endsWith('\n') ? key : `${key}\n`, {
        mode: 0o600,
      });
      this.copiedKey = key;
    }
    return copy;
  }

  private async readSecret(file: string, key: string): Promise<string> {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new GitRemoteError(
        'auth',
        `the secret file of ${key} cannot be read (${code})`,
      );
    }
  }
}
