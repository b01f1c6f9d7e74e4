import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

let ensured = false;

/**
 * Installs Debian's lighttpd and openssh-server when they are missing
 * (scripts/ensure-git-servers.sh; apt-get as root). scripts/test-all.sh runs
 * it before Jest; this covers running a test file on its own.
 */
export function ensureGitServers(): void {
  if (ensured) {
    return;
  }
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'scripts/ensure-git-servers.sh'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        'scripts/ensure-git-servers.sh not found above the tests',
      );
    }
    dir = parent;
  }
  execFileSync(path.join(dir, 'scripts/ensure-git-servers.sh'), {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  ensured = true;
}
