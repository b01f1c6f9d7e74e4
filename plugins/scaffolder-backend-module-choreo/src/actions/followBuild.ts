import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BuildSummary,
  ChoreoClient,
  ComponentRef,
} from '@choreo-for-backstage/plugin-choreo-common';
import { abortableSleep, describeWait } from './waiting';

export interface FollowBuildOptions {
  ref: ComponentRef;
  run: string;
  /** A client and a fresh token for each call: builds can outlast a token. */
  connect: () => Promise<{ client: ChoreoClient; token: string }>;
  logger: LoggerService;
  timeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
}

/**
 * Copies the build's log lines into the task log as they come. Logs need the
 * workflow plane; without it the backend answers 503 and the wait goes on
 * with status changes only.
 */
async function copyLogs(
  options: FollowBuildOptions,
  signal: AbortSignal,
): Promise<void> {
  const { ref, run, logger } = options;
  try {
    const { client, token } = await options.connect();
    for await (const event of client.streamBuildLogs(
      ref,
      run,
      // the backend follows a running build and replays a finished one
      {},
      { token, signal },
    )) {
      if (event.event === 'line') {
        const line = event.data as { task?: string; text?: string };
        logger.info(line.task ? `[${line.task}] ${line.text}` : `${line.text}`);
      } else if (event.event === 'end') {
        return;
      }
    }
  } catch (error) {
    if (!signal.aborted) {
      logger.warn(
        `Build logs of ${run} are not available, following its status only: ${
          (error as Error).message
        }`,
      );
    }
  }
}

function describeTasks(build: BuildSummary): string[] {
  return build.tasks.map(t => `step '${t.name}' ${t.phase ?? 'Pending'}`);
}

/**
 * Follows one build until it ends or the time is up: logs each status and
 * step change and the log lines, returns the finished build, and throws when
 * it failed or took too long.
 */
export async function followBuild(
  options: FollowBuildOptions,
): Promise<BuildSummary> {
  const { ref, run, logger } = options;
  const deadline = Date.now() + options.timeoutMs;
  const logsAbort = new AbortController();
  const onAbort = () => logsAbort.abort();
  options.signal?.addEventListener('abort', onAbort);
  // started once the store knows the run: before that the logs route answers 404
  let logs: Promise<void> | undefined;
  const seen = new Set<string>();
  let lastStatus = '';
  try {
    for (;;) {
      const { client, token } = await options.connect();
      const { items } = await client.getBuilds(ref, {
        token,
        signal: options.signal,
      });
      const build = items.find(b => b.name === run);
      if (build) {
        logs ??= copyLogs(options, logsAbort.signal);
        const status = `${build.status.state}: ${build.status.message}`;
        if (status !== lastStatus) {
          logger.info(`Build ${run} is ${status}`);
          lastStatus = status;
        }
        for (const task of describeTasks(build)) {
          if (!seen.has(task)) {
            seen.add(task);
            logger.info(`Build ${run}: ${task}`);
          }
        }
        if (build.status.state !== 'progressing') {
          // let the log stream deliver its last lines, but not forever
          await Promise.race([logs, abortableSleep(5_000, options.signal)]);
          if (build.status.state !== 'ready') {
            throw new Error(`Build ${run} failed: ${build.status.message}`);
          }
          return build;
        }
      } else if (!lastStatus) {
        lastStatus = 'unseen';
        logger.info(`Waiting for build ${run} to appear`);
      }
      if (options.signal?.aborted) {
        throw new Error(
          `Stopped following build ${run}: the task was cancelled`,
        );
      }
      if (Date.now() + options.pollMs > deadline) {
        throw new Error(
          `Build ${run} did not finish within ${describeWait(
            options.timeoutMs,
          )}; last seen: ${
            build ? build.status.message : 'not found yet'
          }. It may still finish; follow it on the component's Builds tab`,
        );
      }
      await abortableSleep(options.pollMs, options.signal);
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    logsAbort.abort();
    await logs;
  }
}
