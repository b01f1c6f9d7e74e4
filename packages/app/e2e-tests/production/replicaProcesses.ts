import { expect } from '@playwright/test';
// Playwright tests run in Node, not in the browser like the rest of this package.
// eslint-disable-next-line no-restricted-imports
import { execFile } from 'child_process';
// eslint-disable-next-line no-restricted-imports
import { promises as fs } from 'fs';

/*
 * The backend replicas behind the load balancer, as scripts/e2e-production.sh
 * started them: each with its own URL, PID file, start script and clone of
 * the Git remote (E2E_REPLICA_<NAME>_*).
 */

export interface Replica {
  name: string;
  /** The replica itself, past the load balancer. */
  url: string;
  pidFile: string;
  /** Starts it again in the background after a kill. */
  start: string;
  /** Its clone of the Git remote (the directory source's path). */
  clone: string;
}

function variable(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run these tests with scripts/e2e-production.sh`,
    );
  }
  return value;
}

export function replicas(): Replica[] {
  return variable('E2E_REPLICAS')
    .split(/\s+/)
    .filter(Boolean)
    .map(name => {
      const prefix = `E2E_REPLICA_${name.toUpperCase()}`;
      return {
        name,
        url: variable(`${prefix}_URL`),
        pidFile: variable(`${prefix}_PID_FILE`),
        start: variable(`${prefix}_START`),
        clone: variable(`${prefix}_CLONE`),
      };
    });
}

export function replicaNamed(name: string): Replica {
  const found = replicas().find(r => r.name === name);
  if (!found) {
    throw new Error(`no replica '${name}' in E2E_REPLICAS`);
  }
  return found;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  } catch {
    return false;
  }
}

const readiness = (base: string) => `${base}/.backstage/health/v1/readiness`;

/** Which replica the load balancer sent a request to (HAProxy's X-Choreo-Replica). */
export async function replicaBehind(portal: string): Promise<string | null> {
  const response = await fetch(readiness(portal));
  return response.headers.get('x-choreo-replica');
}

/**
 * Kills a replica as a crash would: SIGKILL to its whole process group (the
 * backend and the git commands it runs), and waits until its port no longer
 * answers.
 */
export async function killReplica(replica: Replica): Promise<void> {
  const pid = Number((await fs.readFile(replica.pidFile, 'utf8')).trim());
  expect(pid).toBeGreaterThan(1);
  process.kill(-pid, 'SIGKILL');
  await expect
    .poll(() => answers(readiness(replica.url)), { timeout: 30_000 })
    .toBe(false);
}

/**
 * Starts a killed replica again with its start script, and waits until it
 * is ready and the load balancer sends requests to it again.
 */
export async function restartReplica(
  replica: Replica,
  portal: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    execFile(replica.start, error => (error ? reject(error) : resolve())),
  );
  await expect
    .poll(() => answers(readiness(replica.url)), {
      timeout: 4 * 60_000,
      intervals: [2_000],
    })
    .toBe(true);
  await expect
    .poll(() => replicaBehind(portal), { timeout: 60_000, intervals: [250] })
    .toBe(replica.name);
}
