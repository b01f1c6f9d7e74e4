import { spawn } from 'node:child_process';

// Runs outside Node so it survives a test process killed by SIGKILL (Jest does that to workers
// that do not exit in time). Every managed process writes `<name>.pgid` into the state dir.
// Stopping the environment normally removes the directory, which ends the watchdog.
const WATCHDOG_SCRIPT = `
parent="$1"; dir="$2"
while kill -0 "$parent" 2>/dev/null && [ -d "$dir" ]; do sleep 1; done
[ -d "$dir" ] || exit 0
for f in "$dir"/*.pgid; do
  [ -f "$f" ] && kill -KILL -- "-$(cat "$f")" 2>/dev/null
done
sleep 1
rm -rf "$dir"
`;

/**
 * Starts a detached shell that kills the process groups recorded in `stateDir` and deletes the
 * directory once `parentPid` (this Node process) is gone, so no etcd or kube-apiserver outlives a crashed test.
 */
export function startOrphanWatchdog(
  stateDir: string,
  parentPid: number = process.pid,
): void {
  const watchdog = spawn(
    'bash',
    [
      '-c',
      WATCHDOG_SCRIPT,
      'kube-testenv-watchdog',
      String(parentPid),
      stateDir,
    ],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  watchdog.unref();
}
