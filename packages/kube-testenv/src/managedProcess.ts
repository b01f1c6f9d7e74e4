import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A child process started in its own process group, so stopping it also stops its children. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** True until the process has exited. */
  isRunning(): boolean;
  /** The last lines the process wrote, for error messages. */
  recentOutput(): string;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** Directory for `<name>.log` and the `<name>.pgid` file read by the orphan watchdog. */
  stateDir: string;
  env?: NodeJS.ProcessEnv;
}

const RECENT_LINES = 40;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Last line of defence against orphans: when the test process exits normally (including a
 * failed suite), kill every process group we started. Signals and SIGKILL are covered by the
 * watchdog in orphanWatchdog.ts.
 */
function installExitHook(): void {
  if (exitHookInstalled) {
    return;
  }
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) {
      killGroup(child.pid, 'SIGKILL');
    }
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) {
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Starts `command` detached in a new process group, logging to `<stateDir>/<name>.log`. */
export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions,
): ManagedProcess {
  installExitHook();
  mkdirSync(options.stateDir, { recursive: true });
  const logPath = path.join(options.stateDir, `${name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  const recent: string[] = [];
  // The log file is a convenience: losing it (its folder removed by a test's
  // cleanup while the stream still opens) must not crash the test process.
  log.on('error', error => {
    recent.push(`log file ${logPath} unavailable: ${error.message}`);
  });
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  if (!child.pid) {
    log.end();
    throw new Error(
      `Could not start ${name} (${command}); is the binary executable?`,
    );
  }
  const pid = child.pid;
  running.add(child);
  const pgidFile = path.join(options.stateDir, `${name}.pgid`);
  writeFileSync(pgidFile, String(pid));

  const collect = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) {
        recent.push(line);
      }
    }
    recent.splice(0, Math.max(0, recent.length - RECENT_LINES));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let alive = true;
  const exited = new Promise<number | string>(resolve => {
    child.once('exit', (code, signal) => {
      alive = false;
      running.delete(child);
      rmSync(pgidFile, { force: true });
      log.end();
      // A group leader that exits may leave children behind (for example a shell wrapper).
      killGroup(pid, 'SIGKILL');
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', error => {
      recent.push(`spawn error: ${error.message}`);
    });
  });

  return {
    name,
    pid,
    exited,
    isRunning: () => alive,
    recentOutput: () =>
      `--- last output of ${name} (full log: ${logPath}) ---\n${recent.join(
        '\n',
      )}`,
    async stop(graceMs = 15_000) {
      if (!alive) {
        return;
      }
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      try {
        await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
