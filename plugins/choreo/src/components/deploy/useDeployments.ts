import { useApi } from '@backstage/frontend-plugin-api';
import {
  ComponentDeployments,
  PromotionRequest,
  choreoComponentEntityRef,
} from '@choreo-for-backstage/plugin-choreo-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { choreoApiRef } from '../../api/choreoApi';

export interface DeployData {
  deployments: ComponentDeployments;
  /** Promotion requests of this component, newest first. */
  requests: PromotionRequest[];
  /** Set when the requests could not be read; the lanes still show. */
  requestsError?: Error;
}

/** The component's lanes and its promotion requests; `retry` reloads both. */
export function useDeployments(ref: { namespace: string; name: string }) {
  const api = useApi(choreoApiRef);
  return useAsyncRetry(async (): Promise<DeployData> => {
    const [deployments, requests] = await Promise.all([
      api.getDeployments(ref),
      api
        .listPromotionRequests({ component: choreoComponentEntityRef(ref) })
        .then(r => ({ items: r.items, error: undefined }))
        .catch((error: Error) => ({ items: [] as PromotionRequest[], error })),
    ]);
    return {
      deployments,
      requests: requests.items,
      requestsError: requests.error,
    };
  }, [api, ref.namespace, ref.name]);
}
