import {
  ComponentDeployments,
  EndpointType,
  EndpointVisibility,
} from '@choreo-for-backstage/plugin-choreo-common';
import { endpointUrls } from '../deploy/EndpointList';

export interface EndpointRow {
  name: string;
  displayName?: string;
  type?: EndpointType;
  /** Undefined for an endpoint the current Workload no longer declares. */
  visibility?: EndpointVisibility[];
  urls: Array<{ environment: string; label: string; url: string }>;
}

/**
 * One row per endpoint of the component: what its Workload declares (with
 * visibility), then the URLs from every environment's binding, including
 * endpoints only an older release still serves.
 */
export function endpointRows(deployments: ComponentDeployments): EndpointRow[] {
  const rows = new Map<string, EndpointRow>();
  for (const ep of deployments.component.endpoints) {
    rows.set(ep.name, {
      name: ep.name,
      displayName: ep.displayName,
      type: ep.type,
      visibility: ep.visibility,
      urls: [],
    });
  }
  for (const env of deployments.environments) {
    for (const ep of env.endpoints) {
      const row = rows.get(ep.name) ?? {
        name: ep.name,
        type: ep.type,
        urls: [],
      };
      row.type ??= ep.type;
      for (const u of endpointUrls(ep))
        row.urls.push({ environment: env.environment, ...u });
      rows.set(ep.name, row);
    }
  }
  return [...rows.values()];
}
