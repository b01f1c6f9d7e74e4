import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { choreoApiRef } from '../api/choreoApi';
import { ChoreoTestServer } from './choreoTestServer';

/** A catalog entity as the choreo catalog provider makes it. */
export function choreoEntity(
  kind: 'Component' | 'System',
  choreo: { kind: string; namespace: string; name: string; project?: string },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: choreo.name,
      namespace: choreo.namespace,
      annotations: {
        [CHOREO_ENTITY_ANNOTATIONS.kind]: choreo.kind,
        [CHOREO_ENTITY_ANNOTATIONS.namespace]: choreo.namespace,
        [CHOREO_ENTITY_ANNOTATIONS.name]: choreo.name,
        ...(choreo.project
          ? { [CHOREO_ENTITY_ANNOTATIONS.project]: choreo.project }
          : {}),
      },
    },
    spec: {
      type: 'service',
      owner: 'group:acme/storefront-team',
      lifecycle: 'production',
    },
  };
}

/** Renders `element` in a test app, on `entity`'s page, with the real client against `server`. */
export function renderChoreo(
  element: JSX.Element,
  options: { server: ChoreoTestServer; entity?: Entity },
) {
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(content, {
    apis: [[choreoApiRef, options.server.client()]],
  });
}
