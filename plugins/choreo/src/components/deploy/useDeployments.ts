import { useApi } from '@backstage/frontend-plugin-api';
import {
  ChangeRequest,
  ComponentDeployments,
  choreoComponentEntityRef,
} from '@choreo-for-backstage/plugin-choreo-common';
import { useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { choreoApiRef } from '../../api/choreoApi';

export interface DeployData {
  deployments: ComponentDeployments;
  /** The newest change requests of this component, newest first (one page). */
  requests: ChangeRequest[];
  /** Set when the requests could not be read; the lanes still show. */
  requestsError?: Error;
}

/**
 * How often the lanes reload while shown. Statuses move on by themselves
 * (progressing → ready), and a write reaches the store through its source a
 * moment after the write's answer. Unchanged answers are cheap: the backend
 * serves them from its read-model cache.
 */
export const DEPLOYMENTS_REFRESH_MS = 5_000;

/** The component's lanes and its change requests, kept current; `retry` reloads both now. */
export function useDeployments(ref: { namespace: string; name: string }) {
  const api = useApi(choreoApiRef);
  const state = useAsyncRetry(async (): Promise<DeployData> => {
    const component = choreoComponentEntityRef(ref);
    const [deployments, requests] = await Promise.all([
      api.getDeployments(ref),
      // every open request (however long the history), then the recent history
      Promise.all([
        api.listChangeRequests({ component, open: true }),
        api.listChangeRequests({ component }),
      ])
        .then(([open, recent]) => ({
          items: [
            ...open.items,
            ...recent.items.filter(r => !open.items.some(o => o.id === r.id)),
          ],
          error: undefined,
        }))
        .catch((error: Error) => ({ items: [] as ChangeRequest[], error })),
    ]);
    return {
      deployments,
      requests: requests.items,
      requestsError: requests.error,
    };
  }, [api, ref.namespace, ref.name]);

  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    const timer = setInterval(() => {
      const { loading, retry } = latest.current;
      if (!loading && document.visibilityState !== 'hidden') retry();
    }, DEPLOYMENTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return state;
}
