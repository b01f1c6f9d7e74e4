import {
  CellTopology,
  ComponentDeployments,
  EndpointType,
  EndpointVisibility,
} from '@choreo-for-backstage/plugin-choreo-common';
import { endpointUrls } from '../deploy/EndpointList';

export interface EndpointRow {
  name: string;
  displayName?: string;
  type?: EndpointType;
  /** Undefined when the topology could not be read. */
  visibility?: EndpointVisibility[];
  urls: Array<{ environment: string; label: string; url: string }>;
}

/**
 * One row per endpoint of the component: its visibility from the cell
 * topology (the Workload declares it), its URLs from every environment's
 * binding.
 */
export function endpointRows(
  deployments: ComponentDeployments,
  topology: CellTopology | undefined,
): EndpointRow[] {
  const rows = new Map<string, EndpointRow>();
  const node = topology?.nodes.find(
    n =>
      n.kind === 'component' &&
      n.name === deployments.component.name &&
      n.inCell,
  );
  if (node && node.kind === 'component') {
    for (const ep of node.endpoints.project) {
      rows.set(ep.name, {
        name: ep.name,
        displayName: ep.displayName,
        type: ep.type,
        visibility: ep.visibility,
        urls: [],
      });
    }
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
