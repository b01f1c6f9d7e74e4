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
  /** The server ended the stream for good (`complete`, `error`) or the connection closed. */
  | { state: 'ended'; message: string }
  | { state: 'failed'; error: Error & { statusCode?: number } };

type StreamEvent = { event: string; data: unknown };

/** Why a stream stopped for good, from its `end` event (none: the connection closed). */
function endMessage(end: string | undefined, error: string | undefined) {
  if (end === 'error') {
    return `The flow stream failed: ${error ?? 'no reason given'}`;
  }
  if (end === 'complete') return 'The flow source ended the stream.';
  return 'The connection to the flow stream closed.';
}

/**
 * Live flows of a component or project: keeps one stream open, opens the
 * next when the server ends one with `timeout` (streams have a hard time
 * limit), and starts over when the environment or a filter changes.
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
      for (let reconnects = 0; ; reconnects++) {
        const events = open();
        let end: string | undefined;
        let errorMessage: string | undefined;
        let announced = false;
        for await (const e of events) {
          if (!announced) {
            announced = true;
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
        if (controller.signal.aborted) return;
        if (end === 'timeout') continue;
        setStatus({ state: 'ended', message: endMessage(end, errorMessage) });
        return;
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
