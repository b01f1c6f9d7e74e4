import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BackendFeature,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import choreoPlugin from '@choreo-for-backstage/plugin-choreo-backend';

// Like the choreo backend's own test utilities (which other packages may not
// import): the real plugin over a git copy of the Acme sample.

const EXAMPLES = path.resolve(__dirname, '../../../../examples/acme');

type Decision = Awaited<
  ReturnType<PermissionsService['authorize']>
>[number]['result'];

/** Decides a permission for a user; the test's stand-in for a permission policy. */
export type TestPolicy = (user: string, permission: string) => boolean;

/** A git work tree holding a fresh copy of the Acme sample organization. */
export async function copySampleOrganization() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-actions-'));
  const dir = path.join(tmp, 'acme');
  await fs.cp(EXAMPLES, dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    }).trim();
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'sample organization');
  return {
    dir,
    git,
    cleanup: () => fs.rm(tmp, { recursive: true, force: true }),
  };
}

/** The choreo backend plugin's permission decisions, made by `policy`. */
export function choreoPermissions(policy: TestPolicy) {
  return mockServices.permissions.mock({
    authorize: async (requests, options) => {
      const principal = options?.credentials.principal as {
        userEntityRef?: string;
      };
      const user = principal?.userEntityRef ?? 'service';
      return requests.map(r => ({
        result: (policy(user, r.permission.name)
          ? 'ALLOW'
          : 'DENY') as Decision,
      }));
    },
  });
}

/** The choreo plugin's config for a directory source in GitOps mode. */
export function choreoConfig(
  sourceDir: string,
  extra: Record<string, unknown> = {},
) {
  return {
    choreo: {
      sources: [
        {
          type: 'directory',
          name: 'acme',
          path: sourceDir,
          git: { commit: true },
        },
      ],
      ...extra,
    },
  };
}

/** Starts the real choreo backend over a directory source. */
export async function startChoreoBackend(options: {
  sourceDir: string;
  policy: TestPolicy;
  config?: Record<string, unknown>;
  features?: BackendFeature[];
}) {
  return startTestBackend({
    features: [
      choreoPlugin,
      choreoPermissions(options.policy).factory,
      mockServices.rootConfig.factory({
        data: choreoConfig(options.sourceDir, options.config),
      }),
      ...(options.features ?? []),
    ],
  });
}

/** Polls until `check` stops throwing; the directory source sees writes through a file watcher. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}
