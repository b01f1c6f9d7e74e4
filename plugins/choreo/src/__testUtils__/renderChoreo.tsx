import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
// type-only: the plugin never decides permissions (so does not depend on this
// package); its tests only answer them
import type {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
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

/*
 * usePermission keeps decisions in SWR's module-wide cache, and a decision
 * made for one test's user must not answer the next test: every test app
 * gets a cache of its own. swr is the permission plugin's dependency, not
 * ours, so it is reached the way jest reaches modules rather than imported.
 */
const { SWRConfig } = jest.requireActual<typeof import('swr')>('swr');
const freshCache = () => new Map();

// The permission framework's decisions as they travel over the wire.
const ALLOW = 'ALLOW' as AuthorizeResult.ALLOW;
const DENY = 'DENY' as AuthorizeResult.DENY;

/** Who is signed in and what the permission policy allows them. */
export interface TestUser {
  /** The signed-in user's entity ref; `user:acme/bob` by default. */
  userEntityRef?: string;
  /** What the policy allows; everything by default. */
  allow?: (request: EvaluatePermissionRequest) => boolean;
}

/** The identity and permission test doubles for `user`. */
function userApis(user: TestUser = {}) {
  const allow = user.allow ?? (() => true);
  return [
    mockApis.identity({ userEntityRef: user.userEntityRef ?? 'user:acme/bob' }),
    mockApis.permission({ authorize: r => (allow(r) ? ALLOW : DENY) }),
  ] as const;
}

/** Renders `element` in a test app, on `entity`'s page, with the real client against `server`. */
export function renderChoreo(
  element: JSX.Element,
  options: { server: ChoreoTestServer; entity?: Entity; user?: TestUser },
) {
  const content = (
    <SWRConfig value={{ provider: freshCache }}>
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </SWRConfig>
  );
  return renderInTestApp(content, {
    apis: [[choreoApiRef, options.server.client()], ...userApis(options.user)],
  });
}
