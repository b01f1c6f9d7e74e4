import { useEffect, useReducer, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  FlowRecord,
  FlowStreamFilter,
} from '@choreo-for-backstage/plugin-choreo-common';
import { choreoApiRef } from '../../api/choreoApi';
import { ChoreoResourceRef } from '../../hooks/useChoreoRef';
import { flowTableReducer, initialFlowTableState } from './flowTableState';

export type FlowStreamStatus =
  | { state: 'connecting' }
  | { state: 'live'; reconnects: number }
  /** The connection dropped (a replica went away, the network blinked): opening it again. */
  | { state: 'reconnecting'; attempt: number }
  /** The server ended the stream for good (`complete`, `error`) or the connection closed. */
  | { state: 'ended'; message: string }
  | { state: 'failed'; error: Error & { statusCode?: number } };

type StreamEvent = { event: string; data: unknown };

/** Why a stream stopped for good, from its `end` event. */
function endMessage(end: string, error: string | undefined) {
  if (end === 'error') {
    return `The flow stream failed: ${error ?? 'no reason given'}`;
  }
  return 'The flow source ended the stream.';
}

/** Openings in a row that get nothing before the stream gives up. */
const REOPEN_ATTEMPTS = 5;

/** Wait before the n-th opening in a row that got nothing: 1 s, 2 s, 4 s … at most 10 s. */
const reopenDelayMs = (attempt: number) =>
  Math.min(10_000, 1000 * 2 ** (attempt - 1));

const hasHttpStatus = (error: unknown) =>
  typeof (error as { statusCode?: unknown })?.statusCode === 'number';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Live flows of a component or project: keeps one stream open, opens the
 * next when the server ends one with `timeout` (streams have a hard time
 * limit) or the connection drops (a backend replica went away: the load
 * balancer sends the next one elsewhere), and starts over when the
 * environment or a filter changes. An answer with an HTTP status (403, 503)
 * is final.
 */
export function useFlowStream(
  ref: ChoreoResourceRef,
  filter: FlowStreamFilter | undefined,
) {
  const api = useApi(choreoApiRef);
  const [table, dispatch] = useReducer(
    flowTableReducer,
    undefined,
    initialFlowTableState,
  );
  const [status, setStatus] = useState<FlowStreamStatus>({
    state: 'connecting',
  });
  // bumped by "Reconnect" after a stream ended
  const [attempt, setAttempt] = useState(0);
  const { kind, namespace, name } = ref;
  const environment = filter?.environment;
  const verdict = filter?.verdict;
  const direction = filter?.direction;
  const peer = filter?.peer;

  useEffect(() => {
    if (!environment) return undefined;
    const controller = new AbortController();
    const query: FlowStreamFilter = { environment, verdict, direction, peer };
    const open = (): AsyncGenerator<StreamEvent> =>
      kind === 'Project'
        ? api.streamProjectFlows({ namespace, name }, query, {
            signal: controller.signal,
          })
        : api.streamComponentFlows({ namespace, name }, query, {
            signal: controller.signal,
          });

    const run = async () => {
      dispatch({ type: 'reset' });
      setStatus({ state: 'connecting' });
      let reconnects = 0;
      // openings in a row that got nothing (reset by every event)
      let failures = 0;
      for (let opened = 0; ; opened++) {
        let end: string | undefined;
        let errorMessage: string | undefined;
        let announced = false;
        try {
          for await (const e of open()) {
            failures = 0;
            if (!announced) {
              announced = true;
              if (opened > 0) reconnects++;
              setStatus({ state: 'live', reconnects });
            }
            if (e.event === 'flow') {
              dispatch({ type: 'flows', flows: [e.data as FlowRecord] });
            } else if (e.event === 'lost') {
              dispatch({
                type: 'lost',
                count: (e.data as { count: number }).count,
              });
            } else if (e.event === 'error') {
              errorMessage = (e.data as { message?: string })?.message;
            } else if (e.event === 'end') {
              end = (e.data as { reason?: string })?.reason;
            }
          }
        } catch (error) {
          // an answer (403, 503) is final; a dropped connection is not
          if (controller.signal.aborted || hasHttpStatus(error)) throw error;
        }
        if (controller.signal.aborted) return;
        if (end === 'timeout') continue;
        if (end !== undefined) {
          setStatus({ state: 'ended', message: endMessage(end, errorMessage) });
          return;
        }
        // the connection closed without an end: open it again
        failures++;
        if (failures > REOPEN_ATTEMPTS) {
          setStatus({
            state: 'ended',
            message: `The connection to the flow stream closed and did not come back after ${REOPEN_ATTEMPTS} attempts.`,
          });
          return;
        }
        setStatus({ state: 'reconnecting', attempt: failures });
        await sleep(reopenDelayMs(failures), controller.signal);
        if (controller.signal.aborted) return;
      }
    };
    run().catch(error => {
      if (controller.signal.aborted) return;
      setStatus({ state: 'failed', error });
    });
    return () => controller.abort();
  }, [
    api,
    kind,
    namespace,
    name,
    environment,
    verdict,
    direction,
    peer,
    attempt,
  ]);

  return {
    table,
    status,
    pause: () => dispatch({ type: 'pause' }),
    resume: () => dispatch({ type: 'resume' }),
    reconnect: () => setAttempt(a => a + 1),
  };
}
