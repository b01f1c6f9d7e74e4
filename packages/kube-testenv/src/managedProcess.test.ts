import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './kubeRest';
import { spawnManaged } from './managedProcess';
import { startOrphanWatchdog } from './orphanWatchdog';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('spawnManaged', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'managed-process-'));
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('stops the whole process group, including grandchildren', async () => {
    // The shell prints the pid of its background child, then waits for it.
    const proc = spawnManaged(
      'tree',
      'bash',
      ['-c', 'sleep 300 & echo "child=$!"; wait'],
      { stateDir },
    );
    const childPid = await waitFor('the child pid', async () => {
      const match = /child=(\d+)/.exec(proc.recentOutput());
      return match ? Number(match[1]) : undefined;
    });
    expect(isAlive(childPid)).toBe(true);
    expect(readFileSync(path.join(stateDir, 'tree.pgid'), 'utf8')).toBe(
      String(proc.pid),
    );

    await proc.stop();
    expect(proc.isRunning()).toBe(false);
    await waitFor(
      'the grandchild to die',
      async () => (isAlive(childPid) ? undefined : true),
      { timeoutMs: 10_000 },
    );
    expect(existsSync(path.join(stateDir, 'tree.pgid'))).toBe(false);
    expect(readFileSync(path.join(stateDir, 'tree.log'), 'utf8')).toContain(
      'child=',
    );
  });

  it('reports the exit code of a process that fails on its own', async () => {
    const proc = spawnManaged(
      'failing',
      'bash',
      ['-c', 'echo "bad flag" >&2; exit 3'],
      { stateDir },
    );
    await expect(proc.exited).resolves.toBe(3);
    expect(proc.recentOutput()).toContain('bad flag');
  });
});

describe('startOrphanWatchdog', () => {
  it('kills recorded process groups and removes the state dir when the parent dies', async () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'watchdog-'));
    // Stand-ins: a "test process" that will crash, and a "server" it started in its own group.
    const parent = spawn('sleep', ['300'], { stdio: 'ignore' });
    const server = spawn('sleep', ['300'], { stdio: 'ignore', detached: true });
    try {
      writeFileSync(path.join(stateDir, 'server.pgid'), String(server.pid));
      startOrphanWatchdog(stateDir, parent.pid!);

      parent.kill('SIGKILL');
      await waitFor(
        'the watchdog to kill the server',
        async () =>
          server.exitCode !== null || server.signalCode ? true : undefined,
        {
          timeoutMs: 15_000,
        },
      );
      expect(server.signalCode).toBe('SIGKILL');
      await waitFor(
        'the state dir to be removed',
        async () => (existsSync(stateDir) ? undefined : true),
        { timeoutMs: 15_000 },
      );
    } finally {
      server.kill('SIGKILL');
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
