import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useState } from 'react';
import { choreoApiRef } from '../../api/choreoApi';
import { LogLine, toLogLine } from './logLines';

export interface BuildLogState {
  lines: LogLine[];
  /** True until the `end` event (or an error) arrives. */
  streaming: boolean;
  /** Why the stream ended: complete, timeout, error. */
  endReason?: string;
  error?: Error;
}

/**
 * Streams the log of a run (or one of its steps). Lines arrive as `line`
 * events while the run goes on; the stream closes when the view changes.
 */
export function useBuildLogStream(
  ref: { namespace: string; name: string },
  run: string,
  task?: string,
): BuildLogState {
  const api = useApi(choreoApiRef);
  const [state, setState] = useState<BuildLogState>({
    lines: [],
    streaming: true,
  });

  useEffect(() => {
    const controller = new AbortController();
    setState({ lines: [], streaming: true });
    let count = 0;
    // Logs come in bursts of thousands of lines: render them in batches.
    let pending: LogLine[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (controller.signal.aborted) return;
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      setState(s => ({ ...s, lines: [...s.lines, ...batch] }));
    };
    (async () => {
      try {
        const events = api.streamBuildLogs(
          { namespace: ref.namespace, name: ref.name },
          run,
          { task },
          { signal: controller.signal },
        );
        for await (const e of events) {
          if (e.event === 'line') {
            count += 1;
            pending.push(toLogLine(e.data, count));
            timer ??= setTimeout(flush, 50);
            continue;
          }
          flush();
          if (e.event === 'error') {
            const message =
              (e.data as { message?: string })?.message ?? 'unknown error';
            setState(s => ({ ...s, error: new Error(message) }));
          } else if (e.event === 'end') {
            const reason = (e.data as { reason?: string })?.reason;
            setState(s => ({ ...s, streaming: false, endReason: reason }));
          }
        }
        flush();
        setState(s => (s.streaming ? { ...s, streaming: false } : s));
      } catch (error) {
        if (controller.signal.aborted) return;
        flush();
        setState(s => ({ ...s, streaming: false, error: error as Error }));
      }
    })();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [api, ref.namespace, ref.name, run, task]);

  return state;
}
