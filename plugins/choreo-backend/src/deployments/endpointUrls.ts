import {
  DeployedEndpoint,
  formatEndpointUrl,
  ReleaseBindingEndpointStatus,
} from '@choreo-for-backstage/plugin-choreo-common';

/** The URLs of `ReleaseBinding.status.endpoints`, preferring https. */
export function deployedEndpoints(
  endpoints: ReleaseBindingEndpointStatus[] | undefined,
): DeployedEndpoint[] {
  return (endpoints ?? []).map(ep => ({
    name: ep.name,
    type: ep.type,
    invokeURL: ep.invokeURL,
    externalURL: formatEndpointUrl(
      ep.externalURLs?.https ?? ep.externalURLs?.http ?? ep.externalURLs?.tls,
    ),
    internalURL: formatEndpointUrl(
      ep.internalURLs?.https ?? ep.internalURLs?.http ?? ep.internalURLs?.tls,
    ),
    serviceURL: formatEndpointUrl(ep.serviceURL),
  }));
}
