import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeClosedPort } from '../../buildLogs/__testUtils__/closedPort';
import { ensureGitServers } from './ensureGitServers';
import { startServer } from './serverProcess';
import { TestGitRemote } from './TestGitRemote';

export interface SshGitServer {
  /** ssh://<user>@127.0.0.1:<port>/<path of the bare repository> */
  url: string;
  /** The client key the server accepts. */
  privateKeyFile: string;
  /** A client key the server does not know. */
  unknownKeyFile: string;
  /** The server's host key, as a known_hosts line. */
  knownHostsFile: string;
  stop(): Promise<void>;
}

function keyPair(file: string) {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file], {
    stdio: 'pipe',
  });
}

/**
 * Debian's sshd on a free loopback port with its own host key, accepting one
 * client key for the current user, who runs git-upload-pack and
 * git-receive-pack on the remote's bare repository.
 */
export async function startSshGitServer(
  remote: TestGitRemote,
): Promise<SshGitServer> {
  ensureGitServers();
  const dir = remote.folder('ssh');
  fs.mkdirSync(dir, { recursive: true });
  const host = path.join(dir, 'host_key');
  const client = path.join(dir, 'client_key');
  const unknown = path.join(dir, 'unknown_key');
  [host, client, unknown].forEach(keyPair);
  // a Kubernetes secret volume is world-readable: the portal must cope
  fs.chmodSync(client, 0o644);
  fs.copyFileSync(`${client}.pub`, path.join(dir, 'authorized_keys'));
  const root = process.getuid?.() === 0;
  if (root) {
    // sshd's privilege separation directory (the package does not create it)
    fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  }
  const port = await freeClosedPort();
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${host}`,
      `PidFile ${dir}/sshd.pid`,
      `AuthorizedKeysFile ${dir}/authorized_keys`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'UseDNS no',
      'PrintMotd no',
      'PrintLastLog no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const knownHosts = path.join(dir, 'known_hosts');
  const [type, publicKey] = fs
    .readFileSync(`${host}.pub`, 'utf8')
    .trim()
    .split(' ');
  fs.writeFileSync(knownHosts, `[127.0.0.1]:${port} ${type} ${publicKey}\n`);

  const server = await startServer(
    '/usr/sbin/sshd',
    ['-D', '-e', '-f', config],
    port,
  );
  return {
    url: `ssh://${os.userInfo().username}@127.0.0.1:${port}${remote.bare}`,
    privateKeyFile: client,
    unknownKeyFile: unknown,
    knownHostsFile: knownHosts,
    stop: server.stop,
  };
}
