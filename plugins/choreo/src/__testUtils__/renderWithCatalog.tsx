import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { choreoApiRef } from '../api/choreoApi';
import { ChoreoTestServer } from './choreoTestServer';

/**
 * Like renderChoreo, for tabs that also read the catalog (environments,
 * pipelines, the other components): `catalog` is an in-memory catalog test
 * double (catalogApiMock) holding what the choreo catalog provider would have
 * made.
 */
export function renderWithCatalog(
  element: JSX.Element,
  options: { server: ChoreoTestServer; entity: Entity; catalog: Entity[] },
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity}>{element}</EntityProvider>,
    {
      apis: [
        [choreoApiRef, options.server.client()],
        [catalogApiRef, catalogApiMock({ entities: options.catalog })],
      ],
    },
  );
}
