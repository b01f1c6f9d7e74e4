import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { BackendFeature, LoggerService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { ChoreoClient } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoActionDeps } from '../actions';
import { sampleRemoteSource } from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import {
  copySampleOrganization,
  grantsPolicy,
  startChoreoBackend,
} from './choreoBackend';

export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';
export const MALLORY = 'user:default/mallory';

/** Alice and Bob may do anything; Mallory may only read. */
export const policy = grantsPolicy(
  { [MALLORY]: permission => permission === 'choreo.component.read' },
  () => true,
);

/** What one action run said and produced. */
export interface ActionRun {
  outputs: Record<string, unknown>;
  logs: string[];
}

/** Checkpoint state of one task, kept across runs as the scaffolder keeps it across retries. */
export type CheckpointState = Map<string, unknown>;

const taskIds = new WeakMap<CheckpointState, string>();
function taskIdOf(checkpoints: CheckpointState): string {
  let id = taskIds.get(checkpoints);
  if (!id) {
    id = randomUUID();
    taskIds.set(checkpoints, id);
  }
  return id;
}

function capturingLogger(lines: string[]): LoggerService {
  const log =
    (level: string) =>
    (message: string, meta?: Error | Record<string, unknown>) => {
      lines.push(`${level}: ${message}`);
      void meta;
    };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  return logger;
}

/**
 * A real choreo backend over a git copy of the Acme sample, and a way to run
 * actions against it as a given user, the way the scaffolder runs them.
 */
export async function startActionHarness(
  options: {
    config?: Record<string, unknown>;
    features?: BackendFeature[];
    /**
     * The sample is the GitOps repository of a control plane (a Git remote
     * the portal pushes to), so builds run; by default it is a local
     * directory nothing applies.
     */
    controlPlane?: boolean;
  } = {},
) {
  const sample = await copySampleOrganization();
  const backend = await startChoreoBackend({
    sourceDir: sample.dir,
    policy,
    config: {
      ...(options.controlPlane
        ? { sources: [sampleRemoteSource(sample)] }
        : {}),
      ...options.config,
    },
    features: options.features,
  });
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}/api/choreo`;
  const deps: ChoreoActionDeps = {
    discovery: {
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    },
    auth: mockServices.auth(),
  };

  async function run(
    action: TemplateAction<any, any>,
    input: Record<string, unknown>,
    opts: {
      user?: string;
      dryRun?: boolean;
      checkpoints?: CheckpointState;
    } = {},
  ): Promise<ActionRun> {
    const outputs: Record<string, unknown> = {};
    const logs: string[] = [];
    const checkpoints = opts.checkpoints ?? new Map<string, unknown>();
    const ctx = {
      ...createMockActionContext(),
      // one task per checkpoint state, as the scaffolder keeps both per task
      task: { id: taskIdOf(checkpoints) },
      input,
      logger: capturingLogger(logs),
      isDryRun: opts.dryRun ?? false,
      getInitiatorCredentials: async () =>
        mockCredentials.user(opts.user ?? ALICE),
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      // like the scaffolder: a stored success is returned instead of running again
      checkpoint: async ({
        key,
        fn,
      }: {
        key: string;
        fn: () => Promise<any>;
      }) => {
        if (checkpoints.has(key)) return checkpoints.get(key);
        const value = await fn();
        checkpoints.set(key, value ?? {});
        return value;
      },
    };
    await action.handler(ctx as any);
    return { outputs, logs };
  }

  /** The choreo backend's client as another user, e.g. an approver. */
  const clientAs = (user: string) => ({
    client: new ChoreoClient({ discoveryApi: deps.discovery }),
    options: { token: mockCredentials.user.token(user) },
  });

  /** `git log` subjects, newest first. */
  const commits = () =>
    sample.git('log', '--format=%s').split('\n').filter(Boolean);

  return {
    sample,
    backend,
    deps,
    run,
    clientAs,
    commits,
    stop: async () => {
      await backend.stop();
      await sample.cleanup();
    },
  };
}

export type ActionHarness = Awaited<ReturnType<typeof startActionHarness>>;
