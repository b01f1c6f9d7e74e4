import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';
import useAsync from 'react-use/esm/useAsync';
import {
  MarketplaceEndpoint,
  marketplaceEndpoint,
  projectTitles,
} from './marketplaceEndpoints';

const KIND_KEY = `metadata.annotations.${CHOREO_ENTITY_ANNOTATIONS.kind}`;

/** Everything a card shows; definitions can be large and are loaded when someone opens one. */
const LISTING_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.tags',
  'spec.type',
];

export interface MarketplaceData {
  endpoints: MarketplaceEndpoint[];
  /** The Choreo projects, for the "connecting from" and project filters. */
  projects: Array<{ namespace: string; project: string; title: string }>;
}

/** Every Choreo endpoint in the catalog (API entities made from Workload endpoints), with its project's title. */
export function useMarketplaceEndpoints() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<MarketplaceData> => {
    const [apis, systems] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: 'API', [KIND_KEY]: 'Component' },
        fields: LISTING_FIELDS,
      }),
      catalogApi.getEntities({
        filter: { kind: 'System', [KIND_KEY]: 'Project' },
        fields: LISTING_FIELDS,
      }),
    ]);
    const titles = projectTitles(systems.items);
    const endpoints = apis.items
      .map(api => marketplaceEndpoint(api, titles))
      .filter((e): e is MarketplaceEndpoint => !!e);
    const projects = systems.items
      .map(s => {
        const a = s.metadata.annotations ?? {};
        return {
          namespace: a[CHOREO_ENTITY_ANNOTATIONS.namespace] ?? '',
          project: a[CHOREO_ENTITY_ANNOTATIONS.name] ?? s.metadata.name,
          title: s.metadata.title ?? s.metadata.name,
        };
      })
      .filter(p => p.namespace)
      .sort((a, b) => a.title.localeCompare(b.title));
    return { endpoints, projects };
  }, [catalogApi]);
}
