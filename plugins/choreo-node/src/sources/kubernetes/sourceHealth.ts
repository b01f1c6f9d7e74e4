import { SourceProblem, SourceState } from '../../store/types';
import { KubeApiError } from './kubeHttp';

/** Why one collection cannot be followed right now. */
export interface CollectionTrouble {
  /** For messages: `Project in namespace acme`. */
  description: string;
  /** `projects.openchoreo.dev` */
  resource: string;
  error: Error;
}

/**
 * A missing CRD (404) or missing permission (403) is a lasting property of
 * the cluster: the rest still syncs, so it is a problem to fix, not an
 * outage. Everything else (connection refused, timeouts, 5xx, 401) means we
 * are not receiving changes.
 */
export function isOutage(error: Error): boolean {
  return !(
    error instanceof KubeApiError &&
    (error.status === 404 || error.status === 403)
  );
}

/** The message that says what is wrong with one collection and what to do. */
export function troubleMessage(trouble: CollectionTrouble, server: string) {
  const { error, description, resource } = trouble;
  if (error instanceof KubeApiError && error.status === 404) {
    return `${description}: ${resource} is not served by the API server at ${server}; install the OpenChoreo v1.2 CRDs (the source checks again every minute)`;
  }
  if (error instanceof KubeApiError && error.status === 403) {
    // name the refused verb: a role may allow list but not watch
    const verb = error.method === 'WATCH' ? 'watch' : 'list';
    return `${description}: not allowed to ${verb} ${resource} (${
      error.body?.message ?? 'forbidden'
    }); grant the backend's Kubernetes identity list and watch on it`;
  }
  if (error instanceof KubeApiError && error.status === 401) {
    return `${description}: the API server at ${server} rejected the credentials (401); renew the token or kubeconfig of this source`;
  }
  return `${description}: ${error.message}`;
}

export interface SourceHealth {
  state: SourceState;
  message?: string;
  /** Lasting troubles (missing CRDs, RBAC) reported as problems. */
  problems: SourceProblem[];
}

/**
 * The state of the whole source from the troubles of its collections:
 * `failing` while nothing could ever be listed, `stale` while any collection
 * lost the API server (the store keeps serving what it had), else `synced`.
 */
export function sourceHealth(
  troubles: Iterable<CollectionTrouble>,
  options: { server: string; everListed: boolean },
): SourceHealth {
  const outages: string[] = [];
  const problems: SourceProblem[] = [];
  for (const trouble of troubles) {
    const message = troubleMessage(trouble, options.server);
    if (isOutage(trouble.error)) {
      outages.push(message);
    } else {
      problems.push({ message });
    }
  }
  if (outages.length === 0) {
    return { state: 'synced', problems };
  }
  const more =
    outages.length > 1 ? ` (and ${outages.length - 1} more collections)` : '';
  if (!options.everListed) {
    return {
      state: 'failing',
      message: `Cannot read the control plane at ${options.server}: ${outages[0]}${more}. Check the source's url/kubeconfig, that the API server is reachable and its credentials; retrying with backoff.`,
      problems,
    };
  }
  return {
    state: 'stale',
    message: `Not receiving changes from ${options.server}: ${outages[0]}${more}. Serving the last known state; reconnecting with backoff.`,
    problems,
  };
}
